import DossierSupport
import DossierDiagnostics

/// Text compared as people read it (§4): NFC-normalised, and case-insensitive through Unicode
/// full case folding (CaseFolding.txt statuses C and F), so `"Alpha" = "alpha"`,
/// `"straße" = "STRASSE"`, `"ﬁ" = "fi"` and `café` typed with a combining accent is `café`.
///
/// Text is compared through its folded UTF-8 bytes. ASCII takes a byte-level fast path; the
/// rest goes through the generated tables (UnicodeTables.swift, from generate.py). Every
/// function accepts any bytes: ill-formed UTF-8 reads as U+FFFD, never a trap. Input that is
/// not certainly NFC is normalised first (the standard library's normaliser), so canonically
/// equivalent texts always fold alike.
public enum TextFolding {
    // MARK: NFC

    /// Whether `bytes` are well-formed UTF-8 and known to be NFC without normalising: every
    /// scalar is assigned, of canonical combining class 0 and NFC_Quick_Check = Yes. All ASCII
    /// and all text below U+0300 (Latin-1, Latin Extended) pass at byte speed; so does most text
    /// in other scripts (Greek, Cyrillic, CJK, Hangul syllables). False does not mean "not NFC"
    /// (a lone combining accent after a letter that has no precomposed form is NFC).
    public static func isCertainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = UTF8Bytes.asciiPrefix(bytes)
        while index < count {
            if UTF8Bytes.next(bytes, &index, checked: true) == UTF8Bytes.notCertain { return false }
        }
        return true
    }

    /// NFC-normalised bytes of `bytes` (ill-formed sequences become U+FFFD). Text that is
    /// certainly NFC is copied as is.
    public static func nfc(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        isCertainlyNFC(bytes) ? Array(bytes) : UTF8Bytes.normalizedSlow(bytes)
    }

    /// NFC-normalised `text`; `text` itself when it is certainly NFC.
    public static func nfc(_ text: String) -> String {
        if UTF8Bytes.withBytes(text, isCertainlyNFC) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    // MARK: Folding

    /// Full case folding of the NFC form of `bytes`, as UTF-8. ASCII text is lower-cased
    /// byte by byte with no Unicode work. The result is a comparison key, not display text: it
    /// need not be NFC (`ΐ` folds to ι + two combining marks, `İ` to i + combining dot).
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let ascii = UTF8Bytes.asciiPrefix(bytes)
        if ascii == bytes.count { return lowerASCII(bytes) }
        return foldGeneral(bytes, asciiPrefix: ascii)
    }

    public static func fold(_ text: String) -> [UInt8] {
        UTF8Bytes.withBytes(text) { fold($0) }
    }

    /// `fold` of any byte collection (an `ArraySlice` of a dictionary arena, say).
    public static func fold<C: Collection>(bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let folded = bytes.withContiguousStorageIfAvailable({ fold($0) }) { return folded }
        return Array(bytes).withUnsafeBufferPointer { fold($0) }
    }

    /// The general path of `fold`; the first `asciiPrefix` bytes are known to be ASCII.
    /// Internal so tests can check that the fast path agrees with it.
    package static func foldGeneral(_ bytes: UnsafeBufferPointer<UInt8>, asciiPrefix: Int = 0) -> [UInt8] {
        UTF8Bytes.overNFC(bytes) { bytes, checked in
            foldScalars(bytes, from: checked ? min(asciiPrefix, bytes.count) : 0, checked: checked)
        }
    }

    package static func foldScalars(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, checked: Bool) -> [UInt8]? {
        let count = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(count &+ count / 2 &+ 8)
        for index in 0..<start { out.append(lowerASCII(bytes[index])) }
        var index = start
        while index < count {
            let scalar = UTF8Bytes.next(bytes, &index, checked: checked)
            if scalar < 0x80 {
                out.append(lowerASCII(UInt8(truncatingIfNeeded: scalar)))
                continue
            }
            if scalar == UTF8Bytes.notCertain { return nil }
            let fold = ScalarData.record(scalar).fold
            if fold.count == 0 {
                UTF8Bytes.append(scalar, to: &out)
            } else {
                for index in fold.start..<(fold.start &+ fold.count) {
                    UTF8Bytes.append(ScalarData.pool(index), to: &out)
                }
            }
        }
        return out
    }

    /// Full case folding of one scalar, without normalisation (for tests).
    package static func foldScalar(_ scalar: UInt32) -> [UInt32] {
        if scalar < 0x80 { return [UInt32(lowerASCII(UInt8(truncatingIfNeeded: scalar)))] }
        let fold = ScalarData.record(scalar).fold
        if fold.count == 0 { return [scalar] }
        return (fold.start..<(fold.start &+ fold.count)).map { ScalarData.pool($0) }
    }

    @inline(__always)
    package static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    package static func lowerASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            for index in 0..<min(bytes.count, buffer.count) { buffer[index] = lowerASCII(bytes[index]) }
            initialized = min(bytes.count, buffer.count)
        }
    }

    /// Whether `bytes` fold to exactly `folded`. Does not allocate while `bytes` are ASCII (a
    /// difference in an ASCII stretch answers at once, unless a non-ASCII byte follows that
    /// could compose with the letter before it).
    public static func foldedEquals(_ bytes: UnsafeBufferPointer<UInt8>, _ folded: [UInt8]) -> Bool {
        let count = bytes.count
        let quick: Bool? = folded.withUnsafeBufferPointer { folded in
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if index >= folded.count || lowerASCII(byte) != folded[index] {
                    let next = index &+ 1
                    if next < count, bytes[next] >= 0x80 { return nil }
                    return false
                }
                index &+= 1
            }
            return folded.count == count
        }
        if let quick { return quick }
        return fold(bytes) == folded
    }

    // MARK: Comparing folded bytes

    /// Bytewise order of folded byte strings (UTF-8 byte order is code point order): -1, 0, 1.
    public static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in compare(a, b) } }
    }

    /// `compare` of keys in place (a slice of a buffer of many keys).
    public static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(a.count, b.count)
        var index = 0
        while index < shared {
            let x = a[index]
            let y = b[index]
            if x != y { return x < y ? -1 : 1 }
            index &+= 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// Whether `needle` occurs in `haystack` (both folded, or both `Unaccent.fold`ed). An empty
    /// needle is not contained in anything (§4: `contains ""` is false). Matches start on
    /// scalar boundaries, as a well-formed needle cannot start with a continuation byte.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty || needle.count > haystack.count { return false }
        return haystack.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let first = needle[0]
                let length = needle.count
                let last = haystack.count &- length
                var start = 0
                while start <= last {
                    if haystack[start] == first {
                        var index = 1
                        while index < length, haystack[start &+ index] == needle[index] { index &+= 1 }
                        if index == length { return true }
                    }
                    start &+= 1
                }
                return false
            }
        }
    }
}
