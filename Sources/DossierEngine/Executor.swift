import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// Runs a checked plan: the source's rows, then each step in turn.
public struct Executor: Sendable {
    public let cancellation: Cancellation?

    public init(cancellation: Cancellation? = nil) {
        self.cancellation = cancellation
    }

    /// The result and the row count after the source and after each step (for `explain`
    /// and for empty results that explain themselves).
    public struct Outcome: Sendable {
        public var relation: Relation
        public var counts: [Int]
        /// The relation entering each step, when asked for (to explain an empty result).
        public var inputs: [Relation] = []
    }

    public func run(_ plan: LogicalPlan, recordInputs: Bool = false) throws(Diagnostic) -> Outcome {
        try WorkingMemory.duringQuery { () throws(Diagnostic) in try runSteps(plan, recordInputs: recordInputs) }
    }

    private func runSteps(_ plan: LogicalPlan, recordInputs: Bool) throws(Diagnostic) -> Outcome {
        var relation: Relation
        switch plan.source {
        case .dataset(let dataset):
            // A server table holds no rows here: the session sends its plans to the server.
            if dataset.remote != nil { throw Diagnostic(.misplacedClause, "`\(dataset.name)` is on a server; its queries run there") }
            relation = Relation(dataset)
        case .namedQuery(_, let inner):
            relation = try run(inner).relation
        }
        var counts = [relation.count]
        var inputs: [Relation] = []
        for step in plan.steps {
            try cancellation?.check()
            if recordInputs { inputs.append(relation) }
            relation = try apply(step, to: relation)
            counts.append(relation.count)
        }
        return Outcome(relation: relation, counts: counts, inputs: inputs)
    }

    /// The rows from `offset`, at most `count` of them.
    private func limit(_ relation: Relation, count: Int, offset: Int) -> Relation {
        var result = relation
        let start = min(offset, relation.count)
        let end = min(relation.count, start + min(count, relation.count))
        switch relation.rows {
        case .all:
            result.rows = .some((start..<end).map { Int32(truncatingIfNeeded: $0) })
        case .some(let indices):
            result.rows = .some(Array(indices[start..<end]))
        }
        return result
    }

    private func apply(_ step: PlanStep, to relation: Relation) throws(Diagnostic) -> Relation {
        switch step.kind {
        case .filter(let condition):
            var result = relation
            result.rows = .some(try RowFilter.compile(condition, columns: relation.columns, cancellation: cancellation).apply(relation.rows, cancellation: cancellation))
            return result
        case .project(let expressions):
            if expressions.allSatisfy({ $0.fieldIndex != nil }) {
                var result = relation
                result.columns = expressions.compactMap { $0.fieldIndex.map { relation.columns[$0] } }
                result.fields = step.fields
                return result
            }
            let compact = relation.compacted()
            var columns: [Column] = []
            for expression in expressions {
                columns.append(try Evaluator.materialize(expression, relation: compact, cancellation: cancellation))
            }
            var fields = step.fields
            for index in fields.indices { fields[index].type = columns[index].type }
            return Relation(fields: fields, columns: columns, rows: .all(compact.count), lineage: compact.lineage)
        case .sort(let keys):
            var result = try Sorter.sort(relation, keys: keys, cancellation: cancellation)
            result.fields = step.fields
            return result
        case .topK(let keys, let count, let offset):
            let (kept, overflow) = count.addingReportingOverflow(offset)
            var result = try Sorter.sort(relation, keys: keys, keeping: overflow ? nil : kept, cancellation: cancellation)
            result.fields = step.fields
            return limit(result, count: count, offset: offset)
        case .limit(let count, let offset):
            return limit(relation, count: count, offset: offset)
        case .limitPer(let count, let offset, let keys, let sortedBy):
            var result = try Grouping.limitPer(
                relation, count: count, offset: offset, keys: keys, sortedBy: sortedBy, cancellation: cancellation)
            result.fields = step.fields
            return result
        case .distinct(let keys, let wholeRow):
            return try Grouping.distinct(relation, keys: keys, wholeRow: wholeRow, fields: step.fields, cancellation: cancellation)
        case .count(let keys):
            return try Grouping.count(relation, keys: keys, fields: step.fields, cancellation: cancellation)
        case .summarize(let aggregates, let keys):
            return try Aggregation.summarize(relation, aggregates: aggregates, keys: keys, fields: step.fields, cancellation: cancellation)
        case .join(let join):
            let right = try run(join.right).relation
            return try Joiner.join(relation, right, join, fields: step.fields, cancellation: cancellation)
        case .chart:
            return relation
        case .share(let value, let keys):
            return try WindowSteps.share(relation, value: value, per: keys, fields: step.fields, cancellation: cancellation)
        case .runningTotal(let value, let keys):
            return try WindowSteps.runningTotal(relation, value: value, per: keys, fields: step.fields, cancellation: cancellation)
        case .change(let value, let keys):
            return try WindowSteps.change(relation, value: value, per: keys, fields: step.fields, cancellation: cancellation)
        case .rank(let keys, let groups):
            return try RankStep.rank(relation, keys: keys, per: groups, fields: step.fields, cancellation: cancellation)
        case .expand(let field):
            return try Expander.expand(relation, field: field, fields: step.fields, cancellation: cancellation)
        }
    }
}
