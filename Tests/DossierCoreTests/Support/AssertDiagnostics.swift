import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierSyntax
@testable import DossierSession

/// One expected diagnostic, in the manner of swift-syntax's `DiagnosticSpec`: where it starts
/// (a marker in the test's text), its id, words of its message and hint, and the text its
/// first fix-it gives.
struct DiagnosticSpec {
    var marker = "1️⃣"
    var id: DiagnosticID?
    var message: String
    var hint: String?
    var fixedSource: String?
    var severity: Diagnostic.Severity = .error
    var incomplete: Bool?
}

/// Asserts EVERY diagnostic `marked` gives, in order: as many as `specs`, each as its spec says.
/// Without `session`, the text is only parsed; with one, it runs there (checker errors too).
func assertDiagnostics(
    _ marked: String, _ specs: [DiagnosticSpec], in session: TestSession? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let source = MarkedSource(marked)
    let diagnostics: [Diagnostic]
    if let session {
        session.run(source.text, keepGoing: true)
        diagnostics = session.output.diagnostics
    } else {
        diagnostics = Parser.parse(SourceText(source.text)).flatMap(\.diagnostics)
    }
    #expect(diagnostics.count == specs.count,
        "\(diagnostics.count) diagnostics for `\(source.text)`: \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
    for (diagnostic, spec) in zip(diagnostics, specs) {
        #expect(diagnostic.message.contains(spec.message), "message: \(diagnostic.message)", sourceLocation: sourceLocation)
        #expect(diagnostic.severity == spec.severity, sourceLocation: sourceLocation)
        if let id = spec.id { #expect(diagnostic.id == id, "id: \(diagnostic.id)", sourceLocation: sourceLocation) }
        if let offset = source.markers[spec.marker] {
            #expect(diagnostic.sourceRange?.lowerBound == offset, "at \(String(describing: diagnostic.sourceRange))",
                sourceLocation: sourceLocation)
        }
        if let hint = spec.hint {
            #expect(diagnostic.hint?.contains(hint) == true, "hint: \(diagnostic.hint ?? "none")", sourceLocation: sourceLocation)
        }
        if let fixed = spec.fixedSource {
            #expect(diagnostic.fixedText == fixed, "fixed: \(diagnostic.fixedText ?? "none")", sourceLocation: sourceLocation)
        }
        if let incomplete = spec.incomplete {
            #expect(diagnostic.isIncomplete == incomplete, sourceLocation: sourceLocation)
        }
    }
}
