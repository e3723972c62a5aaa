import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `rank [by K [desc], ...] [per G]`: the rows are put in K's order (as `sort by` would, within
/// each group), numbered from 1, and rows whose keys are equal share the rank of the first
/// of them ("1, 2, 2, 4"). Missing values sort last, so they rank last, sharing one rank. The
/// rows themselves keep their order: `sort by rank` puts them in it.
package enum RankStep {
    package static func rank(
        _ relation: Relation, keys: [BoundSortKey], per groupKeys: [BoundExpr], fields: [Field], cancellation: Cancellation?
    ) throws(Diagnostic) -> Relation {
        let input = relation.compacted()
        let count = input.count
        let groupOf = try RowGroups.of(input, keys: groupKeys, cancellation: cancellation)
        // The same keys over the compacted columns, as columns of their own, to tell ties.
        var keyColumns: [Column] = []
        var sortKeys: [BoundSortKey] = []
        for key in keys {
            let column = try Evaluator.materialize(key.expression, relation: input, cancellation: cancellation)
            sortKeys.append(BoundSortKey(expression: .field(keyColumns.count, column.type), descending: key.descending))
            keyColumns.append(column)
        }
        let keyRelation = Relation(fields: keyColumns.map { Field("k", $0.type) }, columns: keyColumns, rows: .all(count))
        let order = try Sorter.sort(keyRelation, keys: sortKeys, cancellation: cancellation).rows
        let ties = keyColumns.map(TieColumn.init)
        let groups = Int(groupOf.max() ?? -1) + 1
        var seen = [Int64](repeating: 0, count: groups)
        var lastRow = [Int](repeating: -1, count: groups)
        var lastRank = [Int64](repeating: 0, count: groups)
        var ranks = [Int64](repeating: 0, count: count)
        for position in 0..<count {
            if position & 0xFFFF == 0 { try cancellation?.check() }
            let row = order[position]
            let group = Int(groupOf[row])
            seen[group] += 1
            let before = lastRow[group]
            let rank = before >= 0 && ties.allSatisfy({ $0.equal(row, before) }) ? lastRank[group] : seen[group]
            ranks[row] = rank
            lastRank[group] = rank
            lastRow[group] = row
        }
        return WindowSteps.finish(input, adding: [.integer(IntegerColumn(values: ranks, missing: nil))], fields: fields)
    }
}

/// Whether two rows of a column hold the same value, as `sort by` sees it: exact text (case
/// and accents count, as they do in a sort's last tie-breaks), numbers by value, missing equal
/// to missing.
private struct TieColumn {
    let equal: (Int, Int) -> Bool

    init(_ column: Column) {
        switch column {
        case .integer(let c), .datetime(let c):
            equal = TieColumn.typed(c.values, c.missing)
        case .decimal(let c):
            equal = TieColumn.typed(c.mantissas, c.missing)
        case .float(let c):
            equal = TieColumn.typed(c.values, c.missing)
        case .date(let c):
            equal = TieColumn.typed(c.values, c.missing)
        case .bool(let c):
            let values = c.values
            equal = { values[$0] == values[$1] }
        case .text(let c):
            // Codes may repeat a text in a column stored without de-duplicating.
            let codes = c.dictionary.isUnique ? c.codes : c.codes.map { c.dictionary.canonicalCodes()[Int($0)] }
            equal = { codes[$0] == codes[$1] }
        case .list:
            equal = { column.value(at: $0) == column.value(at: $1) }
        }
    }

    private static func typed<T: Equatable>(_ values: [T], _ missing: Bitmap?) -> (Int, Int) -> Bool {
        { a, b in
            let (aMissing, bMissing) = (missing?[a] ?? false, missing?[b] ?? false)
            return aMissing || bMissing ? aMissing == bMissing : values[a] == values[b]
        }
    }
}
