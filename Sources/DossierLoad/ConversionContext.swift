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
    package let dialect: CSVDialect
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
            let stop = dialect.decimalComma
                ? column.appendSpansWithDecimalCommas(chunk, spans: spans, field: field, count: count, quote: dialect.quote, scratch: &scratch)
                : column.appendSpans(chunk, spans: spans, field: field, count: count, quote: dialect.quote, scratch: &scratch)
            switch stop {
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
                    CSVScanner.unescape(buffer, start, end, quote: dialect.quote, into: &bytes)
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
        var scanner = CSVScanner(buffer, dialect: dialect, position: dataStart)
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
                    CSVScanner.unescape(buffer, start, end & ~CSVScanner.escapedFlag, quote: dialect.quote, into: &scratch)
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
