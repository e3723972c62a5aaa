import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// A plan compiled for the server: the SQL, how to read its columns back, and the steps that
/// stay in dossier (from the first one the compiler does not translate; none usually).
public struct CompiledQuery: Sendable {
    /// The statement sent, ending in `ORDER BY` the pipeline's row order.
    public var sql: String
    /// How each result column is read, in order.
    public var outputs: [OutputColumn]
    /// The fields of the SQL result: the pipeline's fields before `remainder`.
    public var fields: [Field]
    /// Steps dossier runs itself on the rows the server sends.
    public var remainder: [PlanStep]
    /// Why the remainder is not on the server, as people wrote it (`matches`, `division`).
    public var stoppedBy: String?
}

/// How one result field is read from the server's text.
public enum OutputColumn: Sendable, Equatable {
    case value(ValueType)
    /// A `float8` that dossier holds as a `Double` (a statistic, arithmetic on one).
    case float
}

/// Compiles a logical plan to one PostgreSQL statement (issue 16). Each step becomes a SELECT
/// over the previous one, carrying `_o`, the pipeline's row order, so every row comes back in
/// the order dossier's own engine gives, ties and all. What is not translated yet stops the
/// compilation there: the rest runs in dossier, never a guess at the server's semantics.
public enum PlanCompiler {
    /// The whole plan when it can be; `nil` when not even its source runs on the server (a
    /// local dataset, a named query that stops early).
    public static func compile(_ plan: LogicalPlan) -> CompiledQuery? {
        guard var stage = try? source(plan) else { return nil }
        var fields = plan.sourceFields
        var stoppedAt: Int?
        var reason: String?
        for (index, step) in plan.steps.enumerated() {
            do throws(Untranslatable) {
                stage = try compile(step, after: stage, stageNumber: index)
                fields = step.fields
            } catch {
                stoppedAt = index
                reason = error.construct
                break
            }
        }
        let remainder = stoppedAt.map { Array(plan.steps[$0...]) } ?? []
        return finish(stage, fields: fields, remainder: remainder, reason: reason)
    }

    /// The plan's source as a stage: a server table, or a named query over one that compiles whole.
    static func source(_ plan: LogicalPlan) throws(Untranslatable) -> SQLStage {
        switch plan.source {
        case .dataset(let dataset):
            guard let remote = dataset.remote else { throw Untranslatable(construct: "the local dataset `\(dataset.name)`") }
            return table(remote, fields: plan.sourceFields)
        case .namedQuery(let name, let inner):
            guard let compiled = compileWhole(inner) else { throw Untranslatable(construct: "the named query `\(name)`") }
            return compiled
        }
    }

    /// A plan that must run entirely on the server (a named query, the joined side of a join).
    static func compileWhole(_ plan: LogicalPlan) -> SQLStage? {
        guard var stage = try? source(plan) else { return nil }
        for (index, step) in plan.steps.enumerated() {
            guard let next = try? compile(step, after: stage, stageNumber: index) else { return nil }
            stage = next
        }
        return stage
    }

    private static func finish(_ stage: SQLStage, fields: [Field], remainder: [PlanStep], reason: String?) -> CompiledQuery {
        var columns: [String] = []
        var outputs: [OutputColumn] = []
        for (index, type) in stage.types.enumerated() {
            columns.append("q.c\(index)")
            outputs.append(stage.floats.contains(index) ? .float : .value(type))
        }
        let list = columns.isEmpty ? "1" : columns.joined(separator: ", ")
        let sql = "SELECT \(list) FROM (\(stage.sql)) AS q ORDER BY q._o"
        return CompiledQuery(sql: sql, outputs: outputs, fields: fields, remainder: remainder, stoppedBy: reason)
    }

    // MARK: - The source table

    static func table(_ remote: RemoteTable, fields: [Field]) -> SQLStage {
        var values: [SQLValue] = []
        var types: [ValueType] = []
        for (index, field) in fields.enumerated() {
            let column = remote.columns.indices.contains(index) ? remote.columns[index] : RemoteColumn(name: field.name, serverType: "text", keys: nil)
            values.append(sourceValue(column, type: field.type))
            types.append(field.type)
        }
        let order = remote.orderColumn.map { "t." + SQLText.identifier($0) } ?? "row_number() OVER ()"
        let from = SQLText.identifier(remote.schema) + "." + SQLText.identifier(remote.name)
        return SQLStage(sql: "SELECT \(SQLStage.select(values, types: types))\(order) AS _o FROM \(from) AS t", types: types,
            derivedKeys: SQLStage.derivedKeys(of: values))
    }

