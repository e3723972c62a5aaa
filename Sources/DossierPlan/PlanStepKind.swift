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
    /// `share [of F] [per G]`: a field after the others, F as a percent of F's total (in its
    /// group), rounded to one digit after the point.
    case share(BoundExpr, per: [BoundExpr])
    /// `rank [by K] [per G]`: a field after the others, 1 + the rows before in K's order that
    /// K differs from (ties share a rank; missing values rank last). The rows keep their order.
    case rank([BoundSortKey], per: [BoundExpr])
    /// `running total [of F] [per G]`: the sum of F over the rows so far (in its group).
    case runningTotal(BoundExpr, per: [BoundExpr])
    /// `change [of F] [per G]`: two fields after the others, F minus F of the group's row
    /// before, and that as a percent of it.
    case change(BoundExpr, per: [BoundExpr])
    /// `expand F`: one row for each item of the list at field F, which becomes text.
    case expand(Int)
    /// The last step: the result is drawn (`ChartShape` says how); its rows are unchanged.
    case chart(ChartShape)
}
