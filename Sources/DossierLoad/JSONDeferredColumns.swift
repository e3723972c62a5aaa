import Dispatch
import DossierSupport
import DossierDiagnostics
import DossierData

/// The columns of a JSON file read with deferring: the file stays mapped, and each field's
/// value places are kept (`ValuePlaces`), so a column is
/// built by visiting only its own values. Every value was checked at load, so building cannot
/// meet a syntax error; it reads each value as the reader would have (`appendJSONValue`).
// Safe: every stored property is immutable after init; `file` owns the bytes and only reads
// them (page releases are advice on a private read-only mapping: the bytes come back).
final class JSONDeferredColumns: DeferredColumnSource, @unchecked Sendable {
    private let file: FileBytes
    private let path: String
    private let places: ValuePlaces

    init(file: FileBytes, path: String, places: ValuePlaces) {
        self.file = file
        self.path = path
        self.places = places
    }

    /// Below this many records one thread builds; above, two build halves that are joined.
    private static let parallelRecords = 1 << 17

    func build(_ fields: [Int], names: [String], cancellation: Cancellation) throws(Diagnostic) -> [BuiltColumn] {
        let records = places.records
        var columns: [ColumnAccumulator]
        if records >= JSONDeferredColumns.parallelRecords {
            let middle = records / 2
            let second = Part()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { [self] in
                second.result = Result { () throws(Diagnostic) in try accumulate(fields, rows: middle..<records, cancellation: cancellation) }
            }
            let first = Result { () throws(Diagnostic) in try accumulate(fields, rows: 0..<middle, cancellation: cancellation) }
            group.wait()
            columns = try first.get()
            guard let secondColumns = try second.result?.get() else { throw Diagnostic(.cancelled, "cancelled") }
            for index in columns.indices { columns[index].append(secondColumns[index]) }
        } else {
            columns = try accumulate(fields, rows: 0..<records, cancellation: cancellation)
        }
        var result: [BuiltColumn] = []
        for (index, column) in columns.enumerated() {
            let built = column.build()
            var field = [Field(names[index], built.type)]
            let warnings = LoadNotes.annotate(&field, columns: [column], built: [built], declared: [nil]) { [path] row, _ in
                (.path(path), LoadMessages.record(row + 1))
            }
            result.append(BuiltColumn(field: field[0], column: built, warnings: warnings))
        }
        return result
    }

    /// The values of `fields` in records `rows`, read in file order (pages are handed back
    /// behind, as at load).
    private func accumulate(_ fields: [Int], rows: Range<Int>, cancellation: Cancellation) throws(Diagnostic) -> [ColumnAccumulator] {
        var columns = fields.map { _ in ColumnAccumulator(declared: nil, expectedRows: rows.count) }
        var scanner = JSONScanner(file.buffer)
        var released = rows.isEmpty ? 0 : places.recordStarts[rows.lowerBound]
        for row in rows {
            if row & 0xFFFF == 0 {
                try cancellation.check()
                released = file.release(from: released, upTo: places.recordStarts[row])
            }
            for (index, field) in fields.enumerated() {
                guard let position = places.position(record: row, field: field) else {
                    columns[index].appendMissing()
                    continue
                }
                scanner.position = position
                do throws(JSONScanner.Failure) {
                    try columns[index].appendJSONValue(from: &scanner, depth: 1)
                } catch {
                    // Checked at load; reaching this is a bug, reported rather than trapped.
                    throw LoadMessages.badJSON(error, at: .path(path))
                }
            }
        }
        return columns
    }

    /// The second half's columns, built on another thread.
    // Safe: written by the helper thread only, read after group.wait(), which orders the two.
    private final class Part: @unchecked Sendable {
        var result: Result<[ColumnAccumulator], Diagnostic>?
    }
}
