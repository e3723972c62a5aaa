import DossierSupport
import DossierDiagnostics

public struct SortKey: Sendable {
    public var expression: Expr
    public var descending: Bool
}
