import DossierSupport
import DossierDiagnostics

/// Access to the generated `UnicodeTables`, shared by `TextFolding`, `Unaccent` and
/// `TextCollation`. Table indices come from the generated tables, whose consistency
/// generate.py checks.
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
