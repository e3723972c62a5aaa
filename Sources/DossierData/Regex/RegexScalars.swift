import DossierSupport
import DossierDiagnostics

/// Unicode scalar helpers for the engine: UTF-8 decoding that never fails,
/// the `\w \s \d` predicates and simple case mapping.
///
/// Scalars travel as `UInt32` values so that the matcher's hot loop never
/// constructs an optional `Unicode.Scalar`.
package enum RegexScalars {
    /// What a byte that is not part of valid UTF-8 reads as.
    package static let replacement: UInt32 = 0xFFFD
    /// Stands for "no scalar here" (before the start or after the end of the text).
    package static let none: UInt32 = 0xFFFF_FFFF

    // MARK: UTF-8

    /// The scalar starting at byte `i` (which must be `< text.count`) and its length in bytes.
    ///
    /// Anything that is not a well-formed, shortest-form sequence (stray
    /// continuation bytes, overlong forms, surrogates, values above U+10FFFF,
    /// truncated sequences) reads as U+FFFD, one byte at a time. So every byte
    /// that is not a continuation byte (10xxxxxx) starts a scalar; the
    /// prefilter and `scalar(before:in:)` rely on that.
    @inline(__always)
    package static func decode(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        // Safe: callers pass i < text.count; decodeMultiByte reads i + k only after checking i + k < n.
        let b0 = UInt32(text[i])
        if b0 < 0x80 { return (b0, 1) }
        return decodeMultiByte(text, at: i, lead: b0)
    }

    private static func decodeMultiByte(
        _ text: UnsafeBufferPointer<UInt8>, at i: Int, lead b0: UInt32
    ) -> (scalar: UInt32, length: Int) {
        let bad = (replacement, 1)
        let n = text.count
        // Lead bytes 0x80...0xC1 are continuations or overlong two-byte forms; 0xF5... never occur.
        if b0 < 0xC2 || b0 > 0xF4 { return bad }
        if b0 < 0xE0 {
            guard i + 1 < n, let b1 = continuation(text[i + 1]) else { return bad }
            return ((b0 & 0x1F) << 6 | b1, 2)
        }
        // The second byte's allowed range excludes overlongs, surrogates and values past U+10FFFF.
        let low: UInt8 = b0 == 0xE0 ? 0xA0 : (b0 == 0xF0 ? 0x90 : 0x80)
        let high: UInt8 = b0 == 0xED ? 0x9F : (b0 == 0xF4 ? 0x8F : 0xBF)
        guard i + 1 < n, text[i + 1] >= low, text[i + 1] <= high else { return bad }
        let b1 = UInt32(text[i + 1] & 0x3F)
        guard i + 2 < n, let b2 = continuation(text[i + 2]) else { return bad }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | b1 << 6 | b2, 3) }
        guard i + 3 < n, let b3 = continuation(text[i + 3]) else { return bad }
        return ((b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
    }

    @inline(__always)
    private static func continuation(_ byte: UInt8) -> UInt32? {
        byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
    }

    /// Whether `byte` is a UTF-8 continuation byte (10xxxxxx).
    @inline(__always)
    package static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The scalar that `decode` would have produced just before byte `end`,
    /// where `end` is a scalar boundary, or `none` at the start of the text.
    ///
    /// Walking back to the nearest non-continuation byte finds the only place
    /// a multi-byte scalar ending at `end` could start; if decoding from there
    /// does not end exactly at `end`, the byte before `end` was a stray byte.
    package static func scalar(before end: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard end > 0, end <= text.count else { return none }
        var start = end - 1
        while start > 0, end - start < 4, isContinuation(text[start]) { start -= 1 }
        let (scalar, length) = decode(text, at: start)
        return start + length == end ? scalar : replacement
    }

    /// The first UTF-8 byte of `scalar`'s encoding.
    package static func leadByte(_ scalar: UInt32) -> UInt8 {
        switch scalar {
        case ..<0x80: UInt8(truncatingIfNeeded: scalar)
        case ..<0x800: UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
        case ..<0x10000: UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
        default: UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18) & 0x07)
        }
    }

    // MARK: Character kinds

    /// `\w`: ASCII letters, digits and `_`, and beyond ASCII every letter,
    /// mark, number and connector punctuation, so that words in any script
    /// (and decomposed accents) count as words.
    @inline(__always)
    package static func isWord(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
        }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    /// `\d`: ASCII digits only (a query that wants other scripts' digits can use a class).
    @inline(__always)
    package static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    /// `\s`: ASCII space, tab, newline, vertical tab, form feed and return,
    /// and beyond ASCII the White_Space property (no-break space, U+2028, ...).
    @inline(__always)
    package static func isSpace(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.isWhitespace
    }

    // MARK: Case

    /// The simple lowercase mapping of `c` (itself when it has none).
    @inline(__always)
    package static func lower(_ c: UInt32) -> UInt32 {
        if c < 0x80 { return c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        return mapped(c, upper: false)
    }

    /// The simple uppercase mapping of `c` (itself when it has none).
    @inline(__always)
    package static func upper(_ c: UInt32) -> UInt32 {
        if c < 0x80 { return c >= 0x61 && c <= 0x7A ? c & ~0x20 : c }
        return mapped(c, upper: true)
    }

    /// The standard library only offers full case mappings (strings). Where
    /// the full mapping is one scalar it equals the simple one. The only
    /// multi-scalar lowercase mapping is U+0130 → "i̇", whose simple mapping is
    /// its first scalar; multi-scalar uppercase mappings (ß → "SS") have no
    /// simple mapping at all, so the scalar stays itself.
    private static func mapped(_ c: UInt32, upper: Bool) -> UInt32 {
        guard let scalar = Unicode.Scalar(c), scalar.properties.changesWhenCaseMapped else { return c }
        let mapping = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
        var scalars = mapping.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return c }
        if scalars.next() == nil || !upper { return first.value }
        return c
    }

    /// Whether `c` has a different lowercase or uppercase form.
    package static func hasCaseVariants(_ c: UInt32) -> Bool { lower(c) != c || upper(c) != c }
}
