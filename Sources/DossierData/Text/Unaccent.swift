import DossierSupport
import DossierDiagnostics

/// Accents removed, as PostgreSQL's `unaccent` does (generate.py lists the rules):
/// `Côte d'Ivoire` → `Cote d'Ivoire`, `Łódź` → `Lodz`, `straße` → `strasse`, `Ærø` → `AEro`.
///
/// * Diacritical marks (Mn/Me in the combining diacritical blocks U+0300-036F, 1AB0-1AFF,
///   1DC0-1DFF, 20D0-20FF, FE20-FE2F) are dropped, including marks left after a letter that has
///   no precomposed form (`x̄` → `x`). Marks of other scripts (Hebrew, Arabic, Indic, Cyrillic
///   titlo) are spelling and stay.
/// * Latin and Greek letters with accents become their base letter (é → e, Å → A, ǖ → u,
///   ḗ → e, ά → α, ΐ → ι); Cyrillic only ё → е (й, ї, ў stay letters of their own).
/// * Letters read as a base letter with a stroke, hook or missing dot, and the Latin ligatures:
///   ø → o, đ → d, ł → l, ħ → h, ı → i, ŧ → t, ð → d, ŋ → n, ƒ → f, ɓ → b, ɗ → d ...,
///   æ → ae, œ → oe, ß → ss, ẞ → SS, þ → th, ĳ → ij, ǆ → dz, ǉ → lj, ǌ → nj.
///
/// Case is kept. Input is read as NFC (normalised first when it is not certainly NFC), and the
/// result is NFC.
public enum Unaccent {
    /// `text` without accents.
    public static func strip(_ text: String) -> String {
        UTF8Bytes.withBytes(text) { bytes in
            if UTF8Bytes.asciiPrefix(bytes) == bytes.count { return text }
            return String(decoding: stripGeneral(bytes), as: UTF8.self)
        }
    }

    /// `bytes` without accents, as UTF-8.
    public static func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if UTF8Bytes.asciiPrefix(bytes) == bytes.count { return Array(bytes) }
        return stripGeneral(bytes)
    }

    /// The accent- and case-insensitive form of a text: what `cote`, `Côte` and `CÔTE` share,
    /// for accent-insensitive search with `TextFolding.contains` / `TextFolding.compare`.
    /// It is full case folding then `strip`, scalar by scalar (`STRASSE`, `Straße` → `strasse`),
    /// and exactly the primary level of `TextCollation.sortKey` (which also escapes bytes 00 and
    /// 01). Like `TextFolding.fold`, it is a key for comparison, not text for display (it need
    /// not be NFC).
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let ascii = UTF8Bytes.asciiPrefix(bytes)
        if ascii == bytes.count { return TextFolding.lowerASCII(bytes) }
        return foldGeneral(bytes, asciiPrefix: ascii)
    }

    public static func fold(_ text: String) -> [UInt8] {
        UTF8Bytes.withBytes(text) { fold($0) }
    }

    package static func stripGeneral(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        UTF8Bytes.overNFC(bytes, stripScalars)
    }

    package static func stripScalars(_ bytes: UnsafeBufferPointer<UInt8>, checked: Bool) -> [UInt8]? {
        let count = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var removed = false
        var index = 0
        while index < count {
            let scalar = UTF8Bytes.next(bytes, &index, checked: checked)
            if scalar < 0x80 {
                out.append(UInt8(truncatingIfNeeded: scalar))
                continue
            }
            if scalar == UTF8Bytes.notCertain { return nil }
            let record = ScalarData.record(scalar)
            if record.isRemovedMark {
                removed = true
                continue
            }
            let base = record.base
            if base.count == 0 {
                UTF8Bytes.append(scalar, to: &out)
            } else {
                for index in base.start..<(base.start &+ base.count) {
                    UTF8Bytes.append(ScalarData.pool(index), to: &out)
                }
            }
        }
        // Text stays NFC: a removed mark may leave neighbours that compose (Hangul jamo).
        if removed, !out.withUnsafeBufferPointer(TextFolding.isCertainlyNFC) {
            return out.withUnsafeBufferPointer(UTF8Bytes.normalizedSlow)
        }
        return out
    }

    package static func foldGeneral(_ bytes: UnsafeBufferPointer<UInt8>, asciiPrefix: Int = 0) -> [UInt8] {
        UTF8Bytes.overNFC(bytes) { bytes, checked in
            foldScalars(bytes, from: checked ? min(asciiPrefix, bytes.count) : 0, checked: checked)
        }
    }

    package static func foldScalars(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, checked: Bool) -> [UInt8]? {
        let count = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(count &+ 8)
        for index in 0..<start { out.append(TextFolding.lowerASCII(bytes[index])) }
        var index = start
        while index < count {
            let scalar = UTF8Bytes.next(bytes, &index, checked: checked)
            if scalar < 0x80 {
                out.append(TextFolding.lowerASCII(UInt8(truncatingIfNeeded: scalar)))
                continue
            }
            if scalar == UTF8Bytes.notCertain { return nil }
            let record = ScalarData.record(scalar)
            if record.isCollationMark { continue }
            let units = primaryUnits(scalar, record)
            if units.count == 0 {
                UTF8Bytes.append(scalar, to: &out)
            } else {
                for index in units.start..<(units.start &+ units.count) {
                    UTF8Bytes.append(ScalarData.pool(index), to: &out)
                }
            }
        }
        return out
    }

    /// The primary units of a non-ASCII scalar that is not a collation mark, as a pool
    /// reference: the table's primary units, else its case folding; count 0 means the
    /// scalar itself.
    @inline(__always)
    package static func primaryUnits(_ scalar: UInt32, _ record: ScalarRecord) -> (start: Int, count: Int) {
        let primary = record.primary
        return primary.count != 0 ? primary : record.fold
    }
}
