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

/// What `chart` draws is decided from the fields before any row is read (issue 14).
@Suite struct ChartRulesTests {
    let shell = TestSession(format: .table)

    /// The plan's chart for a query, or the error it gives.
    private func shape(_ query: String) throws -> ChartShape? {
        let source = SourceText(query)
        guard case .query(let parsed)? = Parser.parse(source).first?.statement?.kind else { return nil }
        return try Checker(catalog: shell.session.catalog, source: source).check(parsed).chartShape
    }

    @Test func aGroupingIsLabelledByItsKeysAfterWhereSortAndLimit() throws {
        #expect(try shape("countries count by region | chart") == ChartShape(labelColumns: [0], valueColumn: 1))
        #expect(try shape("countries count by region, status where count > 1 sort by count desc limit 3 | chart")
            == ChartShape(labelColumns: [0, 1], valueColumn: 2))
        #expect(try shape("countries count | chart") == ChartShape(labelColumns: [], valueColumn: 0))
    }

    @Test func otherwiseTheLastTwoFieldsAreALabelAndANumber() throws {
        #expect(try shape("transfers where people > 0 select from, to, people | chart") == ChartShape(labelColumns: [1], valueColumn: 2))
        // A `select` after a grouping makes its fields the chart's, as for any result.
        #expect(try shape("countries count by region select count, region, count as n | chart") == ChartShape(labelColumns: [1], valueColumn: 2))
    }

    @Test func oneNumericFieldIsAHistogram() throws {
        #expect(try shape("countries select len(name) as letters | chart") == ChartShape(isHistogram: true, labelColumns: [], valueColumn: 0))
    }

    @Test func whatCannotBeDrawnNamesTheFieldsAndPointsAtChart() {
        let twoTexts = shell.error("countries select name, region | chart")
        #expect(twoTexts?.message.contains("`name` (text) and `region` (text)") == true)
        #expect(twoTexts?.sourceRange == 32..<37)
        #expect(shell.error("countries select name | chart")?.message.contains("`name` is text") == true)
        #expect(shell.error("transfers summarize min(to) by from | chart")?.message.contains("`min_to` is text") == true)
        #expect(shell.error("countries chart where region = Africa")?.message == "`chart` must be the last clause")
    }

    @Test func aDateLabelDrawsATimeChartInTimeOrder() {
        shell.run("countries select date(\"2025-03-01\") as month, 3 as n limit 1 | chart")
        let text = shell.output.results.joined()
        #expect(text.contains("(n by month, 1 month)"))
    }

    @Test func chartOnlyDrawsInTheTableFormat() {
        shell.session.options.format = .csv
        #expect(shell.rows("countries count by region limit 2 | chart") == [["region", "count"], ["Central America", "5"], ["Africa", "4"]])
    }
}
