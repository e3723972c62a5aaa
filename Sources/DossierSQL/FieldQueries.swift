import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// Bounded questions about the fields of a pipeline over server tables, asked of the server so
/// no row is fetched: `describe`'s counts and ranges (aggregates, one row back) and the most
/// frequent values of one field (for `describe` and for Tab), a few rows back.
public struct FieldQueries {
    let stage: SQLStage
    public let fields: [Field]

    /// Nil when the plan does not run whole on the server (a step the compiler does not
    /// translate, a local dataset).
    public init?(_ plan: LogicalPlan) {
        guard let stage = PlanCompiler.compileWhole(plan) else { return nil }
        self.stage = stage
        self.fields = plan.fields
    }

    private var from: String { "(\(stage.sql)) AS s" }

    private func column(_ field: Int) -> String { "s.c\(field)" }

    /// The type a field's text is read as.
    public func type(of field: Int) -> ValueType { stage.types.indices.contains(field) ? stage.types[field] : .text }

    public func isFloat(_ field: Int) -> Bool { stage.floats.contains(field) }

    /// One row: the row count, then for each field its present values, its distinct values,
    /// and (numbers and dates) the smallest and the largest: `Profile` on the server. A list
    /// counts its items (each occurrence), as `describe` does in memory.
    public func profileSQL() -> String {
        var parts = ["count(*)"]
        for (index, type) in stage.types.enumerated() {
            let value = column(index)
            parts.append("count(\(value))")
            if type == .list {
                parts.append("(SELECT count(DISTINCT e) FROM \(from), unnest(\(value)) AS e)")
            } else {
                parts.append("count(DISTINCT \(value))")
            }
            if FieldQueries.hasRange(type) {
                parts += ["min(\(value))", "max(\(value))"]
            }
        }
        return "SELECT \(parts.joined(separator: ", ")) FROM \(from)"
    }

    /// How many SQL columns `profileSQL` gives a field (present, distinct[, min, max]).
    public func profileWidth(_ field: Int) -> Int {
        let type = self.type(of: field)
        return FieldQueries.hasRange(type) ? 4 : 2
    }

    /// A field's present values with how often each occurs, most frequent first (ties: the
    /// first seen first; numbers and dates by value), at most `limit`; a list's items each
    /// count. With `prefix` (ASCII), only values starting with it, case ignored.
    public func frequenciesSQL(_ field: Int, limit: Int, prefix: String? = nil) -> String {
        let type = self.type(of: field)
        let value = type == .list ? "e.v" : column(field)
        let source = type == .list ? "\(from), unnest(\(column(field))) WITH ORDINALITY AS e(v, i)" : from
        var conditions = ["\(value) IS NOT NULL"]
        if let prefix, !prefix.isEmpty, prefix.utf8.allSatisfy({ $0 < 0x80 }), type == .text || type == .list {
            conditions.append("lower(\(value) COLLATE \"C\") LIKE \(SQLText.string(FieldQueries.likePrefix(prefix.lowercased())))")
        }
        let ties = FieldQueries.hasRange(type) || type == .bool ? (type == .bool ? "\(value) DESC" : value)
            : (type == .list ? "min(s._o), min(e.i)" : "min(s._o)")
        return "SELECT \(value), count(*) FROM \(source) WHERE \(conditions.joined(separator: " AND ")) "
            + "GROUP BY \(value) ORDER BY count(*) DESC, \(ties) LIMIT \(max(0, limit))"
    }

    /// Numbers, dates and times: `describe` shows their smallest and largest.
    public static func hasRange(_ type: ValueType) -> Bool {
        type.isNumeric || type == .date || type == .datetime
    }

    /// `text%` for LIKE, with LIKE's own `%`, `_` and `\` in the text escaped.
    static func likePrefix(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "%"
    }
}
