import DossierSupport
import DossierDiagnostics
import DossierData

public struct PlanStep: Sendable {
    public var kind: PlanStepKind
    /// Where the clauses this step came from are in the query text (one, or more when the
    /// optimizer fused them: `sort … limit`), for `explain` and for messages about empty
    /// results. The plan holds no syntax: source ranges are all it needs.
    public var ranges: [Range<Int>]
    /// The fields after this step.
    public var fields: [Field]

    /// The clause that decides which rows this step removes: the last one it came from
    /// (`limit 0`, not the `sort` before it).
    public var range: Range<Int> { ranges.last ?? 0..<0 }

    package init(kind: PlanStepKind, range: Range<Int>, fields: [Field]) {
        self.init(kind: kind, ranges: [range], fields: fields)
    }

    package init(kind: PlanStepKind, ranges: [Range<Int>], fields: [Field]) {
        self.kind = kind
        self.ranges = ranges
        self.fields = fields
    }
}

public enum PlanStepKind: Sendable {
    case filter(BoundExpr)
    /// Output fields in order; a plain field reference keeps its column without copying.
    case project([BoundExpr])
    case sort([BoundSortKey])
    case limit(Int, offset: Int)
    /// `sort ... limit`, fused by the optimizer (`TopKRule`): only the first `count` rows after
    /// `offset` are put in order, not every row.
    case topK([BoundSortKey], count: Int, offset: Int)
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
    public var right: LogicalPlan
    /// Key position on the pipeline's side and on the joined side.
    public var leftKey: Int
    public var rightKey: Int

    package init(isLeft: Bool, right: LogicalPlan, leftKey: Int, rightKey: Int) {
        self.isLeft = isLeft
        self.right = right
        self.leftKey = leftKey
        self.rightKey = rightKey
    }
}
