import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan
import DossierSQL
import DossierPostgres

/// `describe` of a server table (or a named query over one) without fetching its rows: the
/// counts, distinct values and ranges are aggregates the server computes in one statement, and
/// the values of a field with few of them (or its three most common) come from a small
/// `GROUP BY … LIMIT`. The table reads as `Profile`'s does for data in memory.
extension Session {
    /// The profile and the row count; nil when the plan does not run whole on the server.
    func describeOnServer(_ plan: LogicalPlan, connection: PostgresConnection) throws(Diagnostic) -> (Relation, rows: Int)? {
        guard let queries = FieldQueries(plan) else { return nil }
        var cells: [String?] = []
        try connection.query(queries.profileSQL(), cancellation: cancellation, columns: { _ in }) { row throws(Diagnostic) in
            cells = (0..<row.count).map { row.text($0) }
        }
        let rows = cells.first.flatMap { $0.flatMap { Int($0) } } ?? 0
        var names: [Value] = []
        var types: [Value] = []
        var missing: [Value] = []
        var distinct: [Value] = []
        var values: [Value] = []
        var column = 1
        for (index, field) in queries.fields.enumerated() {
            try cancellation.check()
            let type = queries.type(of: index)
            let width = queries.profileWidth(index)
            let cell = { (offset: Int) in cells.indices.contains(column + offset) ? cells[column + offset] : nil }
            let present = cell(0).flatMap { Int($0) } ?? 0
            let different = cell(1).flatMap { Int($0) } ?? 0
            names.append(.text(field.displayName))
            types.append(.text(field.type.rawValue))
            // A list's present count is of rows with items; its missing ones are the rows without.
            missing.append(.integer(Int64(rows - present)))
            distinct.append(.integer(Int64(different)))
            let summary = try valueSummary(
                queries, field: index, type: type, distinct: different, range: (cell(2), cell(3)), connection: connection)
            values.append(summary.isEmpty ? .missing : .text(summary))
            column += width
        }
        return (Profile.table(names: names, types: types, missing: missing, distinct: distinct, values: values), rows)
    }

    /// What `describe` shows of one field's values, as `Profile` words it.
    private func valueSummary(
        _ queries: FieldQueries, field: Int, type: ValueType, distinct: Int, range: (String?, String?),
        connection: PostgresConnection
    ) throws(Diagnostic) -> String {
        guard distinct > 0 else { return "" }
        let name = queries.fields.indices.contains(field) ? queries.fields[field].name : "field"
        let few = distinct <= Profile.fewValues
        if !few, FieldQueries.hasRange(type) {
            let low = try shown(range.0, type: type, float: queries.isFloat(field), field: name)
            let high = try shown(range.1, type: type, float: queries.isFloat(field), field: name)
            return "\(low) to \(high)"
        }
        var entries: [(text: String, count: Int)] = []
        let sql = queries.frequenciesSQL(field, limit: few ? Profile.fewValues : 3)
        try connection.query(sql, cancellation: cancellation, columns: { _ in }) { row throws(Diagnostic) in
            let text = try shown(row.text(0), type: type == .list ? .text : type, float: queries.isFloat(field), field: name)
            entries.append((text, row.text(1).flatMap { Int($0) } ?? 0))
        }
        return type == .text || type == .list ? Profile.textSummary(entries, distinct: distinct) : Profile.countedSummary(entries)
    }

    private func shown(_ text: String?, type: ValueType, float: Bool, field: String) throws(Diagnostic) -> String {
        let value = float ? try ResultDecoder.double(text, field: field) : try ResultDecoder.value(text, type: type, field: field)
        return value.formatted()
    }
}
