import DossierSupport
import DossierDiagnostics

/// Turns a pattern into a `RegexNode` tree, a class table and the group names.
///
/// It reads the pattern's UTF-8 bytes left to right without recursion: open
/// groups live on `frames`. Escapes and bracketed classes are in
/// RegexParser+Escapes.swift. Every error carries the byte range to point at.
package struct RegexParser {
    /// Groups inside groups deeper than this are refused, which also bounds
    /// the recursion of the compiler that walks the tree.
    package static let maxDepth = 100
    /// Each capture group costs two slots per live thread when captures are
    /// wanted, so their number is bounded to keep matching memory and time sane.
    package static let maxCaptures = 100
    /// The largest count in `{n,m}`; larger counts only make programs too large anyway.
    package static let maxRepeatCount = 1_000

    package let bytes: [UInt8]
    package var index = 0
    package var flags = RegexFlags()
    private var frames: [RegexGroupFrame]
    /// Names of the capture groups in order (nil for unnamed ones).
    private(set) var captureNames: [String?] = []
    /// The classes that `.set(i)` nodes point into.
    private(set) var classes: [RegexCharClass] = []
    private var builtinClassIndex: [RegexBuiltinSet: Int] = [:]

    package init(_ pattern: String) {
        bytes = Array(pattern.utf8)
        frames = [RegexGroupFrame(kind: .root, openOffset: 0, flagsOnEntry: RegexFlags())]
    }

    /// Parses the whole pattern.
    package mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        while let byte = peek() {
            let start = index
            switch byte {
            case UInt8(ascii: "("): try openGroup()
            case UInt8(ascii: ")"): try closeGroup()
            case UInt8(ascii: "|"):
                index += 1
                frames[top].endBranch()
            case UInt8(ascii: "*"): try quantify(min: 0, max: nil, skipping: 1)
            case UInt8(ascii: "+"): try quantify(min: 1, max: nil, skipping: 1)
            case UInt8(ascii: "?"): try quantify(min: 0, max: 1, skipping: 1)
            case UInt8(ascii: "{"):
                if let counted = try countedRepetition() {
                    try quantify(min: counted.min, max: counted.max, skipping: counted.length)
                } else {
                    // Like Python and RE2, a brace that does not form `{n,m}` is itself.
                    index += 1
                    appendLiteral(UInt32(byte), from: start)
                }
            case UInt8(ascii: "["):
                let set = try parseClass()
                frames[top].append(.set(set), as: .atom(start..<index))
            case UInt8(ascii: "."):
                index += 1
                frames[top].append(.any(matchesNewline: flags.dotMatchesNewline), as: .atom(start..<index))
            case UInt8(ascii: "^"):
                index += 1
                frames[top].append(.assertion(flags.multiline ? .lineStart : .textStart), as: .anchor)
            case UInt8(ascii: "$"):
                index += 1
                frames[top].append(.assertion(flags.multiline ? .lineEnd : .textEnd), as: .anchor)
            case UInt8(ascii: "\\"):
                try parseEscapeAtom()
            default:
                let (scalar, length) = scalar(at: index)
                index += length
                appendLiteral(scalar, from: start)
            }
        }
        if frames.count > 1 {
            let open = frames[top].openOffset
            throw DataMessages.unclosedGroup(at: open..<open + 1)
        }
        return frames[top].finished()
    }

    // MARK: Helpers shared with the escape and class parsing

    /// The innermost open group (the root frame is never popped).
    package var top: Int { frames.count - 1 }

    package func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// The scalar starting at byte `i` of the pattern (a Swift string is always valid UTF-8).
    package func scalar(at i: Int) -> (scalar: UInt32, length: Int) {
        bytes.withUnsafeBufferPointer { RegexScalars.decode($0, at: i) }
    }

    /// The pattern's text over `range`, for quoting it in messages: control
    /// characters are written as escapes so that a message stays on one line.
    package func text(_ range: Range<Int>) -> String {
        let raw = String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
        var quoted = ""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            case "\u{0}"..."\u{1F}", "\u{7F}": quoted += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted
    }

    package mutating func appendItem(_ node: RegexNode, as kind: RegexGroupFrame.LastItem) {
        frames[top].append(node, as: kind)
    }

    package mutating func appendLiteral(_ scalar: UInt32, from start: Int) {
        let folds = flags.caseInsensitive && RegexScalars.hasCaseVariants(scalar)
        frames[top].append(.literal(scalar, caseInsensitive: folds), as: .atom(start..<index))
    }

    /// The class-table index for a shorthand like `\d`, made once per kind.
    package mutating func builtinClass(_ set: RegexBuiltinSet) -> Int {
        if let known = builtinClassIndex[set] { return known }
        return addClass(RegexCharClass(builtin: set), builtin: set)
    }

    package mutating func addClass(_ set: RegexCharClass, builtin: RegexBuiltinSet? = nil) -> Int {
        classes.append(set)
        if let builtin { builtinClassIndex[builtin] = classes.count - 1 }
        return classes.count - 1
    }

    // MARK: Quantifiers

    /// Applies a quantifier of `length` bytes at `index` (plus a lazy `?`) to the last item.
    private mutating func quantify(min: Int, max: Int?, skipping length: Int) throws(RegexSyntaxError) {
        let start = index
        index += length
        var greedy = true
        if peek() == UInt8(ascii: "?") {
            greedy = false
            index += 1
        } else if peek() == UInt8(ascii: "+") {
            throw DataMessages.possessiveQuantifier(text(start..<index + 1), at: start..<index + 1)
        }
        let range = start..<index
        if frames[top].repeatLast(min: min, max: max, greedy: greedy) { return }
        let quantifier = text(range)
        switch frames[top].last {
        case .quantifier:
            throw DataMessages.quantifierAfterQuantifier(quantifier, at: range)
        case .anchor:
            throw DataMessages.quantifiedAnchor(quantifier, at: range)
        default:
            throw DataMessages.nothingToRepeat(quantifier, at: range)
        }
    }

    /// Reads `{n}`, `{n,}`, `{n,m}`, `{,m}` or `{,}` at `index` without consuming it;
    /// nil when the brace does not start one (then it is a literal brace).
    private func countedRepetition() throws(RegexSyntaxError) -> (min: Int, max: Int?, length: Int)? {
        var i = index + 1
        func number() -> Int? {
            var value: Int?
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                // Saturate well above the limit instead of overflowing on absurd counts.
                value = Swift.min((value ?? 0) * 10 + Int(bytes[i] - UInt8(ascii: "0")), 1_000_000)
                i += 1
            }
            return value
        }
        let low = number()
        var high = low
        var hasComma = false
        if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
            hasComma = true
            i += 1
            high = number()
        }
        // `{,}` means `{0,}`, as in Python; `{}` and `{x}` are literal text.
        guard i < bytes.count, bytes[i] == UInt8(ascii: "}"), low != nil || hasComma else { return nil }
        let range = index..<i + 1
        let min = low ?? 0
        if min > Self.maxRepeatCount || (high ?? 0) > Self.maxRepeatCount {
            throw DataMessages.repeatCountTooLarge(limit: Self.maxRepeatCount, at: range)
        }
        if let high, min > high {
            throw DataMessages.repeatMinimumAboveMaximum(text(range), at: range)
        }
        return (min, hasComma ? high : min, i + 1 - index)
    }

    // MARK: Groups

    private mutating func openGroup() throws(RegexSyntaxError) {
        let start = index
        index += 1
        guard frames.count <= Self.maxDepth else {
            throw DataMessages.groupsTooDeep(limit: Self.maxDepth, at: start..<index)
        }
        guard peek() == UInt8(ascii: "?") else { return try pushCapture(name: nil, openedAt: start) }
        index += 1
        let patternEnd = bytes.count
        // The group's opening, `length` bytes at most, for an unsupported construct.
        let opening = { (length: Int) -> Range<Int> in start..<Swift.min(start + length, patternEnd) }
        switch peek() {
        case UInt8(ascii: ":"):
            index += 1
            frames.append(RegexGroupFrame(kind: .nonCapturing, openOffset: start, flagsOnEntry: flags))
        case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "=") || peek(1) == UInt8(ascii: "!"):
            throw DataMessages.lookbehind(at: opening(4))
        case UInt8(ascii: "<"):
            index += 1
            try pushCapture(name: try groupName(openedAt: start), openedAt: start)
        case UInt8(ascii: "P") where peek(1) == UInt8(ascii: "<"):
            index += 2
            try pushCapture(name: try groupName(openedAt: start), openedAt: start)
        case UInt8(ascii: "P") where peek(1) == UInt8(ascii: "="):
            throw DataMessages.namedBackreference(at: opening(4))
        case UInt8(ascii: "="), UInt8(ascii: "!"):
            throw DataMessages.lookahead(at: opening(3))
        case UInt8(ascii: ">"):
            throw DataMessages.atomicGroup(at: opening(3))
        case UInt8(ascii: "#"):
            try skipComment(openedAt: start)
        case UInt8(ascii: "("):
            throw DataMessages.conditionalGroup(at: opening(3))
        case UInt8(ascii: "|"):
            throw DataMessages.branchResetGroup(at: opening(3))
        case UInt8(ascii: "R"), UInt8(ascii: "&"), UInt8(ascii: "+"), .some(UInt8(ascii: "0")...UInt8(ascii: "9")),
            UInt8(ascii: "P") where peek(1) == UInt8(ascii: ">"):
            throw DataMessages.recursivePattern(at: opening(3))
        case UInt8(ascii: "-") where (peek(1).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) ?? false:
            throw DataMessages.recursivePattern(at: opening(4))
        case nil:
            throw DataMessages.unclosedGroup(at: start..<start + 1)
        default:
            try parseFlags(openedAt: start)
        }
    }

    private mutating func pushCapture(name: String?, openedAt start: Int) throws(RegexSyntaxError) {
        guard captureNames.count < Self.maxCaptures else {
            throw DataMessages.tooManyCaptures(limit: Self.maxCaptures, at: start..<start + 1)
        }
        captureNames.append(name)
        frames.append(RegexGroupFrame(kind: .capture(captureNames.count), openOffset: start, flagsOnEntry: flags))
    }

    /// Reads `name>` of `(?<name>` or `(?P<name>`.
    private mutating func groupName(openedAt start: Int) throws(RegexSyntaxError) -> String {
        let nameStart = index
        while let byte = peek(), byte != UInt8(ascii: ">") {
            let (scalar, length) = scalar(at: index)
            let isLetter = byte == UInt8(ascii: "_") || RegexScalars.isWord(scalar) && !RegexScalars.isDigit(scalar)
            guard isLetter || (index > nameStart && RegexScalars.isDigit(scalar)) else {
                if byte == UInt8(ascii: ")") { break }
                throw DataMessages.badGroupNameCharacter(at: index..<index + length)
            }
            index += length
        }
        guard peek() == UInt8(ascii: ">") else { throw DataMessages.groupNameUnclosed(at: start..<index) }
        let name = text(nameStart..<index)
        index += 1
        guard !name.isEmpty else { throw DataMessages.groupNameEmpty(at: start..<index) }
        guard !captureNames.contains(name) else {
            throw DataMessages.groupNameTwice(name, at: start..<index)
        }
        return name
    }

    private mutating func skipComment(openedAt start: Int) throws(RegexSyntaxError) {
        while let byte = peek(), byte != UInt8(ascii: ")") { index += 1 }
        guard peek() != nil else { throw DataMessages.unclosedComment(at: start..<start + 3) }
        index += 1
    }

    /// Reads `ims-ims)` (the flags change for the rest of the enclosing group)
    /// or `ims-ims:` (a non-capturing group with these flags).
    private mutating func parseFlags(openedAt start: Int) throws(RegexSyntaxError) {
        var newFlags = flags
        var turningOff = false
        var sawFlag = false
        while let byte = peek() {
            let on = !turningOff
            switch byte {
            case UInt8(ascii: "i"): newFlags.caseInsensitive = on
            case UInt8(ascii: "m"): newFlags.multiline = on
            case UInt8(ascii: "s"): newFlags.dotMatchesNewline = on
            case UInt8(ascii: "u") where on:
                break  // Python's "Unicode" flag: always the case here.
            case UInt8(ascii: "-") where !turningOff:
                turningOff = true
                index += 1
                continue
            case UInt8(ascii: ")"), UInt8(ascii: ":"):
                index += 1
                guard sawFlag else { throw DataMessages.missingFlag(at: start..<index) }
                if byte == UInt8(ascii: ")") {
                    flags = newFlags
                    frames[top].noteFlags()
                } else {
                    frames.append(RegexGroupFrame(kind: .nonCapturing, openOffset: start, flagsOnEntry: flags))
                    flags = newFlags
                }
                return
            default:
                let length = scalar(at: index).length
                throw DataMessages.unknownFlag(text(index..<index + length), at: index..<index + length)
            }
            sawFlag = true
            index += 1
        }
        throw DataMessages.unclosedGroup(at: start..<start + 1)
    }

    private mutating func closeGroup() throws(RegexSyntaxError) {
        let start = index
        index += 1
        guard frames.count > 1 else { throw DataMessages.unbalancedClose(at: start..<index) }
        let frame = frames.removeLast()
        var node = frame.finished()
        if case .capture(let number) = frame.kind { node = .capture(node, index: number) }
        flags = frame.flagsOnEntry
        frames[top].append(node, as: .atom(frame.openOffset..<index))
    }
}
