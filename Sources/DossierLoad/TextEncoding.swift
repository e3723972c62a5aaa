import DossierData

/// The encodings text files come in, and their conversion to UTF-8, which every reader works
/// on. UTF-8 needs no conversion (a byte-order mark is skipped by the readers); UTF-16 is
/// recognised by its byte-order mark (or by the NUL bytes of ASCII text without one); a file
/// that is not valid UTF-8 is read as Windows-1252, the encoding of spreadsheet exports on
/// Western Windows systems, of which Latin-1 is a subset.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8, utf16LittleEndian, utf16BigEndian, windows1252, latin1

    /// The names accepted by `load … encoding "NAME"`, case and punctuation ignored.
    public init?(name: String) {
        let key = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        switch key {
        case "utf8": self = .utf8
        case "utf16", "utf16le": self = .utf16LittleEndian
        case "utf16be": self = .utf16BigEndian
        case "windows1252", "cp1252", "win1252", "ansi": self = .windows1252
        case "latin1", "iso88591", "l1", "iso885915", "latin9": self = .latin1
        default: return nil
        }
    }

    /// The names listed in help and in the error for an unknown one.
    public static let acceptedNames = "utf-8, utf-16, utf-16be, windows-1252, latin1"

    /// As people know it.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LittleEndian: return "UTF-16 (little-endian)"
        case .utf16BigEndian: return "UTF-16 (big-endian)"
        case .windows1252: return "Windows-1252"
        case .latin1: return "Latin-1 (ISO-8859-1)"
        }
    }

    /// UTF-16 by its byte-order mark, or by the pattern of NUL bytes that ASCII text in UTF-16
    /// has in its first characters. Nil: treat the bytes as UTF-8 (checked as they are read).
    public static func detectUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return .utf16LittleEndian }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return .utf16BigEndian }
        guard bytes.count >= 8 else { return nil }
        let evenZero = stride(from: 0, to: 8, by: 2).allSatisfy { bytes[$0] == 0 }
        let oddZero = stride(from: 1, to: 8, by: 2).allSatisfy { bytes[$0] == 0 }
        if oddZero && !evenZero && bytes[0] != 0 { return .utf16LittleEndian }
        if evenZero && !oddZero && bytes[1] != 0 { return .utf16BigEndian }
        return nil
    }

    /// Windows-1252 when a byte of its extra range (0x80–0x9F: curly quotes, €, dashes) occurs,
    /// else Latin-1, which reads every other byte the same way.
    public static func singleByteGuess(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding {
        for byte in bytes where byte >= 0x80 && byte <= 0x9F { return .windows1252 }
        return .latin1
    }

    /// Whether bytes that are not all UTF-8 still hold more well-formed multi-byte UTF-8
    /// characters than bytes that fit none: a UTF-8 file with a damaged byte, not Latin-1
    /// (whose accented letters are single bytes that UTF-8 cannot start with).
    public static func isMostlyUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var wellFormed = 0
        var stray = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x80 else {
                index += 1
                continue
            }
            let length = byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0
            if length > 0, index + length <= bytes.count, (1..<length).allSatisfy({ bytes[index + $0] & 0xC0 == 0x80 }) {
                wellFormed += 1
                index += length
            } else {
                stray += 1
                index += 1
            }
        }
        return wellFormed > stray
    }

    /// The text as UTF-8, without a byte-order mark. Bytes that mean nothing in the encoding
    /// (half a UTF-16 character) become U+FFFD; nothing is dropped silently.
    public func convertToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        switch self {
        case .utf8:
            var start = 0
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
            output = Array(bytes[start...])
        case .utf16LittleEndian, .utf16BigEndian:
            output.reserveCapacity(bytes.count)
            let little = self == .utf16LittleEndian
            var index = 0
            if bytes.count >= 2 && (little ? bytes[0] == 0xFF && bytes[1] == 0xFE : bytes[0] == 0xFE && bytes[1] == 0xFF) {
                index = 2
            }
            func unit(_ at: Int) -> UInt32 {
                little ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 : UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
            }
            while index + 1 < bytes.count {
                let first = unit(index)
                index += 2
                if first >= 0xD800 && first <= 0xDBFF, index + 1 < bytes.count {
                    let second = unit(index)
                    if second >= 0xDC00 && second <= 0xDFFF {
                        index += 2
                        Self.appendUTF8(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), to: &output)
                        continue
                    }
                }
                Self.appendUTF8(first >= 0xD800 && first <= 0xDFFF ? 0xFFFD : first, to: &output)
            }
            if index < bytes.count { Self.appendUTF8(0xFFFD, to: &output) }
        case .windows1252, .latin1:
            output.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte < 0x80 {
                    output.append(byte)
                } else if byte < 0xA0 && self == .windows1252 {
                    Self.appendUTF8(UInt32(Self.windows1252High[Int(byte) - 0x80]), to: &output)
                } else {
                    Self.appendUTF8(UInt32(byte), to: &output)
                }
            }
        }
        return output
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        UTF8Bytes.append(scalar, to: &output)
    }

    /// Windows-1252's characters for bytes 0x80–0x9F; the five it leaves undefined keep their
    /// Latin-1 (control) meaning, as web browsers read them.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
