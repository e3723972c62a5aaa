import DossierSupport
import DossierDiagnostics

public struct Expr: Sendable {
    public var kind: ExprKind
    public var range: Range<Int>

    public init(_ kind: ExprKind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
