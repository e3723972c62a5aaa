import DossierSupport
import DossierDiagnostics
import DossierData

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

    package init(source: Source, sourceFields: [Field], steps: [PlanStep]) {
        self.source = source
        self.sourceFields = sourceFields
        self.steps = steps
    }
}

public struct PlanStep: Sendable {
    public var kind: PlanStepKind
    /// Where the clause is in the query text, for `explain` and for messages about empty
    /// results (the plan holds no syntax: a source range is all it needs).
    public var range: Range<Int>
    /// The fields after this step.
    public var fields: [Field]

    package init(kind: PlanStepKind, range: Range<Int>, fields: [Field]) {
        self.kind = kind
        self.range = range
        self.fields = fields
    }
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

    package init(expression: BoundExpr, descending: Bool) {
        self.expression = expression
        self.descending = descending
    }
}

public struct BoundAggregate: Sendable {
    public var function: AggregateFunction
    public var argument: BoundExpr?
    public var isDistinct: Bool
    public var resultType: ValueType

    package init(function: AggregateFunction, argument: BoundExpr?, isDistinct: Bool, resultType: ValueType) {
        self.function = function
        self.argument = argument
        self.isDistinct = isDistinct
        self.resultType = resultType
    }
}

public struct BoundJoin: Sendable {
    public var isLeft: Bool
    public var right: QueryPlan
    /// Key position on the pipeline's side and on the joined side.
    public var leftKey: Int
    public var rightKey: Int

    package init(isLeft: Bool, right: QueryPlan, leftKey: Int, rightKey: Int) {
        self.isLeft = isLeft
        self.right = right
        self.leftKey = leftKey
        self.rightKey = rightKey
    }
}
