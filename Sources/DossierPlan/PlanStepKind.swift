import DossierSupport
import DossierDiagnostics
import DossierData

public enum PlanStepKind: Sendable {
    case filter(BoundExpr)
    /// Output fields in order; a plain field reference keeps its column without copying.
    case project([BoundExpr])
    case sort([BoundSortKey])
    case limit(Int, offset: Int)
    /// `limit N [offset M] per F, ...`: the rows from the M-th to the (M+N)-th of each group
    /// of equal keys, in their order. `sortedBy`: a `sort` before it, fused by the optimizer
    /// (`TopKRule`): only each group's first N + M rows are put in order.
    case limitPer(Int, offset: Int, keys: [BoundExpr], sortedBy: [BoundSortKey])
    /// `sort ... limit`, fused by the optimizer (`TopKRule`): only the first `count` rows after
    /// `offset` are put in order, not every row.
    case topK([BoundSortKey], count: Int, offset: Int)
    /// Distinct rows of these expressions (all fields when `wholeRow`).
    case distinct([BoundExpr], wholeRow: Bool)
    case count(keys: [BoundExpr])
    case summarize([BoundAggregate], keys: [BoundExpr])
    case join(BoundJoin)
    /// The last step: the result is drawn (`ChartShape` says how); its rows are unchanged.
    case chart(ChartShape)
}
