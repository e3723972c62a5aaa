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

/// Parser tests mark positions in the source with 1️⃣ 2️⃣ …: the diagnostic must start there.
@Suite struct ParserTests {
    private func parse(_ text: String) -> [ParsedStatement] {
        Parser.parse(SourceText(text))
    }

    /// Asserts the statement gives exactly one diagnostic, at the marker, with `message`.
    private func assertDiagnostic(
        _ marked: String, _ message: String, hint: String? = nil, fixed: String? = nil, incomplete: Bool = false,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        assertDiagnostics(
            marked, [DiagnosticSpec(message: message, hint: hint, fixedSource: fixed, incomplete: incomplete)],
            sourceLocation: sourceLocation)
    }

    private func query(_ text: String) -> Query? {
        guard let statement = parse(text).first?.statement, case .query(let query) = statement.kind else { return nil }
        return query
    }

    @Test func aQueryIsASourceAndClauses() throws {
        let parsed = try #require(query("countries where region = Africa and not concern = rights sort by name select name, status"))
        #expect(parsed.source.text == "countries")
        #expect(parsed.clauses.count == 3)
        guard case .filter(let condition) = parsed.clauses[0].kind, case .and(let operands) = condition.kind else {
            Issue.record("expected where with and")
            return
        }
        #expect(operands.count == 2)
        if case .not = operands[1].kind {} else { Issue.record("expected not") }
    }

