import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `join` and `left join` in SQL, as dossier's hash join answers them: keys equal by §4's
/// `=` (text folded, integers and decimals by value), a missing key matching nothing, every
/// pair of duplicates, in the pipeline's order and then the joined side's.
enum JoinCompiler {
    static func join(_ join: BoundJoin, left: SQLStage, alias: String, stageNumber: Int) throws(Untranslatable) -> SQLStage {
        guard let right = PlanCompiler.compileWhole(join.right) else {
            throw Untranslatable(construct: "joining `\(join.right.sourceName)`")
        }
        let l = alias + "l"
        let r = alias + "r"
        let leftColumns = left.columns(l)
        let rightColumns = right.columns(r)
        guard leftColumns.indices.contains(join.leftKey), rightColumns.indices.contains(join.rightKey) else {
            throw Untranslatable(construct: "this join")
        }
        if leftColumns[join.leftKey].isRounded || rightColumns[join.rightKey].isRounded { throw Untranslatable.readsRounded }
        if leftColumns[join.leftKey].isList { throw Untranslatable(construct: "a join on a list") }
        let condition = keysEqual(leftColumns[join.leftKey], rightColumns[join.rightKey])
        let types = left.types + right.types
        let values = leftColumns + rightColumns
        let kind = join.isLeft ? "LEFT JOIN" : "JOIN"
        return SQLStage(
            sql: "SELECT \(SQLStage.select(values, types: types))row_number() OVER (ORDER BY \(l)._o, \(r)._o) AS _o FROM (\(left.sql)) AS \(l) \(kind) (\(right.sql)) AS \(r) ON \(condition)",
            types: types, floats: left.floats.union(right.floats.map { $0 + left.types.count }),
            rounded: left.rounded.union(right.rounded.map { $0 + left.types.count }))
    }

    /// Join keys meet as `Joiner` hashes them: lists and values of unlike kinds never meet.
    private static func keysEqual(_ a: SQLValue, _ b: SQLValue) -> String {
        switch (a.type, b.type) {
        case (.text?, .text?):
            guard let ak = a.keys, let bk = b.keys else { return "FALSE" }
            return "\(ak.folded) = \(bk.folded)"
        case _ where a.isNumeric && b.isNumeric:
            return "\(a.raw) = \(b.raw)"
        case (.date?, .date?), (.datetime?, .datetime?), (.bool?, .bool?):
            return "\(a.raw) = \(b.raw)"
        default:
            return "FALSE"
        }
    }
}
