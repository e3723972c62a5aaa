import DossierSupport
import DossierDiagnostics
import DossierData

/// The cells of one column as text, gathered before its type is known (an Excel sheet, a
/// database table): a byte arena and where each cell ends. An empty cell is missing. Building
/// the typed column then runs the same inference as CSV (ColumnAccumulator), replaying the
/// cells once when the column turns out to be text.
package struct CellColumn {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    package init() {}

    package var count: Int { ends.count }
    package var isAllMissing: Bool { bytes.isEmpty }

    package mutating func append<C: Collection>(_ cell: C) where C.Element == UInt8 {
        bytes.append(contentsOf: cell)
        ends.append(bytes.count)
    }

    package mutating func append(_ text: String) { append(text.utf8) }

    package mutating func appendMissing() { ends.append(bytes.count) }

    /// Pads with missing cells up to `rows`.
    package mutating func pad(to rows: Int) {
        while ends.count < rows { ends.append(bytes.count) }
    }

    /// Cell `row` as text (empty for missing).
    package func text(at row: Int) -> String {
        guard row >= 0, row < ends.count else { return "" }
        let start = row == 0 ? 0 : ends[row - 1]
        return String(decoding: bytes[start..<ends[row]], as: UTF8.self)
    }

    /// Why a column could not be built with its declared type: the first cell that does not fit.
    package struct Misfit: Error {
        package var row: Int
        package var expected: ValueType
    }

    /// The typed column: `declared` when given (a cell that does not fit is a `Misfit`),
    /// else inferred as for CSV.
    package func accumulate(declared: ValueType?) throws(Misfit) -> ColumnAccumulator {
        var column = ColumnAccumulator(declared: declared, expectedRows: ends.count)
        var restarted = false
        bytes.withUnsafeBufferPointer { arena in
            var row = 0
            var start = 0
            while row < ends.count {
                let end = ends[row]
                let outcome = column.append(UnsafeBufferPointer(rebasing: arena[start..<end]))
                switch outcome {
                case .stored:
                    start = end
                    row += 1
                case .needsText where !restarted:
                    // Happens at most once: the column starts again as text.
                    restarted = true
                    column.restartAsText()
                    row = 0
                    start = 0
                case .needsText, .invalid:
                    column = ColumnAccumulator(declared: nil)
                    row = ends.count + 1
                }
            }
        }
        if column.rowCount != ends.count {
            // A declared type that a cell does not fit: find the cell to name it.
            var probe = ColumnAccumulator(declared: declared)
            for row in 0..<ends.count {
                let cell = Array(text(at: row).utf8)
                if case .invalid(let expected) = cell.withUnsafeBufferPointer({ probe.append($0) }) {
                    throw Misfit(row: row, expected: expected)
                }
            }
            throw Misfit(row: 0, expected: declared ?? .text)
        }
        return column
    }
}
