import Dispatch
import Synchronization
import DossierSupport
import DossierDiagnostics
import DossierData

/// What building a column needs to know about the file: to read spans, to re-read a column as
/// text, and to say where a bad value is.
// Safe: `buffer` is the FileBytes the reader keeps alive for the whole load and nobody writes it;
// the rest is immutable. Two threads read it at once, which is fine for read-only memory.
package struct ConversionContext: @unchecked Sendable {
    package let buffer: UnsafeBufferPointer<UInt8>
    package let delimiter: UInt8
    /// Where the first record starts (after the header).
    package let dataStart: Int
    package let locator: ByteLocator
    package let header: [HeaderField]

    /// One column's values of a chunk; when its inferred type fails, re-reads it as text.
    package func convert(
        _ column: inout ColumnAccumulator, field: Int, spans: SpanTable, count: Int, chunkStart: Int, rowsBefore: Int,
        scratch: inout [UInt8]
    ) throws(Diagnostic) {
        // Safe: chunkStart <= buffer.count (a scanned offset); the view is used only during this call.
        let chunk = UnsafeBufferPointer(rebasing: buffer[chunkStart...])
        while true {
            switch column.appendSpans(chunk, spans: spans, field: field, count: count, scratch: &scratch) {
            case nil:
                return
            case .needsText?:
                // Earlier chunks are read again as text; then this chunk, from its start.
                column.restartAsText()
                try replayAsText(&column, field: field, rows: rowsBefore, scratch: &scratch)
            case .invalid(let index, let expected)?:
                let row = spans.row(index)
                let start = chunkStart + Int(row[2 * field])
                let endMark = row[2 * field + 1]
                let end = chunkStart + Int(endMark & ~SpanTable.escaped)
                var bytes: [UInt8] = []
                if endMark & SpanTable.escaped != 0 {
                    CSVScanner.unescape(buffer, start, end, into: &bytes)
                } else {
                    bytes = Array(buffer[start..<end])
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                throw LoadMessages.notOfDeclaredType(
                    shown, field: header[field].name, type: expected, at: locator.diagnosticLocation(start))
            }
        }
    }

    /// Re-reads one field of the first `rows` records as text (a column whose inferred type
    /// failed). Happens at most once a column.
    private func replayAsText(_ column: inout ColumnAccumulator, field: Int, rows: Int, scratch: inout [UInt8]) throws(Diagnostic) {
        var scanner = CSVScanner(buffer, delimiter: delimiter, position: dataStart)
        var row = 0
        while row < rows, scanner.skipBlankLines() {
            var index = 0
            var value: (Int, Int)?
            while true {
                let (start, end, terminator): (Int, Int, CSVScanner.FieldEnd)
                do throws(CSVScanner.Failure) {
                    (start, end, terminator) = try scanner.scanSpan()
                } catch {
                    // These bytes were scanned once already without error.
                    throw LoadMessages.fileChanged(locator.path)
                }
                if index == field { value = (start, end) }
                index += 1
                if terminator != .delimiter { break }
            }
            if let (start, end) = value {
                if end & CSVScanner.escapedFlag != 0 {
                    CSVScanner.unescape(buffer, start, end & ~CSVScanner.escapedFlag, into: &scratch)
                    _ = scratch.withUnsafeBufferPointer { column.append($0) }
                } else {
                    // Safe: a span scanSpan returned, inside the buffer; the column copies what it keeps.
                    _ = column.append(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                }
            } else {
                column.appendMissing()
            }
            row += 1
        }
    }
}

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
