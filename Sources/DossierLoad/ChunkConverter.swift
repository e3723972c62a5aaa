import Dispatch
import Synchronization
import DossierSupport
import DossierDiagnostics
import DossierData

/// Builds the columns of one chunk, on the calling thread and optionally a helper thread:
/// each takes the next column from a shared counter, so a slow column (dates, many distinct
/// texts) does not hold the other thread up. Columns are independent, so nothing else is
/// shared; each thread has its own scratch buffer.
// Safe: the two threads never touch the same memory: each column index is handed out once by the
// atomic `next` (so columns[i] and failures[i] have one writer), each thread has its own
// scratch slot, and prepare/finish/failure run only while no helper is running (the caller
// waits on the DispatchGroup first).
package final class ChunkConverter: @unchecked Sendable {
    private let columns: UnsafeMutablePointer<ColumnAccumulator>
    private let columnCount: Int
    private let context: ConversionContext
    private let next = Atomic<Int>(0)
    private let failures: UnsafeMutablePointer<Diagnostic?>
    /// One scratch buffer per thread (a pointer, not an array property: two threads modify
    /// their own element at once, which a class's array property would not allow).
    private let scratch: UnsafeMutablePointer<[UInt8]>
    // The chunk being converted.
    private var spans: SpanTable?
    private var count = 0
    private var chunkStart = 0
    private var rowsBefore = 0

    package init(columns: [ColumnAccumulator], context: ConversionContext) {
        columnCount = columns.count
        // Safe: owned by this converter; `deallocate` (deferred by the reader) deinitializes and frees
        // them once, after `finish` has copied the columns out.
        self.columns = .allocate(capacity: max(1, columns.count))
        self.columns.initialize(from: columns, count: columns.count)
        failures = .allocate(capacity: max(1, columns.count))
        failures.initialize(repeating: nil, count: columns.count)
        scratch = .allocate(capacity: 2)
        scratch.initialize(repeating: [], count: 2)
        self.context = context
    }

    /// Frees the storage; `finish` must have been called if the columns are wanted.
    package func deallocate() {
        columns.deinitialize(count: columnCount)
        columns.deallocate()
        failures.deinitialize(count: columnCount)
        failures.deallocate()
        scratch.deinitialize(count: 2)
        scratch.deallocate()
    }

    /// How many rows each column should make room for (known after the first chunk).
    package func expect(rows: Int) {
        for index in 0..<columnCount { columns[index].expectedRows = rows }
    }

    package func prepare(spans: SpanTable, count: Int, chunkStart: Int, rowsBefore: Int) {
        self.spans = spans
        self.count = count
        self.chunkStart = chunkStart
        self.rowsBefore = rowsBefore
        next.store(0, ordering: .sequentiallyConsistent)
    }

    /// Runs `work(slot: 1)` on another thread; wait on the group before the next chunk.
    package func startHelper() -> DispatchGroup {
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { self.work(slot: 1) }
        return group
    }

    /// Converts columns until none is left.
    package func work(slot: Int) {
        guard let spans else { return }
        while true {
            let field = next.add(1, ordering: .sequentiallyConsistent).oldValue
            if field >= columnCount { return }
            if failures[field] != nil { continue }
            do throws(Diagnostic) {
                try context.convert(
                    &columns[field], field: field, spans: spans, count: count, chunkStart: chunkStart, rowsBefore: rowsBefore,
                    scratch: &scratch[slot])
            } catch {
                failures[field] = error
            }
        }
    }

    /// The first problem found, by column order (all columns of a chunk are done by then).
    package var failure: Diagnostic? {
        (0..<columnCount).lazy.compactMap { self.failures[$0] }.first
    }

    /// The finished columns.
    package func finish() -> [ColumnAccumulator] {
        // Safe: columnCount initialized accumulators; the Array copies them.
        Array(UnsafeBufferPointer(start: columns, count: columnCount))
    }
}
