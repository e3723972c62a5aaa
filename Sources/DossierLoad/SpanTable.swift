import DossierSupport
import DossierDiagnostics
import DossierData

/// The field spans of one chunk of records, row by row, as 32-bit offsets from the chunk's
/// first byte: written in order by the scanner, read column by column by the builders.
package final class SpanTable {
    /// Marks an end whose quoted content holds doubled quotes.
    package static let escaped: UInt32 = 1 << 31
    /// A chunk ends before its offsets would need more than 31 bits.
    package static let maximumChunkBytes = 1 << 30

    package let fields: Int
    // Safe: owned here and freed once by the reader (`deallocate` in a defer after the last use);
    // row(index) is used with index < records, so each row lies inside the allocation.
    private let storage: UnsafeMutablePointer<UInt32>

    package init(records: Int, fields: Int) {
        self.fields = fields
        storage = .allocate(capacity: max(1, records * fields * 2))
    }

    package func deallocate() { storage.deallocate() }

    /// The (start, end) pairs of record `index`.
    @inline(__always)
    package func row(_ index: Int) -> UnsafeMutablePointer<UInt32> { storage + index * fields * 2 }
}
