import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `expand F`: each row once for each item of its list F, which becomes that item (text);
/// a row whose list is empty (missing) stays, once, with F missing, so no row is lost from
/// counts. Items repeated in a list give a row each. The other columns are gathered by row
/// index and the items keep the list's dictionary: no value is boxed.
package enum Expander {
    /// More rows than this from one `expand` is an error, as for a join.
    package static let maximumRows = 50_000_000

    package static func expand(_ relation: Relation, field: Int, fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        guard case .list(let list) = relation.columns[field] else {
            var result = relation
            result.fields = fields
            return result
        }
        var rows: [Int32] = []
        var items: [UInt32] = []
        rows.reserveCapacity(relation.count)
        items.reserveCapacity(relation.count)
        for position in 0..<relation.count {
            if position & 0xFFFF == 0 { try cancellation?.check() }
            let row = relation.rows[position]
            let start = Int(list.offsets[row])
            let end = Int(list.offsets[row + 1])
            if start == end {
                rows.append(Int32(truncatingIfNeeded: row))
                items.append(0)
                continue
            }
            for index in start..<end {
                rows.append(Int32(truncatingIfNeeded: row))
                items.append(list.items[index])
            }
            if rows.count > maximumRows {
                throw Diagnostic(.tooLarge, "expanding makes more than \(maximumRows / 1_000_000) million rows",
                    hint: "filter first (a where before expand), or count by the list field instead: count by F")
            }
        }
        var columns = relation.columns.map { $0.gather(rows) }
        columns[field] = .text(TextColumn(codes: items, dictionary: list.dictionary))
        return Relation(fields: fields, columns: columns, rows: .all(rows.count), lineage: relation.lineage.map { $0.gathered(rows) })
    }
}
