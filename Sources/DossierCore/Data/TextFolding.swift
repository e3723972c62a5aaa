/// Case-insensitive text, as §4 wants: `"Alpha" = "alpha"`. Text is compared through its
/// folded UTF-8 bytes; ASCII takes a byte-level fast path, the rest goes through Unicode's
/// case mappings (upper then lower, so `ß` and `SS` meet).
public enum TextFolding {
    public static func fold(_ text: String) -> [UInt8] {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return text.utf8.map(lowerASCII) }
        return Array(text.uppercased().lowercased().utf8)
    }

    public static func fold<C: Collection>(bytes: C) -> [UInt8] where C.Element == UInt8 {
        for byte in bytes where byte >= 0x80 {
            return fold(String(decoding: bytes, as: UTF8.self))
        }
        return bytes.map(lowerASCII)
    }

    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Whether `bytes` fold to exactly `folded`, without allocating for ASCII.
    @inline(__always)
    public static func foldedEquals(_ bytes: UnsafeBufferPointer<UInt8>, _ folded: [UInt8]) -> Bool {
        var ascii = true
        if bytes.count == folded.count {
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    ascii = false
                    break
                }
                if lowerASCII(byte) != folded[index] { return false }
            }
            if ascii { return true }
        } else {
            for byte in bytes where byte >= 0x80 {
                ascii = false
                break
            }
            if ascii { return false }
        }
        return fold(bytes: bytes) == folded
    }

    /// Lexicographic order of folded byte strings.
    public static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let shared = min(a.count, b.count)
        for index in 0..<shared where a[index] != b[index] {
            return a[index] < b[index] ? -1 : 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// Whether `needle` (folded) occurs in `haystack` (folded).
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        let first = needle[0]
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var index = 1
                while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
                if index == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
