import DossierSupport
import DossierDiagnostics

/// `source clause clause ...`: clauses apply left to right.
public struct Query: Sendable {
    public var source: Name
    public var clauses: [Clause]
    public var range: Range<Int>

    package init(source: Name, clauses: [Clause], range: Range<Int>) {
        self.source = source
        self.clauses = clauses
        self.range = range
    }
}
