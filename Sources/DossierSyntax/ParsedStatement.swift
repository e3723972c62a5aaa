import DossierSupport
import DossierDiagnostics

/// One statement as parsed: the statement when it parsed cleanly, and what went wrong.
public struct ParsedStatement: Sendable {
    public var statement: Statement?
    public var diagnostics: [Diagnostic]
    public var range: Range<Int>

    /// More input could complete it (an open bracket or string, a trailing `where` or `and`).
    public var isIncomplete: Bool { diagnostics.contains { $0.isIncomplete } }
}
