import DossierSupport
import DossierDiagnostics

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
