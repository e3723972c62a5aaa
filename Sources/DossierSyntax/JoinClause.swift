import DossierSupport
import DossierDiagnostics

public struct JoinClause: Sendable {
    public var isLeft: Bool
    public var source: Name
    /// The key on the pipeline's side and on the joined source's side, as written; the checker
    /// decides which side each names.
    public var leftKey: Expr
    public var rightKey: Expr
}
