import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

/// A query given a name with `let`: kept as its syntax and re-checked at each use, so it sees
/// the datasets as they are then.
public struct NamedQuery: Sendable {
    public var name: String
    public var query: Query
    public var source: SourceText

    /// The query as the user wrote it.
    public var text: String { source.text(query.range) }

    package init(name: String, query: Query, source: SourceText) {
        self.name = name
        self.query = query
        self.source = source
    }
}