    /// A column as dossier reads it. Tables dossier uploaded hold every value as dossier's type
    /// and keys beside text; other tables are read through casts, with `lower()` standing in
    /// for dossier's folding (the README says where that differs).
    private static func sourceValue(_ column: RemoteColumn, type: ValueType) -> SQLValue {
        let name = "t." + SQLText.identifier(column.name)
        if let keys = column.keys {
            return SQLValue(raw: name, type: type, keys: SQLValue.Keys(
                folded: "t." + SQLText.identifier(keys.folded), order: "t." + SQLText.identifier(keys.order),
                sort: "t." + SQLText.identifier(keys.sort)))
        }
        switch type {
        case .integer: return SQLValue(raw: "CAST(\(name) AS bigint)", type: type)
        case .decimal: return SQLValue(raw: "CAST(\(name) AS numeric)", type: type)
        case .text:
            // An empty text is missing (§6), and dossier's text is what the server shows.
            let raw = "NULLIF(CAST(\(name) AS text), '')"
            return SQLValue(raw: raw, type: type, keys: SQLValue.Keys.derived(from: raw))
        case .list:
            let raw = "(CASE WHEN cardinality(\(name)) > 0 THEN CAST(\(name) AS text[]) END)"
            return SQLValue(raw: raw, type: type, keys: SQLValue.Keys(
                folded: "ARRAY(SELECT lower(e) FROM unnest(\(raw)) AS e)",
                order: "ARRAY(SELECT convert_to(lower(e), 'UTF8') FROM unnest(\(raw)) AS e)",
                sort: "ARRAY(SELECT convert_to(lower(e), 'UTF8') FROM unnest(\(raw)) AS e)"))
        default:
            return SQLValue(raw: name, type: type)
        }
    }

    // MARK: - Steps

    static func compile(_ step: PlanStep, after input: SQLStage, stageNumber: Int) throws(Untranslatable) -> SQLStage {
        let alias = "s\(stageNumber)"
        let from = "(\(input.sql)) AS \(alias)"
        let expressions = ExpressionCompiler(columns: input.columns(alias))
        switch step.kind {
        case .filter(let condition):
            return input.replacingSQL("SELECT \(alias).* FROM \(from) WHERE \(try expressions.condition(condition))")
        case .project(let items):
            let columns = input.columns(alias)
            let values = try items.map { (item) throws(Untranslatable) in
                // A field kept as it is is not read: a rounded one may be shown.
                if let index = item.fieldIndex, columns.indices.contains(index) { return columns[index] }
                return try expressions.value(item)
            }
            let types = try typesOf(values, step.fields)
            return SQLStage(sql: "SELECT \(SQLStage.select(values, types: types))\(alias)._o AS _o FROM \(from)", types: types,
                floats: SQLStage.floats(of: values), rounded: SQLStage.rounded(of: values))
        case .sort(let keys):
            return try sorted(keys, input: input, alias: alias)
        case .limitPer(let count, let offset, let keys, let sortedBy):
            // The optimizer's fused `sort … limit N per F`: the sort, then each group's first N.
            let ordered = sortedBy.isEmpty ? input : try sorted(sortedBy, input: input, alias: alias + "o")
            return try limitPer(count, offset: offset, keys: keys, input: ordered, alias: alias)
        case .limit(let count, let offset):
            return input.replacingSQL("SELECT \(alias).* FROM \(from) ORDER BY \(alias)._o LIMIT \(count) OFFSET \(offset)")
        case .topK(let keys, let count, let offset):
            let order = (try orderTerms(keys, expressions) + ["\(alias)._o"]).joined(separator: ", ")
            return input.replacingSQL(
                "SELECT \(input.passThrough(alias))row_number() OVER (ORDER BY \(order)) AS _o FROM \(from) ORDER BY \(order) LIMIT \(count) OFFSET \(offset)")
        case .distinct(let keys, let wholeRow):
            return try distinct(keys, wholeRow: wholeRow, input: input, alias: alias, fields: step.fields)
        case .count(let keys):
            return try GroupCompiler(input: input, alias: alias).count(keys, fields: step.fields)
        case .summarize(let aggregates, let keys):
            return try GroupCompiler(input: input, alias: alias).summarize(aggregates, keys: keys, fields: step.fields)
        case .join(let join):
            return try JoinCompiler.join(join, left: input, alias: alias, stageNumber: stageNumber)
        case .chart:
            throw Untranslatable(construct: "`chart`")
        case .share:
            throw Untranslatable(construct: "`share`")
        case .rank:
            throw Untranslatable(construct: "`rank`")
        case .runningTotal:
            throw Untranslatable(construct: "`running total`")
        case .change:
            throw Untranslatable(construct: "`change`")
        case .expand:
            throw Untranslatable(construct: "`expand`")
        }
    }

