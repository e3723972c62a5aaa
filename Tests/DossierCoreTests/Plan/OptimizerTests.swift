import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierEngine
@testable import DossierSession

/// Each optimizer rule on its own: what it rewrites, what it leaves, and that the rewritten
/// plan gives the same rows, in the same order, as the plan the checker made.
@Suite struct OptimizerTests {
    let shell = TestSession()

    private func checked(_ text: String) throws -> LogicalPlan {
        let source = SourceText(text)
        let (query, diagnostics) = Parser.parseQuery(source)
        guard let query, diagnostics.isEmpty else { throw diagnostics.first ?? Diagnostic(.unexpectedToken, "no query") }
        return try Checker(catalog: shell.session.catalog, source: source).check(query)
    }

    private func kinds(_ plan: LogicalPlan) -> [String] {
        plan.steps.map { step in
            switch step.kind {
            case .filter: return "filter"
            case .project: return "project"
            case .sort: return "sort"
            case .limit: return "limit"
            case .limitPer: return "limitPer"
            case .topK: return "topK"
            case .distinct: return "distinct"
            case .count: return "count"
            case .summarize: return "summarize"
            case .join: return "join"
            case .chart: return "chart"
            case .share: return "share"
            case .rank: return "rank"
            case .runningTotal: return "runningTotal"
            case .change: return "change"
            case .expand: return "expand"
            }
        }
    }

    /// Rows of both plans, as text, in order.
    private func sameRows(_ text: String) throws {
        let plan = try checked(text)
        let before = try Executor().run(plan).relation
        let after = try Executor().run(Optimizer.optimize(plan)).relation
        let rows = { (relation: Relation) in
            (0..<relation.count).map { row in relation.fields.indices.map { relation.text(row: row, column: $0) } }
        }
        #expect(rows(after) == rows(before), "\(text)")
        #expect(after.fields.map(\.displayName) == before.fields.map(\.displayName))
    }

    @Test func topKFusesASortAndTheLimitAfterIt() throws {
        let plan = try checked("countries sort by name desc limit 3 select name")
        #expect(kinds(TopKRule().rewrite(plan)) == ["topK", "project"])
        #expect(kinds(TopKRule().rewrite(try checked("countries sort by name select name limit 3"))) == ["sort", "project", "limit"])
        try sameRows("countries sort by name desc limit 3 offset 2 select name")
    }

    @Test func aFilterMovesBeforeASort() throws {
        let plan = try checked("countries sort by name where region = Africa select name")
        #expect(kinds(FilterPushdownRule().rewrite(plan)) == ["filter", "sort", "project"])
        try sameRows("countries sort by name where region = Africa select name")
    }

    @Test func aFilterOnThePipelinesFieldsMovesBeforeAJoin() throws {
        let plan = try checked("agreements join countries on country = name where kind = deportation")
        #expect(kinds(FilterPushdownRule().rewrite(plan)) == ["filter", "join"])
        try sameRows("agreements join countries on country = name where kind = deportation")
    }

    @Test func aFilterOnTheJoinedFieldsMovesIntoAnInnerJoin() throws {
        let plan = try checked("agreements join countries on country = name where region = Africa")
        let rewritten = FilterPushdownRule().rewrite(plan)
        #expect(kinds(rewritten) == ["join"])
        guard case .join(let join) = rewritten.steps[0].kind else { return }
        #expect(kinds(join.right) == ["filter"])
        try sameRows("agreements join countries on country = name where region = Africa select country, region")
    }

    @Test func aConditionJoinedByAndMovesPartByPart() throws {
        let text = "agreements join countries on country = name where kind = deportation and region = Africa and status != countries.status"
        let rewritten = FilterPushdownRule().rewrite(try checked(text))
        #expect(kinds(rewritten) == ["filter", "join", "filter"])
        try sameRows(text)
    }

    @Test func aFilterOnTheJoinedSideStaysAfterALeftJoin() throws {
        let text = "countries left join agreements on name = country where kind is missing select name"
        #expect(kinds(FilterPushdownRule().rewrite(try checked(text))) == ["join", "filter", "project"])
        try sameRows(text)
    }

    @Test func explainShowsThePlanAfterTheOptimizer() {
        let session = TestSession(format: .table)
        session.run("explain countries sort by name where region = Africa limit 2 select name")
        let text = session.output.results.joined()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("where region = Africa"))
        #expect(lines[2].hasPrefix("sort by name limit 2"))
        #expect(lines[2].contains("ordering only those"))
    }

    @Test func theColumnsAQueryReads() throws {
        let plan = Optimizer.optimize(try checked("countries where region = Africa select name"))
        let fields = try #require(shell.session.catalog["countries"].flatMap { entry -> Dataset? in
            if case .dataset(let dataset) = entry { return dataset }
            return nil
        }).fields
        let read = ColumnUsage.sourceFields(of: plan).map { fields[$0].name }.sorted()
        #expect(read == ["name", "region"])
        #expect(ColumnUsage.sourceFields(of: try checked("countries count by status")).map { fields[$0].name } == ["status"])
    }
}
