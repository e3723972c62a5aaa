import DossierSupport
import DossierDiagnostics

/// Data flowing through a pipeline: columns (all of one length) and the rows of them that are
/// in the result, in order. Filtering, sorting and limiting only change `rows`; steps that
/// compute new values build new columns.
public struct Relation: Sendable {
    public var fields: [Field]
    public var columns: [Column]
    public var rows: RowSet
    /// The dataset rows behind each column row: one lineage for a dataset, one a side after a
    /// join, none after `count` or `summarize` (their rows rest on many records).
    public var lineage: [Lineage]

    public init(fields: [Field], columns: [Column], rows: RowSet, lineage: [Lineage] = []) {
        self.fields = fields
        self.columns = columns
        self.rows = rows
        self.lineage = lineage
    }

    public init(_ dataset: Dataset) {
        self.init(fields: dataset.fields, columns: dataset.columns, rows: .all(dataset.rowCount),
            lineage: [Lineage(dataset: dataset, rows: nil)])
    }

    public var count: Int { rows.count }

    /// The value at a result position and column, boxed (for output).
    public func value(row position: Int, column: Int) -> Value {
        columns[column].value(at: rows[position])
    }

    /// The value at a result position and column as people read it: as the file wrote it
    /// where the column keeps that (decimals beyond 18 digits), lists joined by `listSeparator`.
    /// `periods`: a date that stands for a month shows as `2025-03` (tables, charts); saved
    /// files write the date itself, so they load back as dates.
    public func text(row position: Int, column: Int, listSeparator: String = ", ", periods: Bool = true) -> String {
        let row = rows[position]
        if periods, let shown = columns[column].displayText(at: row) { return shown }
        if let written = columns[column].writtenText(at: row) { return written }
        return columns[column].value(at: row).formatted(listSeparator: listSeparator)
    }

    /// The dataset rows a result position rests on, one per dataset that has a row there.
    public func sourceRows(_ position: Int) -> [(dataset: Dataset, row: Int)] {
        let columnRow = rows[position]
        return lineage.compactMap { lineage in lineage.row(columnRow).map { (lineage.dataset, $0) } }
    }

    /// The same rows with columns gathered so that rows become `0..<count` (after a step that
    /// builds new columns, everything must line up).
    public func compacted() -> Relation {
        if case .all = rows { return self }
        let indices = rows.indices
        return Relation(
            fields: fields, columns: columns.map { $0.gather(indices) }, rows: .all(indices.count),
            lineage: lineage.map { $0.gathered(indices) })
    }
}
