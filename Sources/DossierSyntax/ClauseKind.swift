import DossierSupport
import DossierDiagnostics

public enum ClauseKind: Sendable {
    case filter(Expr)
    case select([SelectItem])
    case sort([SortKey])
    /// `limit N [offset M] [per F, ...]`: with `per`, the first rows of each group.
    case limit(count: NumberArgument, offset: NumberArgument?, per: [Expr])
    case distinct([Expr])
    case count(by: [Expr])
    case summarize([SummaryItem], by: [Expr])
    case join(JoinClause)
    case chart
}
