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

/// Every rule of §4, each with a case that would fail without it.
@Suite struct SemanticRulesTests {
    static let table = """
        id:int,name,score,ratio,when:date,tags:list,flag
        1,Alpha,10,1.0,2025-01-10,a; b,true
        2,alpha,20,2.5,2025-02-01,b,false
        3,Beta,,0.5,,,
        4,beta,5,,2025-01-20,c; a,true
        5,Gamma,10,2.0,2024-12-31,,false
        """

    let files = TemporaryDirectory()
    let shell: TestSession

    init() {
        shell = TestSession()
        shell.run("load \(files.write("t.csv", SemanticRulesTests.table))")
        precondition(shell.output.diagnostics.isEmpty, "t.csv must load")
    }

    private func ids(_ condition: String) -> [String] {
        shell.column("t where \(condition) select id")
    }

    // MARK: missing

    @Test func missingEqualsOnlyMissing() {
        #expect(ids("score != 10") == ["2", "3", "4"])  // 3 has no score: != is true
        #expect(ids("score = missing") == ["3"])
        #expect(ids("score is missing") == ["3"])
        #expect(ids("score is not missing") == ["1", "2", "4", "5"])
        #expect(shell.column("countries where concern != rights count") == ["12"])
    }

    @Test func orderingComparisonsWithMissingAreFalse() {
        #expect(ids("score < 100") == ["1", "2", "4", "5"])
        #expect(ids("score >= 0") == ["1", "2", "4", "5"])
        #expect(ids("score between 0 and 100") == ["1", "2", "4", "5"])
        #expect(ids("when < 2030-01-01") == ["1", "2", "4", "5"])
    }

    @Test func textOperatorsOnMissingAreFalse() {
        #expect(shell.column("countries where concern like \"*\" select name") == ["Libya", "Rwanda"])
        #expect(shell.column("countries where concern contains \"\" count") == ["0"])  // nothing to look for finds nothing
        #expect(shell.column("countries where concern matches \".*\" count") == ["2"])
        #expect(shell.column("countries where concern in (rights, missing) count") == ["14"])
        #expect(shell.column("countries where concern in (rights) count") == ["2"])
    }

    @Test func notNegatesExactly() {
        #expect(ids("not score < 100") == ["3"])
        #expect(ids("not (score = 10 or score = 20)") == ["3", "4"])
        #expect(ids("score not in (10, 20)") == ["3", "4"])
        #expect(shell.column("countries where not concern = rights count") == ["12"])
    }

    // MARK: text

    @Test func textComparesWithoutCase() {
        #expect(ids("name = ALPHA") == ["1", "2"])
        #expect(ids("name in (alpha, gamma)") == ["1", "2", "5"])
        #expect(ids("name contains \"ETA\"") == ["3", "4"])
        #expect(ids("name like \"?lpha\"") == ["1", "2"])
        #expect(shell.column("countries where region = AFRICA count") == ["4"])
    }

    @Test func neitherCaseVariantIsLessThanTheOther() {
        #expect(ids("name < \"alpha\"").isEmpty)
        #expect(ids("name <= \"alpha\"") == ["1", "2"])
        #expect(ids("name > \"ALPHA\" and name < \"gamma\"") == ["3", "4"])
    }

    @Test func matchesIsCaseSensitiveUnlessAsked() {
        #expect(ids("name matches \"^a\"") == ["2"])
        #expect(ids("name matches \"(?i)^a\"") == ["1", "2"])
    }

    @Test func sortIgnoresCaseThenBreaksTiesByCase() {
        // Case breaks ties, lower case first (as ICU and dictionaries order it).
        #expect(shell.column("t sort by name select name") == ["alpha", "Alpha", "beta", "Beta", "Gamma"])
        #expect(shell.column("t sort by name desc select name") == ["Gamma", "Beta", "beta", "Alpha", "alpha"])
    }

    @Test func sortIsStableWithMissingLastBothWays() {
        #expect(shell.column("t sort by score select id") == ["4", "1", "5", "2", "3"])
        #expect(shell.column("t sort by score desc select id") == ["2", "1", "5", "4", "3"])
        #expect(shell.column("t sort by flag desc, id desc select id") == ["4", "1", "5", "2", "3"])
    }

    // MARK: numbers and dates

