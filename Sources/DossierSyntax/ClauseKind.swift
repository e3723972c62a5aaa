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
    /// `share [of F] [per G, ...]`: F as a percent of its total (within each group of G).
    case share(of: Expr?, per: [Expr])
    /// `rank [by K [desc], ...] [per G, ...]`: 1 for the first row by K (ties share a rank).
    case rank(by: [SortKey], per: [Expr])
    /// `running total [of F] [per G, ...]`: the sum of F up to each row, in the rows' order.
    case runningTotal(of: Expr?, per: [Expr])
    /// `change [of F] [per G, ...]`: F minus F of the row before (in its group), and that in percent.
    case change(of: Expr?, per: [Expr])
    /// `expand F`: a row for each item of the list F.
    case expand(Expr)
}
