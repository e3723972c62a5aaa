/// A checked query: where rows come from and the steps that transform them, each step with
/// the fields it produces. Built by `Checker` before any row is read; run by `Executor`.
public struct QueryPlan: Sendable {
    public indirect enum Source: Sendable {
        case dataset(Dataset)
        /// A named query (`let`), checked anew at each use.
        case namedQuery(String, QueryPlan)
    }

    public var source: Source
    public var sourceFields: [Field]
    public var steps: [PlanStep]

    /// The fields of the result.
    public var fields: [Field] { steps.last?.fields ?? sourceFields }

    /// The name the pipeline starts from.
    public var sourceName: String {
        switch source {
        case .dataset(let dataset): return dataset.name
        case .namedQuery(let name, _): return name
        }
    }

    /// The columns that label a chart's bars: the keys of the grouping it draws.
    public var chartLabelColumns: [Int] {
        for step in steps.reversed() {
            switch step.kind {
            case .count(let keys): return Array(keys.indices)
            case .summarize(_, let keys): return Array(keys.indices)
            default: continue
            }
        }
        return Array(fields.indices.dropLast())
    }

    /// The result is a chart (the last clause is `chart`).
    public var isChart: Bool {
        if case .chart? = steps.last?.kind { return true }
        return false
    }
}

public struct PlanStep: Sendable {
    public var kind: PlanStepKind
    /// The clause as written, for `explain` and for messages about empty results.
    public var clause: Clause
    /// The fields after this step.
    public var fields: [Field]
}

public enum PlanStepKind: Sendable {
    case filter(BoundExpr)
    /// Output fields in order; a plain field reference keeps its column without copying.
    case project([BoundExpr])
    case sort([BoundSortKey])
    case limit(Int, offset: Int)
    /// Distinct rows of these expressions (all fields when `wholeRow`).
    case distinct([BoundExpr], wholeRow: Bool)
    case count(keys: [BoundExpr])
    case summarize([BoundAggregate], keys: [BoundExpr])
    case join(BoundJoin)
    case chart
}

public struct BoundSortKey: Sendable {
    public var expression: BoundExpr
    public var descending: Bool
}

public struct BoundAggregate: Sendable {
    public var function: AggregateFunction
    public var argument: BoundExpr?
    public var isDistinct: Bool
    public var resultType: ValueType
}

public struct BoundJoin: Sendable {
    public var isLeft: Bool
    public var right: QueryPlan
    /// Key position on the pipeline's side and on the joined side.
    public var leftKey: Int
    public var rightKey: Int
}
