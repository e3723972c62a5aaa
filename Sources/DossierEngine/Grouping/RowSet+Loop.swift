import DossierData

extension RowSet {
    /// Calls `body(position, row)` for every position, with the switch over the row set made
    /// once rather than per row (the grouping and aggregate loops run this ten million times).
    @inline(__always)
    package func forEachRow(_ body: (Int, Int) -> Void) {
        forEachRow(in: 0..<count, body)
    }

    /// The same for the positions in `range`.
    @inline(__always)
    package func forEachRow(in range: Range<Int>, _ body: (Int, Int) -> Void) {
        switch self {
        case .all:
            for position in range { body(position, position) }
        case .some(let indices):
            indices.withUnsafeBufferPointer { indices in
                for position in range { body(position, Int(indices[position])) }
            }
        }
    }
}
