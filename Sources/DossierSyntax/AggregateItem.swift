import DossierSupport
import DossierDiagnostics

public struct AggregateItem: Sendable {
    public var function: AggregateFunction
    /// Nil for `count()`.
    public var argument: Expr?
    /// `count distinct F`
    public var isDistinct: Bool
    public var alias: Name?
    public var range: Range<Int>
}
