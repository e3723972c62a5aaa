/// Which rows of a relation's columns are in it, in order.
public enum RowSet: Sendable {
    /// Rows `0..<n` in order: no index array needed.
    case all(Int)
    case some([Int32])

    public var count: Int {
        switch self {
        case .all(let count): return count
        case .some(let indices): return indices.count
        }
    }

    /// The row id at a position.
    @inline(__always)
    public subscript(position: Int) -> Int {
        switch self {
        case .all: return position
        case .some(let indices): return Int(indices[position])
        }
    }

    public var indices: [Int32] {
        switch self {
        case .all(let count): return (0..<count).map { Int32(truncatingIfNeeded: $0) }
        case .some(let indices): return indices
        }
    }
}

/// Data flowing through a pipeline: columns (all of one length) and the rows of them that are
/// in the result, in order. Filtering, sorting and limiting only change `rows`; steps that
/// compute new values build new columns.
public struct Relation: Sendable {
    public var fields: [Field]
    public var columns: [Column]
    public var rows: RowSet
    /// For each column row, the row of the source dataset it came from (for `cite`); nil when
    /// column rows are source rows.
    public var origin: [Int32]?

    public init(fields: [Field], columns: [Column], rows: RowSet, origin: [Int32]? = nil) {
        self.fields = fields
        self.columns = columns
        self.rows = rows
        self.origin = origin
    }

    public init(_ dataset: Dataset) {
        self.init(fields: dataset.fields, columns: dataset.columns, rows: .all(dataset.rowCount))
    }

    public var count: Int { rows.count }

    /// The value at a result position and column, boxed (for output).
    public func value(row position: Int, column: Int) -> Value {
        columns[column].value(at: rows[position])
    }

    /// The source row of a result position.
    public func sourceRow(_ position: Int) -> Int {
        let row = rows[position]
        return origin.map { Int($0[row]) } ?? row
    }

    /// The same rows with columns gathered so that rows become `0..<count` (after a step that
    /// builds new columns, everything must line up).
    public func compacted() -> Relation {
        if case .all = rows { return self }
        let indices = rows.indices
        let newOrigin = origin.map { previous in indices.map { previous[Int($0)] } } ?? indices
        return Relation(
            fields: fields, columns: columns.map { $0.gather(indices) }, rows: .all(indices.count), origin: newOrigin)
    }
}