    private static func orderTerms(_ keys: [BoundSortKey], _ expressions: ExpressionCompiler) throws(Untranslatable) -> [String] {
        var terms: [String] = []
        for key in keys {
            terms += try sortTerms(try expressions.value(key.expression), descending: key.descending)
        }
        return terms
    }

    /// The types of computed values, checked against the plan's fields.
    static func typesOf(_ values: [SQLValue], _ fields: [Field]) throws(Untranslatable) -> [ValueType] {
        var types: [ValueType] = []
        for (index, value) in values.enumerated() {
            guard let type = value.type ?? (fields.indices.contains(index) ? fields[index].type : nil) else {
                throw Untranslatable(construct: "a field that is only `missing`")
            }
            if SQLStage.hasKeys(type), value.keys == nil, value.type != nil {
                throw Untranslatable(construct: "computed text")
            }
            types.append(type)
        }
        return types
    }

    /// `distinct`: the first row of each distinct value (exact, as `count by` groups), in
    /// first-seen order.
    private static func distinct(_ keys: [BoundExpr], wholeRow: Bool, input: SQLStage, alias: String, fields: [Field]) throws(Untranslatable) -> SQLStage {
        let keyed: SQLStage
        if wholeRow {
            guard input.rounded.isEmpty else { throw Untranslatable.readsRounded }
            keyed = input
        } else {
            let expressions = ExpressionCompiler(columns: input.columns(alias))
            let values = try keys.map { (key) throws(Untranslatable) in try expressions.value(key) }
            let types = try typesOf(values, fields)
            keyed = SQLStage(sql: "SELECT \(SQLStage.select(values, types: types))\(alias)._o AS _o FROM (\(input.sql)) AS \(alias)", types: types,
                floats: SQLStage.floats(of: values))
        }
        let inner = alias + "d"
        let groups = keyed.groupColumns(inner)
        let grouping = groups.isEmpty ? "" : " GROUP BY " + groups.joined(separator: ", ")
        return keyed.replacingSQL("SELECT \(keyed.passThrough(inner))min(\(inner)._o) AS _o FROM (\(keyed.sql)) AS \(inner)\(grouping)")
    }

    /// `limit N offset M per F, …`: each row's rank among the rows of equal keys (exact values,
    /// a list as one value, as dossier groups them), in the pipeline's order; the rows ranked
    /// M + 1 to M + N stay, in their order.
    /// The rows in the order of `keys`, ties in input order: a new input-order column.
    private static func sorted(_ keys: [BoundSortKey], input: SQLStage, alias: String) throws(Untranslatable) -> SQLStage {
        let expressions = ExpressionCompiler(columns: input.columns(alias))
        let order = try orderTerms(keys, expressions) + ["\(alias)._o"]
        return input.replacingSQL(
            "SELECT \(input.passThrough(alias))row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS _o FROM (\(input.sql)) AS \(alias)")
    }

    private static func limitPer(_ count: Int, offset: Int, keys: [BoundExpr], input: SQLStage, alias: String) throws(Untranslatable) -> SQLStage {
        let expressions = ExpressionCompiler(columns: input.columns(alias))
        var partition: [String] = []
        for key in keys {
            let value = try expressions.value(key)
            // The `missing` literal is one value for every row: no partition at all.
            guard value.type != nil else { continue }
            partition.append(value.raw)
        }
        let over = (partition.isEmpty ? "" : "PARTITION BY " + partition.joined(separator: ", ") + " ") + "ORDER BY \(alias)._o"
        let ranked = alias + "p"
        // `rank - offset` never overflows (rank ≥ 1, offset ≥ 0); `offset + count` could.
        return input.replacingSQL(
            "SELECT \(input.passThrough(ranked))\(ranked)._o AS _o FROM (SELECT \(alias).*, row_number() OVER (\(over)) AS _rank FROM (\(input.sql)) AS \(alias)) AS \(ranked) "
                + "WHERE \(ranked)._rank > \(offset) AND \(ranked)._rank - \(offset) <= \(count)")
    }
}
