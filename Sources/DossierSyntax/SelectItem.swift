import DossierSupport
import DossierDiagnostics

public struct SelectItem: Sendable {
    public enum Kind: Sendable {
        /// `*`: every field of the pipeline.
        case all
        case expression(Expr, alias: Name?)
    }
    public var kind: Kind
    public var range: Range<Int>
}
