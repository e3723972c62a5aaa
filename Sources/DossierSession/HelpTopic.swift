import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

/// `help` and `help TOPIC`. Every example here runs on the bundled sample, and a test runs
/// them all, so the help cannot drift from the language.
public struct HelpTopic: Sendable {
    public let name: String
    public let aliases: [String]
    public let summary: String
    public let body: String
    /// Statements that run on the bundled sample.
    public let examples: [String]

    public var text: String {
        var result = "\(name): \(summary)\n"
        if !body.isEmpty { result += "\n" + body + "\n" }
        if !examples.isEmpty {
            result += "\nexamples:\n" + examples.map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return result
    }
}
