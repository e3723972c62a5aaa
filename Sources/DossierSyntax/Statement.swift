import DossierSupport
import DossierDiagnostics

/// A statement of the syntax tree. Nodes carry byte ranges into the `SourceText` so every
/// later stage (checker, explain, errors) can point back at what the user wrote.
public struct Statement: Sendable {
    public var kind: StatementKind
    public var range: Range<Int>
}
