import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `count by` and `distinct`, on `GroupAssignment`.
package enum Grouping {
    /// `count [by …]`: one row a group, most rows first, ties in key order (the spec).
    package static func count(_ relation: Relation, keys: [BoundExpr], fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        if keys.isEmpty {
            return Relation(fields: fields, columns: [.integer(IntegerColumn(values: [Int64(relation.count)], missing: nil))], rows: .all(1))
        }
        let groups = try GroupAssignment.make(relation, keys: keys, expandLists: true, cancellation: cancellation)
        let counts = GroupAggregates(groups, cancellation: cancellation).rowCounts
        let order = try GroupOrder.byCountThenKeys(groups, counts: counts, cancellation: cancellation)
        // Columns stay in group order; the result's rows put them in count order (no copy).
        var columns = keyColumns(groups, fields: fields)
        columns.append(.integer(IntegerColumn(values: counts, missing: nil)))
        return Relation(fields: typed(fields, columns), columns: columns, rows: .some(order))
    }

    /// The key columns of the groups, in group order.
    package static func keyColumns(_ groups: GroupAssignment, fields: [Field]) -> [Column] {
        if let boxed = groups.boxedKeys {
            return groups.keyViews.indices.map { key in
                Column.buildWidening(fields[key].type, boxed.map { $0[key] })
            }
        }
        return groups.keyViews.map { $0.gather(groups.firstPosition) }
    }

    /// Fields with the types their columns turned out to have (a sum that outgrew integers).
    package static func typed(_ fields: [Field], _ columns: [Column]) -> [Field] {
        var result = fields
        for index in result.indices where index < columns.count { result[index].type = columns[index].type }
        return result
    }

    // MARK: - distinct

    /// Distinct rows (of `keys`, or whole rows) in first-seen order; a list is one value here.
    package static func distinct(_ relation: Relation, keys: [BoundExpr], wholeRow: Bool, fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        let keyExpressions = wholeRow ? relation.fields.indices.map { BoundExpr.field($0, relation.fields[$0].type) } : keys
        let groups = try GroupAssignment.make(relation, keys: keyExpressions, expandLists: false, cancellation: cancellation)
        let kept = groups.firstPosition.map { Int32(truncatingIfNeeded: relation.rows[Int($0)]) }
        if wholeRow {
            var result = relation
            result.rows = .some(kept)
            return result
        }
        let columns = groups.keyViews.map { $0.gather(groups.firstPosition) }
        return Relation(fields: typed(fields, columns), columns: columns, rows: .all(kept.count),
            lineage: relation.lineage.map { $0.gathered(kept) })
    }
}