    @Test func distinctTakesAParenthesizedKeyAsThePrinterWritesIt() throws {
        // Found by the print-then-parse property: `distinct (a = b)` did not parse.
        let printed = QueryPrinter.print(try #require(query("countries distinct name = region")))
        #expect(printed.contains("distinct ("))
        let again = try #require(query(printed))
        #expect(QueryPrinter.print(again) == printed)
    }

    @Test func pipesAreOptionalAndMayStartLines() {
        #expect(query("countries | where region = Africa | count by status")?.clauses.count == 2)
        let statements = parse("countries\n| where region = Africa\n| count by status\ndatasets")
        #expect(statements.count == 2)
        if case .query(let first)? = statements.first?.statement?.kind {
            #expect(first.clauses.count == 2)
        }
    }

    @Test func newlinesSeparateStatementsUnlessMoreIsNeeded() {
        #expect(parse("countries\nagreements").count == 2)
        // In a script a statement that needs more continues on an indented line only; lines
        // typed at the shell's continuation prompt always continue.
        #expect(parse("countries where\n  region = Africa").count == 1)
        #expect(parse("countries where\nregion = Africa").count == 2)
        #expect(Parser.parse(SourceText("countries where\nregion = Africa", linesContinue: true)).count == 1)
        #expect(parse("countries where (region = Africa\nor region = Asia)").count == 1)
        #expect(parse("countries; agreements ; ; datasets").count == 3)
    }

    @Test func fieldsNamedLikeKeywordsStillWork() throws {
        let parsed = try #require(query("transfers where to = Panama select from, to sort by count"))
        #expect(parsed.clauses.count == 3)
        let save = parse("save transfers select from, to to out.csv").first?.statement
        guard case .save(let saved, let path)? = save?.kind else {
            Issue.record("expected save")
            return
        }
        #expect(path.text == "out.csv")
        if case .select(let items) = saved.clauses.first?.kind { #expect(items.count == 2) }
    }

    @Test func countStatementTakesBy() throws {
        let parsed = try #require(query("count countries where region = Africa by status"))
        #expect(parsed.clauses.count == 2)
        guard case .count(let keys) = parsed.clauses[1].kind else {
            Issue.record("expected count")
            return
        }
        #expect(keys.count == 1)
    }

    @Test func literals() throws {
        let parsed = try #require(query("t where a = -3.5 or b = 1_000 or c = 1e6 or d = 2025-03-01 or e = true or f = missing"))
        guard case .filter(let condition) = parsed.clauses[0].kind, case .or(let operands) = condition.kind else { return }
        let literals: [Literal] = operands.compactMap {
            if case .comparison(_, _, let right) = $0.kind, case .literal(let literal) = right.kind { return literal }
            return nil
        }
        #expect(literals == [.decimal("-3.5"), .integer(1000), .decimal("1e6"), .date(CivilDate.days(year: 2025, month: 3, day: 1)!), .bool(true), .missing])
    }

    @Test func stringEscapes() throws {
        let parsed = try #require(query(#"t where a = "say \"hi\"\n" or b matches "\d+""#))
        guard case .filter(let condition) = parsed.clauses[0].kind, case .or(let operands) = condition.kind else { return }
        if case .comparison(_, _, let right) = operands[0].kind { #expect(right.kind.literalText == "say \"hi\"\n") }
        if case .textMatch(_, _, let pattern, _) = operands[1].kind { #expect(pattern.kind.literalText == #"\d+"#) }
    }

    @Test func pathsAreBareOrQuoted() {
        if case .load(let path, let alias, _)? = parse("load data/my-deals.csv as deals").first?.statement?.kind {
            #expect(path.text == "data/my-deals.csv")
            #expect(alias?.text == "deals")
        } else {
            Issue.record("expected load")
        }
        if case .load(let path, _, _)? = parse(#"load "my data/deals 2025.csv""#).first?.statement?.kind {
            #expect(path.text == "my data/deals 2025.csv")
        } else {
            Issue.record("expected quoted load")
        }
        if case .loadSample(let name)? = parse("load sample third-country-deals").first?.statement?.kind {
            #expect(name.text == "third-country-deals")
        } else {
            Issue.record("expected load sample")
        }
    }

    @Test func dotCommandsFromSqlite() {
        let kinds = parse(".tables\n.schema countries\n.mode csv\n.quit").compactMap(\.statement?.kind)
        #expect(kinds.count == 4)
        if case .datasets = kinds[0] {} else { Issue.record(".tables") }
        if case .describe(let name) = kinds[1] { #expect(name.text == "countries") } else { Issue.record(".schema") }
        if case .set(let option, let value) = kinds[2] { #expect(option.text == "format" && value.text == "csv") }
        if case .quit = kinds[3] {} else { Issue.record(".quit") }
    }

    // MARK: - Errors, with positions

    @Test func unknownClauseSuggestsTheKeyword() {
        assertDiagnostic("countries 1️⃣wher region = Africa", "not a clause", hint: "did you mean `where`?",
            fixed: "countries where region = Africa")
    }

    @Test func aMissingListFieldShowsTheClauseBeingTyped() {
        assertDiagnostic("countries limit 2 pe1️⃣r", "expected a field after `per`", hint: "limit 2 per region", incomplete: true)
        assertDiagnostic("countries distinct region1️⃣,", "expected a field after `,`", hint: "count by region, status", incomplete: true)
    }

    @Test func mistypedStatement() {
        assertDiagnostic("1️⃣cuont countries", "unknown statement", hint: "did you mean `count`?", fixed: "count countries")
    }

    @Test func textWithSpacesNeedsQuotes() {
        assertDiagnostic("countries where status = nearly 1️⃣finalized", "unexpected word", hint: "\"nearly finalized\"",
            fixed: "countries where status = \"nearly finalized\"")
        assertDiagnostic("countries where incentives in (financial 1️⃣aid)", "expected `,` or `)`", hint: "\"financial aid\"")
    }

    @Test func missingOperandIsIncompleteAtTheEnd() {
        assertDiagnostic("countries where region 1️⃣=", "expected a value after `=`", incomplete: true)
        assertDiagnostic("countries where region = Africa an1️⃣d", "expected a condition after `and`", incomplete: true)
        assertDiagnostic("countries wher1️⃣e", "expected a condition after `where`", incomplete: true)
    }

    @Test func openBracketAndStringAreIncomplete() {
        assertDiagnostic("countries where 1️⃣(region = Africa", "never closed", incomplete: true)
        assertDiagnostic("countries where name = 1️⃣\"Costa", "no closing quote", incomplete: true)
    }

    @Test func sqlHabits() {
        assertDiagnostic("countries where a = 1 1️⃣&& b = 2", "use `and`", fixed: "countries where a = 1 and b = 2")
        assertDiagnostic("1️⃣select * from countries", "starts with the dataset")
        assertDiagnostic("countries where a = 1 1️⃣group by b", "not a clause", hint: "count by")
    }

    @Test func chainedComparison() {
        assertDiagnostic("t where 1 < a 1️⃣< 3", "cannot be chained")
    }

    @Test func unmatchedClosingBracket() {
        assertDiagnostic("countries where a = 1 1️⃣)", "without a matching `(`")
    }

    @Test func oneLineCanReportSeveralProblems() {
        let diagnostics = parse("countries wher x = 1 | sortt by name").flatMap(\.diagnostics)
        #expect(diagnostics.count == 2)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for depth in [1_000, 100_000] {
            let text = "t where " + String(repeating: "(", count: depth) + "a = 1" + String(repeating: ")", count: depth)
            let diagnostics = parse(text).flatMap(\.diagnostics)
            #expect(diagnostics.contains { $0.id == .tooDeep })
        }
        let nots = "t where " + String(repeating: "not ", count: 100_000) + "a = 1"
        #expect(parse(nots).flatMap(\.diagnostics).contains { $0.id == .tooDeep })
        let sums = "t select " + Array(repeating: "1", count: 100_000).joined(separator: " + ")
        #expect(parse(sums).flatMap(\.diagnostics).contains { $0.id == .tooDeep })
        let minus = "t select " + String(repeating: "- ", count: 100_000) + "1"
        #expect(parse(minus).flatMap(\.diagnostics).contains { $0.id == .tooDeep })
    }

    @Test func longFlatChainsAreFine() {
        let conditions = (0..<5_000).map { "a = \($0)" }.joined(separator: " or ")
        #expect(parse("t where " + conditions).first?.statement != nil)
        let values = (0..<20_000).map(String.init).joined(separator: ", ")
        #expect(parse("t where a in (\(values))").first?.statement != nil)
    }
}

extension ExprKind {
    var literalText: String? {
        if case .literal(.text(let text)) = self { return text }
        return nil
    }
}
