import Foundation
import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierEngine
@testable import DossierOutput
@testable import DossierSession
@testable import DossierCompletion

/// grammar/ stays true: its examples and every script under samples/ parse, and they run on
/// the bundled sample without an error. So do the examples in `help`.
@Suite struct GrammarExamplesTests {
    static let root: String = {
        var path = #filePath
        for _ in 0..<3 { path = (path as NSString).deletingLastPathComponent }
        return path
    }()

    static var scripts: [String] {
        var paths = [root + "/grammar/examples.dq"]
        if let enumerator = FileManager.default.enumerator(atPath: root + "/samples") {
            for case let file as String in enumerator where file.hasSuffix(".dq") {
                paths.append(root + "/samples/" + file)
            }
        }
        return paths.sorted()
    }

    @Test(arguments: GrammarExamplesTests.scripts)
    func parsesAndRuns(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let source = SourceText(text, path: path)
        let problems = Parser.parse(source).flatMap(\.diagnostics)
        #expect(problems.isEmpty, "\(problems.map { DiagnosticRenderer().render($0) })")
        let shell = TestSession(format: .table)
        shell.session.run(source, keepGoing: true)
        let errors = shell.output.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { DiagnosticRenderer().render($0) })")
    }

    @Test func theGrammarFileNamesEveryStatementWord() throws {
        let grammar = try String(contentsOfFile: Self.root + "/grammar/dossier.ebnf", encoding: .utf8)
        for word in Keyword.statementWords + Keyword.clauseWords {
            #expect(grammar.contains("\"\(word.rawValue)\""), "grammar lacks \(word.rawValue)")
        }
    }

    @Test func theGrammarAndHelpNameEveryFunction() throws {
        let grammar = try String(contentsOfFile: Self.root + "/grammar/dossier.ebnf", encoding: .utf8)
        for function in BuiltinFunction.allCases {
            #expect(grammar.contains("\"\(function.rawValue)\""), "grammar lacks \(function.rawValue)")
            #expect(Help.topic(named: function.rawValue) != nil, "no help for \(function.rawValue)")
            #expect(Help.topics.contains { $0.body.contains(function.rawValue) }, "no help text names \(function.rawValue)")
        }
        for word in ["mentions", "starts", "ends", "with", "of", "per", "total"] {
            #expect(grammar.contains("\"\(word)\""), "grammar lacks \(word)")
        }
    }

    @Test func everyHelpExampleRuns() {
        let shell = TestSession(format: .table)
        for topic in Help.topics {
            for example in topic.examples {
                shell.run(example)
                let errors = shell.output.diagnostics.filter { $0.severity == .error }
                #expect(errors.isEmpty, "help \(topic.name): \(example): \(errors.map(\.message))")
            }
        }
    }

    @Test func everyStatementAndClauseHasHelp() {
        for word in Keyword.statementWords + Keyword.clauseWords {
            #expect(Help.topic(named: word.rawValue) != nil, "no help for \(word.rawValue)")
        }
    }
}
