import PropertyBased
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

/// Properties over generated queries. A note from notes/reliability.md: an error thrown
/// inside `propertyCheck` is swallowed, so these bodies never throw; they record issues.
@Suite struct QueryPropertyTests {
    static let choices = Gen.int(in: 0...1_000).array(of: 0...60)

    /// Printing a parsed query and parsing it again gives the same tree.
    @Test func printingAndParsingAgainGivesTheSameTree() async {
        await propertyCheck(count: 1_000, input: Self.choices) { choices in
            var generator = QueryGenerator(choices)
            let text = generator.query()
            let (first, firstDiagnostics) = Parser.parseQuery(SourceText(text))
            guard let first, firstDiagnostics.isEmpty else { return }
            let printed = QueryPrinter.print(first)
            let (second, secondDiagnostics) = Parser.parseQuery(SourceText(printed))
            #expect(secondDiagnostics.isEmpty, "\(text)\n→ \(printed)\n\(secondDiagnostics.map(\.message))")
            guard let second else {
                Issue.record("the printed form does not parse: \(printed)")
                return
            }
            #expect(QueryPrinter.print(second) == printed, "\(text)")
        }
    }

    /// Every generated statement either runs or gives errors, each with a location inside
    /// the text (and never a crash).
    @Test func everyStatementRunsOrSaysWhereItIsWrong() async {
        let shell = TestSession(format: .table)
        await propertyCheck(count: 1_500, input: Self.choices) { choices in
            var generator = QueryGenerator(choices)
            let text = generator.statement()
            let source = SourceText(text)
            shell.output.events = []
            shell.session.run(source, keepGoing: true)
            for diagnostic in shell.output.diagnostics where diagnostic.severity == .error {
                guard case .source(let origin, let range) = diagnostic.location else {
                    Issue.record("no location for `\(diagnostic.message)` in: \(text)")
                    continue
                }
                #expect(origin === source, "\(text)")
                #expect(range.lowerBound >= 0 && range.upperBound <= source.bytes.count, "\(text): \(diagnostic.message)")
                #expect(!diagnostic.message.isEmpty)
            }
        }
    }
}

extension QueryPropertyTests {
    /// The generator must make mostly valid queries, or the round trip tests little.
    @Test func theGeneratorMakesMostlyParsableQueries() {
        var random = SeededGenerator(seed: 7)
        var parsed = 0
        var ran = 0
        let shell = TestSession(format: .csv)
        for _ in 0..<500 {
            var generator = QueryGenerator((0..<40).map { _ in Int(random.next() % 1_000) })
            let text = generator.query()
            let (query, diagnostics) = Parser.parseQuery(SourceText(text))
            if query != nil && diagnostics.isEmpty {
                parsed += 1
                shell.run(text)
                if shell.output.diagnostics.isEmpty { ran += 1 }
            }
        }
        #expect(parsed > 200, "only \(parsed) of 500 parsed")
        #expect(ran > 50, "only \(ran) of 500 ran")
    }
}

/// A small deterministic generator (SplitMix64) for tests that need repeatable randomness.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
