import DossierSupport
import DossierDiagnostics

/// One item of `summarize`: an expression over aggregates (`sum(people)`,
/// `max(v1) - min(v2)`), with an optional name.
public struct SummaryItem: Sendable {
    public var expression: Expr
    public var alias: Name?
    public var range: Range<Int>

    public init(expression: Expr, alias: Name?, range: Range<Int>) {
        self.expression = expression
        self.alias = alias
        self.range = range
    }
}

/// An aggregate inside a `summarize` item: `sum(F)`, `count()`, `count distinct F`,
/// `quantile(F, 0.9)`, `corr(F, G)`.
public struct AggregateCall: Sendable {
    public var function: AggregateFunction
    public var arguments: [Expr]
    /// `count distinct F`
    public var isDistinct: Bool
    /// The aggregate's name as written.
    public var nameRange: Range<Int>

    public init(function: AggregateFunction, arguments: [Expr], isDistinct: Bool, nameRange: Range<Int>) {
        self.function = function
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.nameRange = nameRange
    }
}
