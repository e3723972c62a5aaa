import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `count by` and `summarize` in SQL. Groups are exact values (`Africa` and `africa` apart,
/// as in dossier); a list key counts a row once under each distinct item, and under missing
/// when the list is empty; `count by` orders by count, most first, then by the keys,
/// `summarize` by the keys, both with dossier's sort rules.
struct GroupCompiler {
    let input: SQLStage
    let alias: String

    func count(_ keys: [BoundExpr], fields: [Field]) throws(Untranslatable) -> SQLStage {
        guard !keys.isEmpty else {
            return SQLStage(sql: "SELECT count(*) AS c0, CAST(0 AS bigint) AS _o FROM (\(input.sql)) AS \(alias)", types: [.integer])
        }
        let keyed = try keyedRows(keys, extra: [])
        let k = alias + "k"
        let g = alias + "g"
        let countColumn = keys.count
        let grouped = "SELECT \(keyed.passThrough(k))count(*) AS c\(countColumn) FROM (\(keyed.sql)) AS \(k) GROUP BY \(keyed.groupColumns(k).joined(separator: ", "))"
        let grouping = SQLStage(sql: "", types: keyed.types)
        var order = ["\(g).c\(countColumn) DESC"]
        for value in grouping.columns(g) { order += try sortTerms(value, descending: false) }
        return SQLStage(
            sql: "SELECT \(g).*, row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS _o FROM (\(grouped)) AS \(g)",
            types: keyed.types + [.integer])
    }

    func summarize(_ aggregates: [BoundAggregate], keys: [BoundExpr], fields: [Field]) throws(Untranslatable) -> SQLStage {
        let arguments = aggregates.compactMap(\.argument)
        let keyed = try keyedRows(keys, extra: arguments)
        let k = alias + "k"
        let g = alias + "g"
        let rows = keyed.columns(k)
        var parts: [String] = []
        var types = Array(keyed.types.prefix(keys.count))
        var averages: Set<Int> = []
        var nextArgument = keys.count
        for aggregate in aggregates {
            let position = types.count
            var argument: SQLValue?
            if aggregate.argument != nil {
                argument = rows[nextArgument]
                nextArgument += 1
            }
            let (sql, type) = try self.aggregate(aggregate, argument, position: position)
            parts.append(sql)
            types.append(type)
            if aggregate.function == .avg { averages.insert(position) }
        }
        let keyPart = SQLStage(sql: "", types: Array(keyed.types.prefix(keys.count)))
        let groups = keyed.groupColumns(k, count: keys.count)
        let grouping = groups.isEmpty ? "" : " GROUP BY " + groups.joined(separator: ", ")
        let grouped = "SELECT \(keyPart.passThrough(k))\(parts.joined(separator: ", ")) FROM (\(keyed.sql)) AS \(k)\(grouping)"
        var order: [String] = []
        for value in keyPart.columns(g) { order += try sortTerms(value, descending: false) }
        let window = order.isEmpty ? "" : "ORDER BY " + order.joined(separator: ", ")
        return SQLStage(
            sql: "SELECT \(g).*, row_number() OVER (\(window)) AS _o FROM (\(grouped)) AS \(g)", types: types, averages: averages)
    }

    /// One aggregate as SQL columns (`AS cN`, with keys for text) and its type.
    private func aggregate(_ aggregate: BoundAggregate, _ argument: SQLValue?, position: Int) throws(Untranslatable) -> (String, ValueType) {
        let name = "c\(position)"
        guard let argument else {
            guard aggregate.function == .count else { throw Untranslatable(construct: "`\(aggregate.function.rawValue)()`") }
            return ("count(*) AS \(name)", .integer)
        }
        let value = argument.raw
        switch aggregate.function {
        case .count:
            if aggregate.isDistinct {
                guard !argument.isList else { throw Untranslatable(construct: "`count distinct` of a list") }
                return ("count(DISTINCT \(value)) AS \(name)", .integer)
            }
            return ("count(\(value)) AS \(name)", .integer)
        case .sum:
            guard argument.isNumeric else { throw Untranslatable(construct: "`sum` of \(argument.type?.rawValue ?? "missing")") }
            return ("sum(\(value)) AS \(name)", aggregate.resultType)
        case .avg:
            guard argument.isNumeric else { throw Untranslatable(construct: "`avg` of \(argument.type?.rawValue ?? "missing")") }
            return ("sum(\(value)) AS \(name), count(\(value)) AS \(name)_n", .decimal)
        case .min, .max:
            let isMin = aggregate.function == .min
            switch argument.type {
            case .text?:
                guard let keys = argument.keys else { throw Untranslatable(construct: "`\(aggregate.function.rawValue)` of computed text") }
                let direction = isMin ? "" : " DESC"
                let order = "ORDER BY \(keys.sort)\(direction), \(value) COLLATE \"C\"\(direction)"
                func first(_ expression: String) -> String {
                    "(array_agg(\(expression) \(order)) FILTER (WHERE \(value) IS NOT NULL))[1]"
                }
                return ("\(first(value)) AS \(name), \(first(keys.folded)) AS \(name)_f, \(first(keys.order)) AS \(name)_o, \(first(keys.sort)) AS \(name)_s", .text)
            case .bool?:
                return ("\(isMin ? "bool_and" : "bool_or")(\(value)) AS \(name)", .bool)
            case .integer?, .decimal?, .date?:
                return ("\(isMin ? "min" : "max")(\(value)) AS \(name)", argument.type ?? .integer)
            default:
                throw Untranslatable(construct: "`\(aggregate.function.rawValue)` of \(argument.type?.rawValue ?? "missing")")
            }
        case .median, .quantile, .stddev, .variance, .corr:
            // Not yet compiled: dossier computes them on the rows the server sends.
            throw Untranslatable(construct: "`\(aggregate.function.rawValue)`")
        }
    }

    /// The input's rows with the group keys (list keys exploded into their distinct items,
    /// an empty list giving one missing item) and `extra` values beside them, and `_o`.
    private func keyedRows(_ keys: [BoundExpr], extra: [BoundExpr]) throws(Untranslatable) -> SQLStage {
        let expressions = ExpressionCompiler(columns: input.columns(alias))
        var values: [SQLValue] = []
        var types: [ValueType] = []
        var laterals: [String] = []
        for key in keys {
            let value = try expressions.value(key)
            guard let type = value.type else { throw Untranslatable(construct: "grouping by `missing`") }
            if type == .list {
                guard let keys = value.keys else { throw Untranslatable(construct: "grouping by a computed list") }
                let item = "\(alias)u\(laterals.count)"
                laterals.append("LEFT JOIN LATERAL unnest(\(value.raw), \(keys.folded), \(keys.order), \(keys.sort)) AS \(item)(v, f, o, s) ON TRUE")
                values.append(SQLValue(raw: "\(item).v", type: .text, keys: SQLValue.Keys(folded: "\(item).f", order: "\(item).o", sort: "\(item).s")))
                types.append(.text)
            } else {
                if SQLStage.hasKeys(type), value.keys == nil { throw Untranslatable(construct: "grouping by computed text") }
                values.append(value)
                types.append(type)
            }
        }
        for argument in extra {
            let value = try expressions.value(argument)
            guard let type = value.type else { throw Untranslatable(construct: "an aggregate of `missing`") }
            if SQLStage.hasKeys(type), value.keys == nil { throw Untranslatable(construct: "an aggregate of computed text") }
            values.append(value)
            types.append(type)
        }
        // A row counts once under each distinct item of its lists (`c;c` once under `c`).
        let distinct = laterals.isEmpty ? "" : "DISTINCT "
        let from = "(\(input.sql)) AS \(alias)" + laterals.map { " " + $0 }.joined()
        return SQLStage(sql: "SELECT \(distinct)\(SQLStage.select(values, types: types))\(alias)._o AS _o FROM \(from)", types: types)
    }
}
