import DossierSupport
import DossierDiagnostics

/// Internal helpers shared by `TextFolding`, `Unaccent` and `TextCollation`: strict UTF-8
/// decoding and encoding, and access to the generated `UnicodeTables`.
///
/// Nothing here traps on input: every index into a buffer is checked against its count, and
/// table indices come from the generated tables (whose consistency generate.py checks).

/// One scalar's entry in the generated tables (see UnicodeTables.swift's header).
package struct ScalarRecord {
    package let packed: UInt64
    package let flags: UInt8

    package static let empty = ScalarRecord(packed: 0, flags: 0)

    /// Removed by `Unaccent.strip`.
    @inline(__always) package var isRemovedMark: Bool { flags & 1 != 0 }
    /// An accent at the secondary level of the sort key; no primary weight.
    @inline(__always) package var isCollationMark: Bool { flags & 2 != 0 }
    /// 0 lower case or uncased, 1 upper case, 2 another variant (title case, ﬁ, ϴ, ς ...).
    @inline(__always) package var tertiaryClass: UInt8 { (flags >> 2) & 3 }

    /// Reference `field` (0 fold, 1 base, 2 primary, 3 marks) as (start in pool, count).
    @inline(__always)
    package func reference(_ field: Int) -> (start: Int, count: Int) {
        let bits = UInt16(truncatingIfNeeded: packed >> UInt64(field &* 16))
        return (Int(bits & 0x3FFF), Int(bits >> 14))
    }

    @inline(__always) package var fold: (start: Int, count: Int) { reference(0) }
    @inline(__always) package var base: (start: Int, count: Int) { reference(1) }
    @inline(__always) package var primary: (start: Int, count: Int) { reference(2) }
    @inline(__always) package var marks: (start: Int, count: Int) { reference(3) }
}

package enum ScalarData {
    package static let trieLimit: UInt32 = 0x20000
    package static let nfcLimit: UInt32 = 0x30000
    /// Marks-pool flag of a pseudo accent (a special letter such as ø, standing for its stroke).
    package static let pseudoMark: UInt32 = 0x20_0000

    @inline(__always)
    package static func record(_ scalar: UInt32) -> ScalarRecord {
        guard scalar < trieLimit else { return .empty }
        let stage1 = UnicodeTables.stage1
        let high = Int(scalar >> 7)
        guard high < stage1.count else { return .empty }
        let slot = Int(stage1[high]) << 7 | Int(scalar & 127)
        let stage2 = UnicodeTables.stage2
        guard slot < stage2.count else { return .empty }
        let index = Int(stage2[slot])
        if index == 0 { return .empty }
        let records = UnicodeTables.records
        let flags = UnicodeTables.recordFlags
        guard index < records.count, index < flags.count else { return .empty }
        return ScalarRecord(packed: records[index], flags: flags[index])
    }

    /// The scalar at `index` of the pool (0 if out of range, which generate.py rules out).
    @inline(__always)
    package static func pool(_ index: Int) -> UInt32 {
        let pool = UnicodeTables.pool
        return index < pool.count ? pool[index] : 0
    }

    /// Whether a scalar (>= U+0300) is assigned, of combining class 0 and NFC_QC = Yes, so
    /// that it cannot make text non-NFC.
    @inline(__always)
    package static func isNFCSafe(_ scalar: UInt32) -> Bool {
        if scalar < 0x300 { return true }
        guard scalar < nfcLimit else { return false }
        let stage1 = UnicodeTables.nfcStage1
        let high = Int(scalar >> 8)
        guard high < stage1.count else { return false }
        let entry = Int(stage1[high])
        if entry < 2 { return entry == 1 }
        let word = (entry &- 2) &* 4 &+ Int((scalar >> 6) & 3)
        let blocks = UnicodeTables.nfcBlocks
        guard word < blocks.count else { return false }
        return blocks[word] >> UInt64(scalar & 63) & 1 != 0
    }
}

