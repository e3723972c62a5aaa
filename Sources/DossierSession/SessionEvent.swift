import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

/// What a session says: results for stdout, diagnostics and notes for stderr. The shell or
/// the command line decides how to print them (colour, pager); the core only produces them.
public enum SessionEvent: Sendable {
    /// A formatted result, ending with a newline.
    case result(String)
    case diagnostic(Diagnostic)
    /// How far a long load has come, in percent; 100 when it is done.
    case progress(String, Int)
}
