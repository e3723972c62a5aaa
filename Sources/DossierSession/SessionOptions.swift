import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

/// Options changed with `set`.
public struct SessionOptions: Sendable {
    public var format: OutputFormat = .table
    public var timer = false
    public var pager = true
    /// The terminal's width, when output goes to one (tables shrink to fit, charts scale).
    public var terminalWidth: Int?

    public init() {}
}
