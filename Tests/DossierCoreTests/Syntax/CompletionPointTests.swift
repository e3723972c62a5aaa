import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierSyntax

/// The parser says what may come where a text ends: the one grammar that completion asks.
@Suite struct CompletionPointTests {
    private func items(_ text: String) -> [String] {
        Parser.completionPoint(of: SourceText(text, linesContinue: true)).items.map { item in
            switch item {
            case .statementStart: return "statement"
            case .dataset: return "dataset"
            case .path(let kind): return "path \(kind)"
            case .sampleName: return "sample"
            case .option: return "option"
            case .optionValue(let option): return "value of \(option)"
            case .helpTopic: return "topic"
            case .field: return "field"
            case .value(let field): return "value of \(SourceText(text).text(field.range))"
            case .joinKey(let joined): return "key of \(joined.text)"
            case .aggregate: return "aggregate"
            case .clauseWord: return "clause"
            case .words(let words): return words.joined(separator: "|")
            }
        }
    }

    private func pipeline(_ text: String) -> String? {
        let point = Parser.completionPoint(of: SourceText(text, linesContinue: true))
        return point.pipeline.map { SourceText(text).text($0.range) }
    }

    @Test func statementsAndDatasets() {
        #expect(items("") == ["statement"])
        #expect(items("countries; ") == ["statement"])
        #expect(items("describe ") == ["dataset"])
        #expect(items("count ") == ["dataset"])
        #expect(items("let a = ") == ["dataset"])
    }

    @Test func clausesFieldsAndValues() {
        #expect(items("countries ") == ["clause"])
        #expect(items("countries where ") == ["field"])
        #expect(items("countries where region = ") == ["value of region"])
        #expect(items("countries where region in (Africa, ") == ["value of region"])
        #expect(items("countries where name contains ") == ["value of name"])
        #expect(items("countries where region ") == ["in|not in|between|contains|like|matches|mentions|starts with|ends with|is", "and", "or", "clause"])
        #expect(items("countries where region = Africa ") == ["and", "or", "clause"])
        #expect(items("countries where concern is ") == ["missing|not missing"])
        #expect(items("countries sort by name ") == ["asc|desc", "clause"])
        #expect(items("countries select name ") == ["as", "clause"])
        #expect(items("countries count ") == ["by", "clause"])
        #expect(items("countries summarize ") == ["aggregate"])
        #expect(items("countries summarize sum(") == ["field"])
        #expect(items("countries limit 3 ") == ["offset", "per", "clause"])
    }

    @Test func thePipelineIsTheQueryBeforeTheClauseBeingWritten() {
        #expect(pipeline("countries where region = Africa | count by ") == "countries where region = Africa")
        #expect(pipeline("countries select name as n | where ") == "countries select name as n")
    }

    @Test func joinsPathsAndOptions() {
        #expect(items("agreements join ") == ["dataset"])
        #expect(items("agreements join countries ") == ["on"])
        #expect(items("agreements join countries on ") == ["key of countries"])
        #expect(items("load ") == ["sample", "path data"])
        #expect(items("load sample ") == ["sample"])
        #expect(items("run ") == ["path script"])
        #expect(items("save countries to ") == ["path any"])
        #expect(items("save countries ").contains("to"))
        #expect(items("set ") == ["option"])
        #expect(items("set format ") == ["value of format"])
        #expect(items("help ") == ["topic"])
    }
}
