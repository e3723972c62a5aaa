import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan
import DossierSQL
import DossierPostgres

/// Values for Tab over a server table: a `GROUP BY … LIMIT` on the server, given a short time.
extension Session {
    /// How long Tab waits for the server before it offers no values.
    package static let completionTimeoutMilliseconds = 1000

    /// The most frequent values of field `field` of the plan's result (starting with `typed`,
    /// case ignored, when the server can filter that), at most `limit`. Empty when the plan
    /// does not run whole on the server, when the server is slow or fails: Tab says nothing then.
    public func completionValues(_ plan: LogicalPlan, field: Int, typed: String, limit: Int) -> [(text: String, count: Int)] {
        guard let connection = server, let queries = FieldQueries(plan), queries.fields.indices.contains(field) else { return [] }
        let type = queries.type(of: field)
        let sql = queries.frequenciesSQL(field, limit: limit, prefix: typed)
        var entries: [(text: String, count: Int)] = []
        do throws(Diagnostic) {
            // SET LOCAL ends with the transaction: the user's own timeout is back after.
            try connection.execute("BEGIN; SET LOCAL statement_timeout = \(Session.completionTimeoutMilliseconds)", cancellation: nil)
            try connection.query(sql, cancellation: cancellation, columns: { _ in }) { row throws(Diagnostic) in
                let value = queries.isFloat(field)
                    ? try ResultDecoder.double(row.text(0), field: "value")
                    : try ResultDecoder.value(row.text(0), type: type == .list ? .text : type, field: "value")
                entries.append((value.formatted(), row.text(1).flatMap { Int($0) } ?? 0))
            }
            try connection.execute("COMMIT", cancellation: nil)
        } catch {
            if connection.isOpen { try? connection.execute("ROLLBACK", cancellation: nil) }
            return []
        }
        return entries
    }
}
