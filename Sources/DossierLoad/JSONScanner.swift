import DossierSupport
import DossierDiagnostics
import DossierData

/// A byte-level JSON tokenizer for the loaders: values are handed out as byte ranges (or an
/// unescaped copy in `scratch`), never as boxed trees, so a large file costs its columns only.
package struct JSONScanner {
    // Safe: a view of the file's bytes; the reader that owns the scanner keeps the FileBytes alive.
    package let bytes: UnsafeBufferPointer<UInt8>
    package var position: Int
    package var scratch: [UInt8] = []

    /// A parse failure at a byte offset; the reader turns it into a diagnostic.
    package struct Failure: Error {
        package let offset: Int
        package let message: String
        package var hint: String?
        /// Well-formed JSON that holds no table (a schema, a settings file): a directory load
        /// skips such a file with a warning instead of failing.
        package var notTabular = false
    }

    package init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    @inline(__always)
    package mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                position += 1
            } else {
                return
            }
        }
    }

    /// The next non-space byte, without consuming it.
    @inline(__always)
    package mutating func peek() -> UInt8? {
        skipSpace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Consumes `byte`; anything else is `problem(found, position)`.
    package mutating func expect(_ byte: UInt8, else problem: (_ found: String, _ offset: Int) -> Failure) throws(Failure) {
        guard peek() == byte else { throw failure(problem) }
        position += 1
    }

    /// A failure at the cursor: `problem` (from `LoadMessages`) told what stands there.
    package func failure(_ problem: (_ found: String, _ offset: Int) -> Failure) -> Failure {
        problem(LoadMessages.jsonFound(position < bytes.count ? bytes[position] : nil), position)
    }

    /// A string at the cursor, as the byte range of its content; when it holds escapes, the
    /// unescaped bytes are in `scratch` and `escaped` is true. No closure: the loaders' hot path.
    @inline(__always)
    package mutating func stringSpan() throws(Failure) -> (start: Int, end: Int, escaped: Bool) {
        guard peek() == UInt8(ascii: "\"") else { throw failure(LoadMessages.expectedString) }
        let start = position + 1
        var index = start
        var escaped = false
        let count = bytes.count
        if let base = bytes.baseAddress {
            // Eight bytes at a time to the first quote, backslash or control character.
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quotes: UInt64 = 0x22 &* ones
            let backslashes: UInt64 = 0x5C &* ones
            while index + 8 <= count {
                // Safe: index + 8 <= count, so the eight bytes are inside the buffer.
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let q = word ^ quotes
                let b = word ^ backslashes
                let control = (word &- 0x2020_2020_2020_2020) & ~word
                let found = ((q &- ones) & ~q | (b &- ones) & ~b | control) & highs
                if found != 0 {
                    index += found.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            if byte < 0x20 {
                position = index
                throw failure(LoadMessages.controlCharacterInString)
            }
            index += 1
        }
        guard index < count else {
            position = start - 1
            throw LoadMessages.unclosedString(at: start - 1)
        }
        if index - start > DataLimits.maximumValueBytes {
            position = start - 1
            throw failure { LoadMessages.stringTooLong(limitBytes: DataLimits.maximumValueBytes, found: $0, at: $1) }
        }
        position = index + 1
        if escaped { try unescape(start..<index) }
        return (start, index, escaped)
    }

    /// A string at the cursor: its content bytes, unescaped (into `scratch` when needed).
    package mutating func string<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) throws(Failure) -> R {
        let (start, end, escaped) = try stringSpan()
        if escaped { return scratch.withUnsafeBufferPointer { body($0) } }
        // Safe: stringSpan returns start <= end <= bytes.count; the view lives only for `body`.
        return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    private mutating func unescape(_ range: Range<Int>) throws(Failure) {
        scratch.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < range.upperBound else {
                scratch.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            index += 2
            switch next {
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): scratch.append(next)
            case UInt8(ascii: "u"):
                var value = try hex4(at: index)
                index += 4
                // A surrogate pair: \uD83D\uDE00.
                if value >= 0xD800 && value < 0xDC00, index + 6 <= range.upperBound,
                    bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                {
                    let low = try hex4(at: index + 2)
                    if low >= 0xDC00 && low < 0xE000 {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                position = index - 2
                throw failure(LoadMessages.unknownEscape)
            }
        }
    }

    private mutating func hex4(at index: Int) throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else {
            position = index
            throw failure(LoadMessages.expectedHexDigits)
        }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x37)
            case 0x61...0x66: digit = UInt32(byte - 0x57)
            default:
                position = index + offset
                throw failure(LoadMessages.expectedHexDigits)
            }
            value = value * 16 + digit
        }
        return value
    }

    /// A number at the cursor: its bytes, and whether it is written as a whole number.
    package mutating func number() throws(Failure) -> (Range<Int>, isWhole: Bool) {
        skipSpace()
        let start = position
        var index = position
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
        guard index > digitsStart else { throw failure(LoadMessages.expectedNumberValue) }
        if index - digitsStart > 1, bytes[digitsStart] == UInt8(ascii: "0") {
            position = digitsStart
            throw failure(LoadMessages.leadingZero)
        }
        var isWhole = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isWhole = false
            index += 1
            let fraction = index
            while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
            guard index > fraction else {
                position = index
                throw failure(LoadMessages.expectedFractionDigits)
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isWhole = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponent = index
            while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
            guard index > exponent else {
                position = index
                throw failure(LoadMessages.expectedExponentDigits)
            }
        }
        position = index
        return (start..<index, isWhole)
    }

    /// `true`, `false` or `null` at the cursor.
    @inline(__always)
    package mutating func literal() throws(Failure) -> Bool? {
        skipSpace()
        // Four bytes at once: "true", "null", or "fals" followed by "e".
        if position + 4 <= bytes.count, let base = bytes.baseAddress {
            // Safe: position + 4 <= bytes.count was checked, so the four bytes are inside the buffer.
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt32.self)
            switch word {
            case 0x6575_7274:  // "true"
                position += 4
                return true
            case 0x6C6C_756E:  // "null"
                position += 4
                return nil
            case 0x736C_6166 where position + 5 <= bytes.count && bytes[position + 4] == UInt8(ascii: "e"):  // "false"
                position += 5
                return false
            default:
                break
            }
        }
        throw failure(LoadMessages.expectedValue)
    }

    /// Skips any value (used for members that are not the data).
    package mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard depth < JSONReader.maximumDepth else {
            throw failure { LoadMessages.valuesTooDeep(limit: JSONReader.maximumDepth, found: $0, at: $1) }
        }
        switch peek() {
        case UInt8(ascii: "{")?:
            position += 1
            if peek() == UInt8(ascii: "}") {
                position += 1
                return
            }
            while true {
                _ = try string { _ in () }
                try expect(UInt8(ascii: ":"), else: LoadMessages.expectedColonAfterName)
                try skipValue(depth: depth + 1)
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), else: LoadMessages.expectedObjectEnd)
                return
            }
        case UInt8(ascii: "[")?:
            position += 1
            if peek() == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), else: LoadMessages.expectedArrayEnd)
                return
            }
        case UInt8(ascii: "\"")?:
            _ = try string { _ in () }
        case let byte? where byte == UInt8(ascii: "-") || byte &- 0x30 < 10:
            _ = try number()
        default:
            _ = try literal()
        }
    }
}
