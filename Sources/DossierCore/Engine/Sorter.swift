/// `sort by`: a stable sort of row ids on one or more keys. Missing values go last in both
/// directions; text orders case-insensitively, ties broken case-sensitively (dictionary ranks
/// hold both); `desc` reverses the whole order; rows that still tie keep their input order.
enum Sorter {
    /// One key, reduced to something cheap to compare per row.
    private enum KeyColumn {
        case integer([Int64], Bitmap?)
        case decimal([Double], Bitmap?)
        case date([Int32], Bitmap?)
        /// Ranks by code; 0 = missing.
        case ranked(codes: [UInt32], ranks: [UInt32])
        case bool([UInt8])

        /// Whether each side is missing, and their order when both are present.
        @inline(__always)
        func compare(_ a: Int, _ b: Int) -> (aMissing: Bool, bMissing: Bool, order: Int) {
            switch self {
            case .integer(let values, let missing):
                return three(values, missing, a, b)
            case .decimal(let values, let missing):
                return three(values, missing, a, b)
            case .date(let values, let missing):
                return three(values, missing, a, b)
            case .ranked(let codes, let ranks):
                let ca = codes[a]
                let cb = codes[b]
                let ra = ranks[Int(ca)]
                let rb = ranks[Int(cb)]
                return (ca == 0, cb == 0, ra < rb ? -1 : (ra > rb ? 1 : 0))
            case .bool(let values):
                let va = values[a]
                let vb = values[b]
                return (va == BoolColumn.missingCode, vb == BoolColumn.missingCode, va < vb ? -1 : (va > vb ? 1 : 0))
            }
        }

        @inline(__always)
        private func three<T: Comparable>(_ values: [T], _ missing: Bitmap?, _ a: Int, _ b: Int) -> (Bool, Bool, Int) {
            let am = missing?[a] ?? false
            let bm = missing?[b] ?? false
            let va = values[a]
            let vb = values[b]
            return (am, bm, va < vb ? -1 : (va > vb ? 1 : 0))
        }
    }

    static func sort(_ relation: Relation, keys: [BoundSortKey], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        // Computed keys are evaluated into columns first, over the whole column length.
        var working = relation
        if keys.contains(where: { $0.expression.fieldIndex == nil }) { working = relation.compacted() }
        var keyColumns: [(KeyColumn, Bool)] = []
        for key in keys {
            let column: Column
            if let index = key.expression.fieldIndex {
                column = working.columns[index]
            } else {
                column = try Evaluator.materialize(key.expression, relation: working, cancellation: cancellation)
            }
            keyColumns.append((try keyColumn(column, cancellation: cancellation), key.descending))
        }
        try cancellation?.check()
        // Sort positions, not row ids, so ties fall back to input position: stable by construction.
        let rowIds = working.rows.indices
        var positions = Array(0..<Int32(truncatingIfNeeded: rowIds.count))
        var comparisons = 0
        do {
            try positions.sort { (a: Int32, b: Int32) throws -> Bool in
                comparisons &+= 1
                if comparisons & 0xFFFFF == 0 { try cancellation?.check() }
                let rowA = Int(rowIds[Int(a)])
                let rowB = Int(rowIds[Int(b)])
                for (key, descending) in keyColumns {
                    let (aMissing, bMissing, comparison) = key.compare(rowA, rowB)
                    if aMissing != bMissing { return bMissing }
                    if aMissing { continue }
                    if comparison != 0 { return descending ? comparison > 0 : comparison < 0 }
                }
                return a < b
            }
        } catch {
            throw (error as? Diagnostic) ?? Diagnostic(.cancelled, "cancelled")
        }
        working.rows = .some(positions.map { rowIds[Int($0)] })
        return working
    }

    private static func keyColumn(_ column: Column, cancellation: Cancellation?) throws(Diagnostic) -> KeyColumn {
        switch column {
        case .integer(let c): return .integer(c.values, c.missing)
        case .decimal(let c): return .decimal(c.values, c.missing)
        case .date(let c): return .date(c.values, c.missing)
        case .bool(let c): return .bool(c.values)
        case .text(let c): return .ranked(codes: c.codes, ranks: try c.dictionary.sortRanks(cancellation: cancellation))
        case .list:
            // Lists sort by their text as shown ("a, b").
            let values = (0..<column.count).map { column.value(at: $0) }
            let asText = Column.build(.text, values.map { $0.isMissing ? .missing : .text($0.formatted()) })
            return try keyColumn(asText, cancellation: cancellation)
        }
    }
}