    @Test func integersAndDecimalsCompareByValue() {
        #expect(ids("score = 10.0") == ["1", "5"])
        #expect(ids("ratio = 2") == ["5"])
        #expect(ids("ratio = 1") == ["1"])
        #expect(ids("score > 9.5") == ["1", "2", "5"])
        #expect(ids("score < 5.5") == ["4"])
    }

    @Test func datesCompareByTimeAndQuotedDatesAreDates() {
        #expect(ids("when > \"2025-01-15\"") == ["2", "4"])
        #expect(ids("when between 2025-01-01 and 2025-01-31") == ["1", "4"])
        #expect(ids("year(when) = 2024") == ["5"])
    }

    @Test func comparingANumberFieldWithTextIsAnErrorAtTheLiteral() throws {
        let diagnostic = try #require(shell.error("t where score > many"))
        #expect(diagnostic.id == .typeMismatch)
        #expect(diagnostic.sourceRange == 16..<20)
        #expect(shell.output.results.isEmpty)
        let date = try #require(shell.error("t where when = March"))
        #expect(date.message.contains("not a date"))
    }

    @Test func aNumberComparedWithTextKeepsItsDigits() {
        let csv = files.write("codes.csv", "code,place\n0123,a\n123,b\n08,c\n")
        shell.run("load \(csv)")
        #expect(shell.column("codes where code = 0123 select place") == ["a"])
        #expect(shell.column("codes where code = 08 select place") == ["c"])
    }

    // MARK: lists

    @Test func listsMatchWhenAnyElementDoes() {
        #expect(ids("tags = a") == ["1", "4"])
        #expect(ids("tags in (c)") == ["4"])
        #expect(ids("tags > \"b\"") == ["4"])
        #expect(shell.column("countries where incentives = \"financial aid\" count") == ["7"])
    }

    @Test func notEqualOnListsMeansNoElementEquals() {
        #expect(ids("tags != a") == ["2", "3", "5"])
        #expect(ids("tags not in (a, b)") == ["3", "5"])
        #expect(shell.column("countries where roles != receiving select name").contains("Honduras"))
        #expect(!shell.column("countries where roles != receiving select name").contains("Costa Rica"))
    }

    @Test func anEmptyListIsMissing() {
        #expect(ids("tags is missing") == ["3", "5"])
        #expect(ids("tags = missing") == ["3", "5"])
    }

    // MARK: aggregates

    @Test func aggregatesIgnoreMissingAndCountRows() {
        let rows = shell.rows("t summarize count() as rows, count(score) as scored, sum(score) as total, avg(score) as mean, min(score) as low, max(name) as last")
        #expect(rows.last == ["5", "4", "45", "11.25", "5", "Gamma"])
    }

    @Test func sumOfIntegersThatOverflowsBecomesADecimal() {
        let csv = files.write("big.csv", "n:int\n9223372036854775807\n9223372036854775807\n")
        shell.run("load \(csv)")
        let total = shell.column("big summarize sum(n) as total")
        #expect(total == ["1.8446744073709552e+19"])
        #expect(shell.column("big select n + n as twice").first == "1.8446744073709552e+19")
    }

    // MARK: names and bare words

    @Test func bareWordsAreTextUnlessTheyNameAField() {
        #expect(shell.column("countries where concern = rights select name") == ["Libya", "Rwanda"])
        // `from` and `to` are fields of transfers: compared with each other, not as text.
        #expect(shell.column("transfers where to = from count") == ["0"])
        #expect(shell.column("transfers where to = Panama select people") == ["100"])
    }

    @Test func unknownFieldWhereAFieldIsNeededSuggestsTheClosest() throws {
        let diagnostic = try #require(shell.error("countries where regoin = Africa"))
        #expect(diagnostic.id == .unknownField)
        #expect(diagnostic.hint?.contains("did you mean `region`?") == true)
    }

    @Test func namesAreCaseInsensitive() {
        #expect(shell.column("COUNTRIES where REGION = africa count") == ["4"])
        #expect(shell.column("WHERE_IS_NOT_A_DATASET count").isEmpty)
    }

    @Test func conditionsMustBeTrueOrFalse() throws {
        let diagnostic = try #require(shell.error("countries where concern"))
        #expect(diagnostic.id == .notACondition)
        #expect(ids("flag") == ["1", "4"])
    }
}
