import DossierSupport
import DossierDiagnostics

/// What a backslash sequence stands for.
package enum RegexEscape {
    case scalar(UInt32)
    case set(RegexBuiltinSet)
    case assertion(RegexAssertion)
}

extension RegexParser {
    /// A backslash sequence outside brackets, appended to the current group.
    package mutating func parseEscapeAtom() throws(RegexSyntaxError) {
        let start = index
        switch try parseEscape(inClass: false) {
        case .scalar(let scalar): appendLiteral(scalar, from: start)
        case .set(let set):
            let node = RegexNode.set(builtinClass(set))
            appendNode(node, range: start..<index)
        case .assertion(let assertion): appendAnchor(assertion)
        }
    }

    /// Reads the escape whose backslash is at `index`.
    package mutating func parseEscape(inClass: Bool) throws(RegexSyntaxError) -> RegexEscape {
        let start = index
        index += 1
        guard index < bytes.count else {
            throw DataMessages.loneBackslash(at: start..<index)
        }
        let (scalar, length) = scalar(at: index)
        index += length
        let range = start..<index
        guard scalar < 0x80, let letter = Unicode.Scalar(scalar).map(Character.init), letter.isLetter || letter.isNumber
        else {
            // Any escaped punctuation, space or non-ASCII scalar stands for itself.
            return .scalar(scalar)
        }
        switch letter {
        case "d": return .set(.digit)
        case "D": return .set(.notDigit)
        case "w": return .set(.word)
        case "W": return .set(.notWord)
        case "s": return .set(.space)
        case "S": return .set(.notSpace)
        case "n": return .scalar(0x0A)
        case "t": return .scalar(0x09)
        case "r": return .scalar(0x0D)
        case "f": return .scalar(0x0C)
        case "v": return .scalar(0x0B)
        case "x": return .scalar(try hexEscape(from: start, braced: peek() == UInt8(ascii: "{"), digits: 2))
        case "u": return .scalar(try hexEscape(from: start, braced: peek() == UInt8(ascii: "{"), digits: 4))
        case "b", "B", "A", "z", "Z":
            if inClass {
                throw DataMessages.anchorEscapeInClass(text(range), at: range)
            }
            let anchors: [Character: RegexAssertion] = [
                "b": .wordBoundary, "B": .notWordBoundary, "A": .textStart, "z": .textEnd, "Z": .textEnd,
            ]
            return .assertion(anchors[letter] ?? .textEnd)
        case "1"..."9", "k", "g":
            while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
            throw DataMessages.backreference(text(start..<index), at: start..<index)
        case "0":
            throw DataMessages.octalEscape(at: range)
        case "p", "P":
            throw DataMessages.unicodePropertyClass(at: range)
        default:
            throw DataMessages.unknownEscape(text(range), at: range)
        }
    }

    /// `\xHH`, `\uHHHH`, or the braced forms `\x{H...}` and `\u{H...}` (1 to 6 hex digits).
    private mutating func hexEscape(from start: Int, braced: Bool, digits: Int) throws(RegexSyntaxError) -> UInt32 {
        let kind = text(start..<index)
        if braced { index += 1 }
        var value: UInt32 = 0
        var count = 0
        while count < (braced ? 6 : digits), let byte = peek(), let digit = Self.hexValue(byte) {
            value = value << 4 | digit
            count += 1
            index += 1
        }
        let closed = !braced || peek() == UInt8(ascii: "}")
        if braced && closed { index += 1 }
        guard closed, braced ? count > 0 : count == digits else {
            throw DataMessages.malformedHexEscape(text(start..<index), kind: kind, braced: braced, digits: digits, at: start..<index)
        }
        guard Unicode.Scalar(value) != nil else {
            throw DataMessages.notAScalar(text(start..<index), at: start..<index)
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: Bracketed classes

    /// Reads `[...]` at `index` and returns its index in the class table.
    package mutating func parseClass() throws(RegexSyntaxError) -> Int {
        let start = index
        index += 1
        var negated = false
        if peek() == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var builtins: [RegexBuiltinSet] = []
        var first = true
        while true {
            guard let byte = peek() else { throw DataMessages.unclosedClass(at: start..<start + 1) }
            // A ']' right after '[' or '[^' is a literal, as in Python and POSIX.
            if byte == UInt8(ascii: "]") && !first {
                index += 1
                break
            }
            first = false
            let itemStart = index
            let low = try classItem()
            let isRange = peek() == UInt8(ascii: "-") && peek(1) != nil && peek(1) != UInt8(ascii: "]")
            switch low {
            case .set(let set):
                if isRange {
                    throw DataMessages.classRangeStartsWithShorthand(text(itemStart..<index), at: itemStart..<index + 1)
                }
                builtins.append(set)
            case .scalar(let lowScalar):
                guard isRange else {
                    ranges.append(lowScalar...lowScalar)
                    continue
                }
                index += 1
                guard case .scalar(let highScalar) = try classItem() else {
                    throw DataMessages.classRangeEndsWithShorthand(at: itemStart..<index)
                }
                guard lowScalar <= highScalar else {
                    throw DataMessages.classRangeOutOfOrder(text(itemStart..<index), at: itemStart..<index)
                }
                ranges.append(lowScalar...highScalar)
            case .assertion:
                throw DataMessages.anchorInClass(at: itemStart..<index)
            }
        }
        let set = RegexCharClass(
            ranges: ranges, builtins: builtins, negated: negated, caseInsensitive: flags.caseInsensitive)
        return addClass(set)
    }

    /// One scalar or shorthand inside brackets.
    private mutating func classItem() throws(RegexSyntaxError) -> RegexEscape {
        if peek() == UInt8(ascii: "\\") { return try parseEscape(inClass: true) }
        if peek() == UInt8(ascii: "["), peek(1) == UInt8(ascii: ":") || peek(1) == UInt8(ascii: "="),
            let end = posixClassEnd() {
            throw DataMessages.posixClass(at: index..<end)
        }
        let (scalar, length) = scalar(at: index)
        index += length
        return .scalar(scalar)
    }

    /// If `[:name:]` (or `[=x=]`) starts at `index`, the offset just after it.
    private func posixClassEnd() -> Int? {
        guard let delimiter = peek(1) else { return nil }
        var i = index + 2
        while i < bytes.count, (bytes[i] >= UInt8(ascii: "a") && bytes[i] <= UInt8(ascii: "z"))
            || (bytes[i] >= UInt8(ascii: "A") && bytes[i] <= UInt8(ascii: "Z")) {
            i += 1
        }
        guard i > index + 2, i + 1 < bytes.count, bytes[i] == delimiter, bytes[i + 1] == UInt8(ascii: "]") else {
            return nil
        }
        return i + 2
    }

    private mutating func appendNode(_ node: RegexNode, range: Range<Int>) {
        appendItem(node, as: .atom(range))
    }

    private mutating func appendAnchor(_ assertion: RegexAssertion) {
        appendItem(.assertion(assertion), as: .anchor)
    }
}
