import DossierSupport
import DossierDiagnostics
import DossierData

public struct BoundSortKey: Sendable {
    public var expression: BoundExpr
    public var descending: Bool

    package init(expression: BoundExpr, descending: Bool) {
        self.expression = expression
        self.descending = descending
    }
}
