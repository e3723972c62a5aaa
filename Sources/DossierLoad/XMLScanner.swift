/// A pull tokenizer for the XML that spreadsheet files are made of: elements with attributes,
/// text with the five named entities and character references, CDATA, comments and processing
/// instructions. No DTD is read and no entity is declared or expanded beyond those, so no
/// input can make it fetch anything or grow (no "billion laughs"). It never recurses: depth is
/// the caller's business. Names are compared without their namespace prefix (`x:row` is `row`).
package struct XMLScanner {
    package enum Token: Equatable {
        /// `<name …>`, or `<name …/>` when `selfClosing`.
        case start(selfClosing: Bool)
        case end
        case text
        case endOfInput
    }

    package struct Failure: Error, Equatable {
        package var offset: Int
        package var message: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The local name of the current start or end tag.
    private var name: Range<Int> = 0..<0
    /// Between the name and the end of the current start tag: its attributes.
    private var attributes: Range<Int> = 0..<0
    /// The current text (entities still encoded) or CDATA (raw).
    private var textRange: Range<Int> = 0..<0
    private var textIsRaw = false

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    package var offset: Int { position }

    /// The next start tag, end tag or run of text. Comments, processing instructions and a
    /// DOCTYPE are skipped.
    package mutating func next() throws(Failure) -> Token {
        while true {
            guard position < bytes.count else { return .endOfInput }
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                textRange = start..<position
                textIsRaw = false
                return .text
            }
            if has("<!--", at: position) {
                position = try find("-->", from: position + 4, what: "a comment") + 3
                continue
            }
            if has("<![CDATA[", at: position) {
                let start = position + 9
                let end = try find("]]>", from: start, what: "a CDATA section")
                textRange = start..<end
                textIsRaw = true
                position = end + 3
                return .text
            }
            if has("<?", at: position) {
                position = try find("?>", from: position + 2, what: "a processing instruction") + 2
                continue
            }
            if has("<!", at: position) {
                // A DOCTYPE: skipped whole, internal subset included, and never interpreted.
                var index = position + 2
                var depth = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "[") { depth += 1 }
                    if byte == UInt8(ascii: "]") { depth -= 1 }
                    if byte == UInt8(ascii: ">") && depth <= 0 { break }
                    index += 1
                }
                guard index < bytes.count else { throw Failure(offset: position, message: "a declaration is never closed") }
                position = index + 1
                continue
            }
            return try tag()
        }
    }

    private mutating func tag() throws(Failure) -> Token {
        let open = position
        var index = position + 1
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
        guard index > nameStart else { throw Failure(offset: open, message: "a tag without a name") }
        var localStart = nameStart
        for cursor in nameStart..<index where bytes[cursor] == UInt8(ascii: ":") { localStart = cursor + 1 }
        name = localStart..<index
        // The end of the tag, skipping `>` inside quoted attribute values.
        let attributesStart = index
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            } else if byte == UInt8(ascii: "<") {
                throw Failure(offset: index, message: "a `<` inside a tag")
            }
            index += 1
        }
        guard index < bytes.count else { throw Failure(offset: open, message: "a tag is never closed") }
        position = index + 1
        if closing {
            attributes = index..<index
            return .end
        }
        let selfClosing = index > attributesStart && bytes[index - 1] == UInt8(ascii: "/")
        attributes = attributesStart..<(selfClosing ? index - 1 : index)
        return .start(selfClosing: selfClosing)
    }

    /// Whether the current tag's local name is `local`.
    package func named(_ local: StaticString) -> Bool {
        guard name.count == local.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: local.utf8Start, count: local.utf8CodeUnitCount)
        for offset in 0..<name.count where bytes[name.lowerBound + offset] != expected[offset] { return false }
        return true
    }

    /// The current tag's name, for messages.
    package var tagName: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self) }

    /// The decoded value of the current start tag's attribute whose local name is `local`.
    package func attribute(_ local: StaticString) -> [UInt8]? {
        let wanted = UnsafeBufferPointer(start: local.utf8Start, count: local.utf8CodeUnitCount)
        var index = attributes.lowerBound
        let end = attributes.upperBound
        while index < end {
            while index < end, Self.isSpace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < end, bytes[index] != UInt8(ascii: "="), !Self.isSpace(bytes[index]) { index += 1 }
            var localStart = nameStart
            for cursor in nameStart..<index where bytes[cursor] == UInt8(ascii: ":") { localStart = cursor + 1 }
            let attributeName = localStart..<index
            while index < end, Self.isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            while index < end, Self.isSpace(bytes[index]) { index += 1 }
            guard index < end else { return nil }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let valueStart = index + 1
            index = valueStart
            while index < end, bytes[index] != quote { index += 1 }
            let value = valueStart..<min(index, end)
            index += 1
            if attributeName.count == wanted.count,
                !zip(bytes[attributeName], wanted).contains(where: { $0 != $1 })
            {
                return Self.decode(UnsafeBufferPointer(rebasing: bytes[value]))
            }
        }
        return nil
    }

    /// An attribute as text.
    package func attributeText(_ local: StaticString) -> String? {
        attribute(local).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The current text, entities decoded, appended to `output`.
    package func appendText(to output: inout [UInt8]) {
        let raw = UnsafeBufferPointer(rebasing: bytes[textRange])
        if textIsRaw {
            output.append(contentsOf: raw)
        } else {
            Self.decode(raw, into: &output)
        }
    }

    /// Skips to the end of the element whose start tag was just read (its content, nested
    /// elements included).
    package mutating func skipElement() throws(Failure) {
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start(let selfClosing): if !selfClosing { depth += 1 }
            case .end: depth -= 1
            case .text: continue
            case .endOfInput: throw Failure(offset: position, message: "the document ends inside an element")
            }
        }
    }

    // MARK: - Bytes

    private func has(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
        return true
    }

    private func find(_ literal: StaticString, from start: Int, what: String) throws(Failure) -> Int {
        var index = start
        while index < bytes.count {
            if has(literal, at: index) { return index }
            index += 1
        }
        throw Failure(offset: start, message: "\(what) is never closed")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "<")
    }

    private static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        decode(raw, into: &output)
        return output
    }

    /// `&lt; &gt; &amp; &quot; &apos; &#N; &#xH;`; anything else after `&` is kept as written.
    private static func decode(_ raw: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < raw.count, end - index <= 12, raw[end] != UInt8(ascii: ";") { end += 1 }
            guard end < raw.count, raw[end] == UInt8(ascii: ";") else {
                output.append(byte)
                index += 1
                continue
            }
            let entity = Array(raw[(index + 1)..<end])
            if let scalar = reference(entity) {
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = end + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    private static func reference(_ entity: [UInt8]) -> Unicode.Scalar? {
        switch entity {
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("amp".utf8): return "&"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default: break
        }
        guard entity.first == UInt8(ascii: "#"), entity.count >= 2 else { return nil }
        var digits = entity.dropFirst()
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            let number: UInt32
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): number = UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: number = UInt32(digit - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: number = UInt32(digit - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value &* radix &+ number
            if value > 0x10FFFF { return nil }
        }
        return Unicode.Scalar(value)
    }
}
