import DossierSupport
import DossierDiagnostics

public struct Clause: Sendable {
    public var kind: ClauseKind
    public var range: Range<Int>
    /// The clause's leading keyword(s), for `explain` and for errors about the whole clause.
    public var keywordRange: Range<Int>
}
