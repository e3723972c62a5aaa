import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierSession

/// Diagnostics are data (issue 12): every one has an id, notes and the fix as an edit; what a
/// statement did goes out as a note-level diagnostic with its id, never as bare text.
@Suite struct DiagnosticDataTests {
    @Test func misspeltNamesComeWithTheirFix() {
        let shell = TestSession()
        assertDiagnostics("countries where 1️⃣regoin = Africa", [
            DiagnosticSpec(id: .unknownField, message: "no field `regoin`", hint: "did you mean `region`?",
                fixedSource: "countries where region = Africa"),
        ], in: shell)
        assertDiagnostics("1️⃣countrys where region = Africa", [
            DiagnosticSpec(id: .unknownDataset, message: "no dataset named `countrys`", fixedSource: "countries where region = Africa"),
        ], in: shell)
    }

    @Test func orderingTextAgainstANumberOffersTheConversion() {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        shell.run("load \(files.write("s.csv", "code\n1\n2\nx\n"))")
        assertDiagnostics("s where code > 1️⃣2", [
            DiagnosticSpec(id: .typeMismatch, message: "`code` is text", fixedSource: "s where number(code) > 2"),
        ], in: shell)
    }

    @Test func everyProblemOfALineIsReported() {
        assertDiagnostics("countries 1️⃣wher x = 1 | 2️⃣sortt by name", [
            DiagnosticSpec(marker: "1️⃣", id: .unknownClause, message: "`wher` is not a clause"),
            DiagnosticSpec(marker: "2️⃣", id: .unknownClause, message: "`sortt` is not a clause"),
        ])
    }

    @Test func whatAStatementDidIsANoteWithAnId() {
        let shell = TestSession()
        let files = TemporaryDirectory()
        shell.run("load \(files.write("countries.csv", "name\nA\n"))")
        let notes = shell.output.allDiagnostics.filter { $0.severity == .note }
        #expect(notes.map(\.id) == [.replaced])
        shell.run("countries where name = B")
        #expect(shell.output.allDiagnostics.map(\.id) == [.emptyResult])
        shell.run("set format csv")
        #expect(shell.output.allDiagnostics.map(\.id) == [.optionSet])
    }
}
