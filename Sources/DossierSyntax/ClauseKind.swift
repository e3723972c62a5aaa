import DossierSupport
import DossierDiagnostics

public enum ClauseKind: Sendable {
    case filter(Expr)
    case select([SelectItem])
    case sort([SortKey])
    case limit(count: NumberArgument, offset: NumberArgument?)
    case distinct([Expr])
    case count(by: [Expr])
    case summarize([AggregateItem], by: [Expr])
    case join(JoinClause)
    case chart
}
