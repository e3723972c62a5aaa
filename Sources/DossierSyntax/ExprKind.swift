import DossierSupport
import DossierDiagnostics

public indirect enum ExprKind: Sendable {
    /// A field, or a bare word used as text; the checker decides.
    case name(Name)
    /// `source.field`, after a join.
    case qualified(Name, Name)
    case literal(Literal)
    case not(Expr)
    case negate(Expr)
    /// Flattened chains: `a and b and c` is one node, so long chains stay shallow.
    case and([Expr])
    case or([Expr])
    case comparison(ComparisonOperator, Expr, Expr)
    case arithmetic(ArithmeticOperator, Expr, Expr)
    case inList(Expr, [Expr], negated: Bool)
    case between(Expr, low: Expr, high: Expr, negated: Bool)
    case textMatch(TextMatchOperator, Expr, pattern: Expr, negated: Bool)
    case isMissing(Expr, negated: Bool)
    case call(Name, [Expr])
}
