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

/// Joins with missing and duplicate keys, aggregates over missing values, named queries.
@Suite struct JoinAndAggregateTests {
    let files = TemporaryDirectory()
    let shell: TestSession

    init() {
        shell = TestSession()
        shell.run("load \(files.write("people.csv", "name,city,age:int\nAna,Lima,30\nBo,,41\ncy,LIMA,\nDee,Quito,25\n"))")
        shell.run("load \(files.write("cities.csv", "city,country,size:decimal\nlima,Peru,10.0\nLima,Peru (again),10.5\n,Nowhere,0\nQuito,Ecuador,2.8\n"))")
    }

    @Test func joinMatchesTextIgnoringCaseAndPairsDuplicateKeys() {
        let rows = shell.rows("people join cities on city = city select name, country")
        // Ana and cy match both Lima rows (case-insensitive keys, duplicates give every pair);
        // Bo's missing city matches nothing, not even the missing city of `cities`.
        #expect(rows == [["name", "country"], ["Ana", "Peru"], ["Ana", "Peru (again)"], ["cy", "Peru"], ["cy", "Peru (again)"], ["Dee", "Ecuador"]])
    }

    @Test func leftJoinKeepsRowsWithoutAMatch() {
        let rows = shell.rows("people left join cities on city = city select name, country")
        #expect(rows.dropFirst().map { $0[0] } == ["Ana", "Ana", "Bo", "cy", "cy", "Dee"])
        #expect(rows[3] == ["Bo", ""])
    }

    @Test func theSharedNameIsThePipelinesAndTheOtherIsQualified() {
        #expect(shell.rows("people join cities on city = city select city, cities.city limit 1") == [["city", "cities.city"], ["Lima", "lima"]])
        #expect(shell.column("people join cities on city = city where cities.city = Quito select name") == ["Dee"])
    }

    @Test func keysMayBeWrittenInEitherOrder() {
        #expect(shell.column("agreements join countries on name = country count") == ["10"])
        #expect(shell.column("agreements join countries on country = name count") == ["10"])
    }

    @Test func joinKeysOfDifferentKindsAreAnErrorBeforeRunning() throws {
        let diagnostic = try #require(shell.error("people join cities on age = city"))
        #expect(diagnostic.id == .typeMismatch)
    }

    @Test func integerKeysMeetDecimalsOfTheSameValue() {
        let ints = files.write("ints.csv", "k:int,a\n1,x\n2,y\n")
        let decimals = files.write("decs.csv", "k:decimal,b\n1.0,one\n2.5,two and a half\n")
        shell.run("load \(ints)")
        shell.run("load \(decimals)")
        #expect(shell.rows("ints join decs on k = k select a, b") == [["a", "b"], ["x", "one"]])
    }

    @Test func aggregatesIgnoreMissingValues() {
        let rows = shell.rows("people summarize count() as rows, count(age) as aged, count distinct city as cities, avg(age) as mean, min(age) as youngest, max(city) as last")
        // Lima and LIMA are distinct values: grouping and distinct use exact values.
        #expect(rows.last == ["4", "3", "3", "32", "25", "Quito"])
    }

    @Test func aggregatesOverOnlyMissingValuesAreMissing() {
        let rows = shell.rows("people where age is missing summarize count() as rows, sum(age) as total, avg(age) as mean")
        #expect(rows.last == ["1", "", ""])
    }

    @Test func summarizeOverNoRowsGivesOneRow() {
        #expect(shell.rows("people where name = nobody summarize count() as n, sum(age) as s").last == ["0", ""])
    }

    @Test func summarizeByGroupsSortedByGroup() {
        #expect(shell.rows("transfers summarize count() as n by origin") == [["origin", "n"], ["Middle East", "1"], ["Venezuela", "1"], ["", "2"]])
    }