package enum UTF8Bytes {
    /// Decodes the scalar starting at `index`, strictly (no overlong forms, surrogates or
    /// values above U+10FFFF). Returns nil for an ill-formed or truncated sequence.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (scalar: UInt32, length: Int)? {
        let count = bytes.count
        guard index < count else { return nil }
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xC2 { return nil }
        if b0 < 0xE0 {
            guard index &+ 1 < count else { return nil }
            let b1 = bytes[index &+ 1]
            guard b1 & 0xC0 == 0x80 else { return nil }
            return (UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard index &+ 2 < count else { return nil }
            let b1 = bytes[index &+ 1]
            let b2 = bytes[index &+ 2]
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard b1 >= low, b1 <= high, b2 & 0xC0 == 0x80 else { return nil }
            return (UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), 3)
        }
        if b0 < 0xF5 {
            guard index &+ 3 < count else { return nil }
            let b1 = bytes[index &+ 1]
            let b2 = bytes[index &+ 2]
            let b3 = bytes[index &+ 3]
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard b1 >= low, b1 <= high, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return nil }
            return (UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b2 & 0x3F) << 6
                | UInt32(b3 & 0x3F), 4)
        }
        return nil
    }

    /// Appends the UTF-8 form of a scalar (values that are not scalars become U+FFFD).
    @inline(__always)
    package static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            out.append(0xC0 | UInt8(truncatingIfNeeded: scalar >> 6))
            out.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        case 0x800..<0xD800, 0xE000..<0x10000:
            out.append(0xE0 | UInt8(truncatingIfNeeded: scalar >> 12))
            out.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        case 0x10000...0x10FFFF:
            out.append(0xF0 | UInt8(truncatingIfNeeded: scalar >> 18))
            out.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        default:
            out.append(contentsOf: [0xEF, 0xBF, 0xBD] as [UInt8])
        }
    }

    /// Number of leading ASCII bytes, eight at a time.
    @inline(__always)
    package static func asciiPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 8 <= count {
                // Safe: index + 8 <= count, so the eight bytes are inside the borrowed buffer.
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                index &+= 8
            }
        }
        while index < count, bytes[index] < 0x80 { index &+= 1 }
        return index
    }

    /// `bytes` made well-formed (ill-formed sequences become U+FFFD, as `String(decoding:)`)
    /// and NFC-normalised by the standard library.
    package static func normalizedSlow(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        String(decoding: bytes, as: UTF8.self)._nfcCodeUnits
    }

    /// Returned by `next(_:_:checked:)` when `checked` and the text is ill-formed or may not
    /// be NFC at that point.
    package static let notCertain: UInt32 = 0xFFFF_FFFF

    /// The scalar at `index` (< bytes.count), advancing `index`. With `checked`, returns
    /// `notCertain` at an ill-formed sequence or a scalar that may make the text non-NFC;
    /// without it, an ill-formed byte reads as U+FFFD.
    @inline(__always)
    package static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, checked: Bool) -> UInt32 {
        // Safe: callers keep index < bytes.count (the loop condition of every caller); decode checks
        // each further byte against the count.
        let byte = bytes[index]
        if byte < 0x80 {
            index &+= 1
            return UInt32(byte)
        }
        return nextNonASCII(bytes, &index, checked: checked)
    }

    package static func nextNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, checked: Bool) -> UInt32 {
        if let (scalar, length) = decode(bytes, index) {
            if checked, scalar >= 0x300, !ScalarData.isNFCSafe(scalar) { return notCertain }
            index &+= length
            return scalar
        }
        if checked { return notCertain }
        index &+= 1
        return 0xFFFD
    }

    /// Runs `transform` over `bytes` when they are well-formed and certainly NFC (`checked`
    /// true; `transform` returns nil as soon as it finds otherwise), else over their NFC form.
    @inline(__always)
    package static func overNFC(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ transform: (UnsafeBufferPointer<UInt8>, _ checked: Bool) -> [UInt8]?
    ) -> [UInt8] {
        if let result = transform(bytes, true) { return result }
        let normalized = normalizedSlow(bytes)
        return normalized.withUnsafeBufferPointer { transform($0, false) } ?? []
    }

    @inline(__always)
    package static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }
}
