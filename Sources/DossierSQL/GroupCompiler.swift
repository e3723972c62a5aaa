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
        var order = ["\(g).c\(countColumn) DESC"]
        for value in keyed.columns(g) { order += try sortTerms(value, descending: false) }
        return SQLStage(
            sql: "SELECT \(g).*, row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS _o FROM (\(grouped)) AS \(g)",
            types: keyed.types + [.integer], floats: keyed.floats, derivedKeys: keyed.derivedKeys)
    }

    func summarize(_ aggregates: [BoundAggregate], keys: [BoundExpr], fields: [Field]) throws(Untranslatable) -> SQLStage {
        // The values the aggregates read follow the keys: each one's argument, then `corr`'s second.
        var extra: [BoundExpr] = []
        var slots: [(first: Int?, second: Int?)] = []
        for aggregate in aggregates {
            var slot: (first: Int?, second: Int?) = (nil, nil)
            if let argument = aggregate.argument {
                slot.first = keys.count + extra.count
                extra.append(argument)
            }
            if let second = aggregate.second {
                slot.second = keys.count + extra.count
                extra.append(second)
            }
            slots.append(slot)
        }
        var keyed = try keyedRows(keys, extra: extra)
        let ranked = zip(aggregates, slots).compactMap { aggregate, slot in
            aggregate.function == .median || aggregate.function == .quantile ? slot.first : nil
        }
        if !ranked.isEmpty {
            keyed = SQLStatistics.ranked(keyed, columns: ranked, keyCount: keys.count, alias: alias + "r")
        }
        let k = alias + "k"
        let g = alias + "g"
        let rows = keyed.columns(k)
        var parts: [String] = []
        var types = Array(keyed.types.prefix(keys.count))
        var floats = keyed.floats.filter { $0 < keys.count }
        var rounded: Set<Int> = []
        for (aggregate, slot) in zip(aggregates, slots) {
            let position = types.count
            let computed = try self.aggregate(
                aggregate, slot.first.map { rows[$0] }, slot.second.map { rows[$0] }, rank: slot.first.map { "\(k).c\($0)" })
            parts.append("\(computed.sql) AS c\(position)" + computed.keySQL(position))
            types.append(computed.type)
            if computed.isFloat { floats.insert(position) }
            // One row cannot be held as doubles for a larger value beside it (`SQLValue.isRounded`).
            if computed.isRounded, !keys.isEmpty { rounded.insert(position) }
        }
        let keyPart = SQLStage(sql: "", types: Array(keyed.types.prefix(keys.count)), floats: floats.filter { $0 < keys.count },
            derivedKeys: keyed.derivedKeys.filter { $0 < keys.count })
        let groups = keyed.groupColumns(k, count: keys.count)
        let grouping = groups.isEmpty ? "" : " GROUP BY " + groups.joined(separator: ", ")
        let grouped = "SELECT \(keyPart.passThrough(k))\(parts.joined(separator: ", ")) FROM (\(keyed.sql)) AS \(k)\(grouping)"
        var order: [String] = []
        for value in keyPart.columns(g) { order += try sortTerms(value, descending: false) }
        let window = order.isEmpty ? "" : "ORDER BY " + order.joined(separator: ", ")
        return SQLStage(
            sql: "SELECT \(g).*, row_number() OVER (\(window)) AS _o FROM (\(grouped)) AS \(g)", types: types, floats: floats,
            rounded: rounded, derivedKeys: keyPart.derivedKeys)
    }

    /// One aggregate in SQL: its value, and for `min`/`max` of text the keys of that value.
    struct Computed {
        var sql: String
        var type: ValueType
        var isFloat = false
        /// A mean or a quantile (`SQLValue.isRounded`).
        var isRounded = false
        /// `min`/`max` of text: the folded, order and sort keys of the chosen text.
        var keys: SQLValue.Keys?

        func keySQL(_ position: Int) -> String {
            guard let keys else { return "" }
            return ", \(keys.folded) AS c\(position)_f, \(keys.order) AS c\(position)_o, \(keys.sort) AS c\(position)_s"
        }
    }

    /// One aggregate and its type; `rank` names the argument's column in the ranked layer.
    private func aggregate(_ aggregate: BoundAggregate, _ argument: SQLValue?, _ second: SQLValue?, rank: String?) throws(Untranslatable) -> Computed {
        let name = aggregate.function.rawValue
        guard let argument else {
            guard aggregate.function == .count else { throw Untranslatable(construct: "`\(name)()`") }
            return Computed(sql: "count(*)", type: .integer)
        }
        let value = argument.raw
        if argument.isFloat, aggregate.function != .count, aggregate.function != .min, aggregate.function != .max {
            // Sums and statistics of Doubles depend on dossier's order of operations.
            throw Untranslatable(construct: "`\(name)` of a statistic")
        }
        switch aggregate.function {
        case .count:
            if aggregate.isDistinct {
                guard !argument.isList else { throw Untranslatable(construct: "`count distinct` of a list") }
                return Computed(sql: "count(DISTINCT \(value))", type: .integer)
            }
            return Computed(sql: "count(\(value))", type: .integer)
        case .sum:
            guard argument.isNumeric else { throw Untranslatable(construct: "`sum` of \(argument.type?.rawValue ?? "missing")") }
            return Computed(sql: "sum(\(value))", type: aggregate.resultType)
        case .avg:
            guard argument.isNumeric else { throw Untranslatable(construct: "`avg` of \(argument.type?.rawValue ?? "missing")") }
            // The exact sum over the count, rounded as dossier rounds a mean.
            return Computed(sql: ExactQuotient.sql("sum(\(value))", "count(\(value))"), type: .decimal, isRounded: true)
        case .min, .max:
            return try extreme(aggregate.function == .min, argument)
        case .median, .quantile:
            guard argument.isNumeric, let rank else { throw Untranslatable(construct: "`\(name)` of \(argument.type?.rawValue ?? "missing")") }
            let fraction = aggregate.fraction ?? DecimalNumber(uncheckedMantissa: 5, scale: 1)
            return Computed(sql: SQLStatistics.quantile(rank, fraction: fraction), type: .decimal, isRounded: true)
        case .stddev, .variance:
            guard argument.isNumeric else { throw Untranslatable(construct: "`\(name)` of \(argument.type?.rawValue ?? "missing")") }
            return Computed(sql: SQLStatistics.spread(value, squareRoot: aggregate.function == .stddev), type: .decimal, isFloat: true)
        case .corr:
            guard argument.isNumeric, let second, second.isNumeric, !second.isFloat else { throw Untranslatable(construct: "`corr` of these values") }
            return Computed(sql: SQLStatistics.correlation(value, second.raw), type: .decimal, isFloat: true)
        }
    }

    /// `min` and `max`: text by dossier's sort order (the keys come along), booleans as
    /// false < true, numbers and dates by value.
    private func extreme(_ isMin: Bool, _ argument: SQLValue) throws(Untranslatable) -> Computed {
        let value = argument.raw
        let function = isMin ? "min" : "max"
        switch argument.type {
        case .text?:
            guard let keys = argument.keys else { throw Untranslatable(construct: "`\(function)` of computed text") }
            let direction = isMin ? "" : " DESC"
            let order = "ORDER BY \(keys.sort)\(direction), \(value) COLLATE \"C\"\(direction)"
            func first(_ expression: String) -> String {
                "(array_agg(\(expression) \(order)) FILTER (WHERE \(value) IS NOT NULL))[1]"
            }
            return Computed(sql: first(value), type: .text,
                keys: SQLValue.Keys(folded: first(keys.folded), order: first(keys.order), sort: first(keys.sort)))
        case .bool?:
            return Computed(sql: "\(isMin ? "bool_and" : "bool_or")(\(value))", type: .bool)
        case .integer?, .decimal?, .date?:
            return Computed(sql: "\(function)(\(value))", type: argument.type ?? .integer, isFloat: argument.isFloat)
        default:
            throw Untranslatable(construct: "`\(function)` of \(argument.type?.rawValue ?? "missing")")
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
        return SQLStage(sql: "SELECT \(distinct)\(SQLStage.select(values, types: types))\(alias)._o AS _o FROM \(from)", types: types,
            floats: SQLStage.floats(of: values), derivedKeys: SQLStage.derivedKeys(of: values))
    }
}