    @Test func countByTextGroupsExactValues() {
        // Ties in count go by group in sort order: case-insensitive, then lower case first.
        #expect(shell.rows("people count by city") == [["city", "count"], ["Lima", "1"], ["LIMA", "1"], ["Quito", "1"], ["", "1"]])
    }

    @Test func integerArithmeticThatOverflowsIsADecimal() {
        let big = files.write("big.csv", "n:int\n9223372036854775807\n-9223372036854775808\n1\n")
        shell.run("load \(big)")
        #expect(shell.column("big select n * 2 as twice") == ["1.8446744073709552e+19", "-1.8446744073709552e+19", "2.0"])
        // One value overflowed, so the whole computed column is decimal.
        #expect(shell.column("big select -n as negated") == ["-9.223372036854776e+18", "9.223372036854776e+18", "-1.0"])
        #expect(shell.column("big select n / 0 as nothing") == ["", "", ""])
        #expect(shell.column("big summarize sum(n) as s") == ["0"])
    }

    @Test func letSeesAReloadedDataset() {
        let first = files.write("v1/deals.csv", "name,status\nA,open\nB,closed\n")
        shell.run("load \(first)")
        shell.run("let open = deals where status = open")
        #expect(shell.column("open select name") == ["A"])
        let second = files.write("v2/deals.csv", "name,status\nA,closed\nC,open\nD,open\n")
        shell.run("load \(second)")
        #expect(shell.column("open select name") == ["C", "D"])
    }

    @Test func aNamedQueryWhoseDatasetIsGoneSaysSo() throws {
        shell.run("let lima = people where city = Lima")
        shell.run("drop people")
        let diagnostic = try #require(shell.error("lima count"))
        #expect(diagnostic.message.contains("no longer works"))
        #expect(diagnostic.hint?.contains("let lima = people where city = Lima") == true)
    }

    @Test func aNamedQueryCannotUseItself() throws {
        shell.run("let a = countries")
        let diagnostic = try #require(shell.error("let a = a where region = Africa"))
        #expect(diagnostic.id == .recursion)
        #expect(shell.column("a count") == ["14"])
    }

    @Test func namedQueriesAreListedAndDropped() {
        shell.run("let african = countries where region = Africa")
        let listing = shell.rows("datasets")
        #expect(listing.contains { $0.first == "african" && $0[1] == "4" && $0[3].hasPrefix("let african") })
        shell.run("drop african")
        #expect(shell.session.catalog["african"] == nil)
    }

    @Test func distinctKeepsFirstSeenOrder() {
        #expect(shell.column("countries distinct status") == ["", "receiving", "nearly finalized", "negotiating"])
        #expect(shell.column("countries distinct region | count") == ["6"])
    }

    @Test func betweenMatchesTextAndDatesToo() {
        #expect(shell.column("countries where name between a and c select name") == ["Benin"])
    }
}

/// Inputs that once reached a trap or a wrong note, kept as regressions.
@Suite struct EdgeRegressionTests {
    let shell = TestSession()

    @Test func sortThenLimitZeroIsEmptyAndBlamesTheLimit() {
        #expect(shell.column("countries sort by name limit 0 select name").isEmpty)
        #expect(shell.output.notes.first?.contains("`limit 0` removed the last 14 rows") == true)
    }

    @Test func hugeLimitAndOffsetDoNotOverflow() {
        #expect(shell.column("countries sort by name limit 9223372036854775807 offset 9223372036854775807 select name").isEmpty)
        #expect(shell.column("countries sort by name limit 9223372036854775807 select name").count == 14)
    }

    @Test func aChartOfInfiniteSumsDrawsWithoutTrapping() {
        let files = TemporaryDirectory()
        shell.run("load \(files.write("inf.csv", "g,v:decimal\na,1e308\na,1e308\nb,1\n"))")
        shell.run("inf summarize sum(v) as s by g | chart")
        #expect(shell.output.diagnostics.isEmpty)
        #expect(shell.output.results.first?.contains("inf") == true)
    }
}
