import DossierSupport
import DossierDiagnostics

/// The rows of one dataset that a relation's rows rest on, for `cite`.
public struct Lineage: Sendable {
    public var dataset: Dataset
    /// For each column row, the dataset's row (-1: none, as for a left join's unmatched row);
    /// nil when column rows are the dataset's rows.
    public var rows: [Int32]?

    /// The same lineage for column rows picked by `indices` (-1 picks nothing).
    package func gathered(_ indices: [Int32]) -> Lineage {
        let picked = rows.map { previous in indices.map { $0 < 0 ? -1 : previous[Int($0)] } } ?? indices
        return Lineage(dataset: dataset, rows: picked)
    }

    /// The dataset row behind a column row, if any.
    package func row(_ columnRow: Int) -> Int? {
        guard let rows else { return columnRow }
        let row = rows[columnRow]
        return row < 0 ? nil : Int(row)
    }
}
