import DossierSupport
import DossierDiagnostics

/// Alphabetical order (§4): accents sort with their base letter, then by accent, then by case,
/// then (for the caller) by input order. A simplified three-level Unicode Collation Algorithm
/// over the generated tables, without locale tailoring:
///
/// 1. Primary: the text case-folded and unaccented (`Unaccent.fold`): `Åland` reads `aland`,
///    `straße` reads `strasse`, `Æsir` reads `aesir`. Units compare by code point, so digits
///    and punctuation sort before letters (in ASCII order: space < `!` < `0`-`9` < `a`-`z`),
///    Latin before Greek before Cyrillic, and non-letters compare as themselves (no numeric
///    ordering: `10` < `9`; no ignorable punctuation: `co-op` < `coop`).
/// 2. Secondary: the accents of each letter, unaccented first (`Aland` < `Åland`), then by the
///    code points of its combining marks in canonical order (grave U+0300 < acute U+0301 <
///    circumflex < tilde < macron < breve < dot < diaeresis < ring < double acute < caron <
///    cedilla < ogonek). Letters like ø, ł, đ, ı, and the ligatures æ, œ, ß, þ come after
///    every accented form of their base (`o` < `ô` < `ö` < `ø`; `ae` < `æ`; `ss` < `ß`).
/// 3. Tertiary: case, lower case first as in ICU's default (`apple` < `Apple`); variants that
///    are neither (title case ǅ, final ς, ligature ﬁ, symbol ϴ ...) after both.
///
/// So `Aland` < `Åland` < `Albania`, `Émile` < `Zeta`, `a` < `B` < `c`,
/// `apple` < `Apple` < `äpple` < `Äpple`, and `strasse` < `Strasse` < `straße`.
///
/// The key is the primary units' UTF-8 (bytes 0x00 and 0x01 escaped as 01 01 and 01 02), then,
/// when any accent or case is present, 0x00 + the secondary weights, then 0x00 + the tertiary
/// weights, each level with its trailing default weights trimmed: `apple` → `apple`,
/// `Apple` → `apple 00 00 02`. Equal keys mean canonically equivalent texts (the same NFC).
public enum TextCollation {
    /// A key whose bytewise order (`TextFolding.compare`) is the order described above.
    public static func sortKey(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = bytes.count
        var key: [UInt8] = []
        key.reserveCapacity(count &* 2 &+ 4)
        var lastUpper = -1
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 { return sortKeyGeneral(bytes) }
            if byte < 2 {
                key.append(1)
                key.append(byte &+ 1)
            } else if byte &- 0x41 < 26 {
                key.append(byte | 0x20)
                lastUpper = index
            } else {
                key.append(byte)
            }
            index &+= 1
        }
        if lastUpper >= 0 {
            key.append(0)
            key.append(0)
            for position in 0...lastUpper {
                key.append(bytes[position] &- 0x41 < 26 ? 2 : 1)
            }
        }
        return key
    }

    public static func sortKey(_ text: String) -> [UInt8] {
        UTF8Bytes.withBytes(text) { sortKey($0) }
    }

    /// The general path (any text); internal so tests can compare the ASCII path with it.
    package static func sortKeyGeneral(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        UTF8Bytes.overNFC(bytes, sortKeyScalars)
    }

    /// The key in up to three passes over the scalars, written into one array: the primary
    /// units; then, if any letter has an accent, the secondary weights; then, if any letter is
    /// not lower case, the tertiary weights. Runs of default weights (01) are only written when
    /// something follows them, so the trailing ones are trimmed for free.
    package static func sortKeyScalars(_ bytes: UnsafeBufferPointer<UInt8>, checked: Bool) -> [UInt8]? {
        let count = bytes.count
        var key: [UInt8] = []
        key.reserveCapacity(count &* 2 &+ 16)
        var hasAccents = false
        var hasCase = false
        var index = 0
        while index < count {
            let scalar = UTF8Bytes.next(bytes, &index, checked: checked)
            if scalar < 0x80 {
                let byte = UInt8(truncatingIfNeeded: scalar)
                if byte < 2 {
                    key.append(1)
                    key.append(byte &+ 1)
                } else if byte &- 0x41 < 26 {
                    key.append(byte | 0x20)
                    hasCase = true
                } else {
                    key.append(byte)
                }
                continue
            }
            if scalar == UTF8Bytes.notCertain { return nil }
            let record = ScalarData.record(scalar)
            if record.isCollationMark {
                hasAccents = true
                continue
            }
            let units = Unaccent.primaryUnits(scalar, record)
            if units.count == 0 {
                UTF8Bytes.append(scalar, to: &key)
            } else {
                for unit in units.start..<(units.start &+ units.count) {
                    UTF8Bytes.append(ScalarData.pool(unit), to: &key)
                }
            }
            if record.marks.count != 0 { hasAccents = true }
            if record.tertiaryClass != 0 { hasCase = true }
        }
        if !hasAccents && !hasCase { return key }
        // The text is known well-formed and NFC from here on.
        key.append(0)
        if hasAccents {
            // Per primary unit, 01 then its accents; marks before the first unit belong to an
            // implicit leading unit.
            var pendingUnits = 0
            index = 0
            while index < count {
                let scalar = UTF8Bytes.next(bytes, &index, checked: false)
                if scalar < 0x80 {
                    pendingUnits &+= 1
                    continue
                }
                let record = ScalarData.record(scalar)
                if record.isCollationMark {
                    flush(&pendingUnits, into: &key)
                    UTF8Bytes.append(scalar, to: &key)
                    continue
                }
                pendingUnits &+= 1
                if record.marks.count != 0 {
                    flush(&pendingUnits, into: &key)
                    appendMarks(record, to: &key)
                }
                pendingUnits &+= max(Unaccent.primaryUnits(scalar, record).count, 1) &- 1
            }
        }
        if hasCase {
            // One weight per letter: 01 lower case or uncased, 02 upper case, 03 + the
            // scalar for other variants.
            key.append(0)
            var pendingLower = 0
            index = 0
            while index < count {
                let scalar = UTF8Bytes.next(bytes, &index, checked: false)
                if scalar < 0x80 {
                    if UInt8(truncatingIfNeeded: scalar) &- 0x41 < 26 {
                        flush(&pendingLower, into: &key)
                        key.append(2)
                    } else {
                        pendingLower &+= 1
                    }
                    continue
                }
                let record = ScalarData.record(scalar)
                if record.isCollationMark { continue }
                switch record.tertiaryClass {
                case 0:
                    pendingLower &+= 1
                case 1:
                    flush(&pendingLower, into: &key)
                    key.append(2)
                default:
                    flush(&pendingLower, into: &key)
                    key.append(3)
                    UTF8Bytes.append(scalar, to: &key)
                }
            }
        }
        return key
    }

    /// Writes `pending` default weights (01) and clears the count.
    @inline(__always)
    package static func flush(_ pending: inout Int, into weights: inout [UInt8]) {
        while pending > 0 {
            weights.append(1)
            pending &-= 1
        }
    }

    /// Secondary weights of a letter's accents: a combining mark as its UTF-8 (lead byte
    /// >= 0xCC), a special letter's pseudo accent as 0xF5 + the letter's UTF-8 (after all marks).
    @inline(__always)
    package static func appendMarks(_ record: ScalarRecord, to secondary: inout [UInt8]) {
        let marks = record.marks
        guard marks.count > 0 else { return }
        for index in marks.start..<(marks.start &+ marks.count) {
            let mark = ScalarData.pool(index)
            if mark & ScalarData.pseudoMark != 0 {
                secondary.append(0xF5)
                UTF8Bytes.append(mark & ~ScalarData.pseudoMark, to: &secondary)
            } else {
                UTF8Bytes.append(mark, to: &secondary)
            }
        }
    }
}
