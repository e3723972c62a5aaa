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

/// Answers that were wrong but looked right (issue 10): each test failed before its fix.
@Suite struct WrongAnswerTests {
    let files = TemporaryDirectory()
    let shell = TestSession(sample: false)

    private func load(_ name: String, _ contents: String) {
        shell.run("load \(files.write(name, contents))")
    }

    // 1. After a self-join, `l.name` names the joined copy; the plain name is the pipeline's.
    @Test func selfJoinReachesTheJoinedCopy() {
        load("l.csv", "k,name,boss\n1,Ana,2\n2,Bo,\n")
        #expect(shell.rows("l join l on boss = k select name, l.name") == [["name", "l.name"], ["Ana", "Bo"]])
        #expect(shell.column("l join l on boss = k where l.name = Bo select name") == ["Ana"])
    }

    // 2. Keys that overflowed into decimals keep their value.
    @Test func groupKeysThatOverflowIntoDecimalsAreKept() {
        load("big.csv", "a\n9223372036854775807\n1\n")
        let counted = shell.rows("big count by a + 1")
        #expect(counted.count == 3)
        #expect(!counted.dropFirst().contains { $0[0].isEmpty })
        let summarized = shell.rows("big summarize count() by a + 1")
        #expect(!summarized.dropFirst().contains { $0[0].isEmpty })
    }

    // 3. Integers above 2^53 against decimals: `=`, `in`, field to field, `<` and joins agree.
    @Test func integersAboveTwoToTheFiftyThreeCompareExactlyWithDecimals() {
        // 9007199254740992.0 is exactly 2^53; 9007199254740993 is one more.
        load("dec.csv", "d:decimal\n9007199254740992.0\n")
        load("int.csv", "i:int\n9007199254740993\n")
        #expect(shell.column("dec where d = 9007199254740993 count") == ["0"])
        #expect(shell.column("dec where d in (9007199254740993) count") == ["0"])
        #expect(shell.column("dec where d < 9007199254740993 count") == ["1"])
        #expect(shell.column("dec where d >= 9007199254740993 count") == ["0"])
        #expect(shell.column("dec where d != 9007199254740993 count") == ["1"])
        #expect(shell.column("dec join int on d = i count") == ["0"])
        // A decimal that holds an integer above 2^53 exactly meets that integer in a join.
        load("dec2.csv", "d:decimal\n9007199254740994.0\n")
        load("int2.csv", "i:int\n9007199254740994\n")
        #expect(shell.column("dec2 join int2 on d = i count") == ["1"])
        #expect(shell.column("int2 join dec2 on i = d count") == ["1"])
        #expect(shell.column("dec2 where d = 9007199254740994 count") == ["1"])
    }

    // 4. JSON keys differing only in case become `a` and `a_2`, with a warning.
    @Test func jsonKeysThatDifferOnlyInCaseAreRenamed() {
        shell.run("load \(files.write("case.json", #"[{"A":1,"a":2},{"a":3}]"#))")
        #expect(shell.output.diagnostics.contains { $0.severity == .warning && $0.message.contains("a_2") })
        #expect(shell.rows("case select A, a_2") == [["A", "a_2"], ["1", "2"], ["", "3"]])
    }

    // 5. A row whose list repeats an item counts once under it.
    @Test func aRepeatedListItemCountsItsRowOnce() {
        load("lst.csv", "id,tags:list\n1,c;c\n2,c;d\n")
        #expect(shell.rows("lst count by tags") == [["tags", "count"], ["c", "2"], ["d", "1"]])
        #expect(shell.rows("lst summarize count() as n by tags") == [["tags", "n"], ["c", "2"], ["d", "1"]])
    }

    // 6. `*` never repeats a field: `select id, *` puts id first, `select *, *` is an error.
    @Test func starNeverDuplicatesAField() {
        load("l.csv", "k,name\n1,a\n")
        #expect(shell.rows("l select name, *") == [["name", "k"], ["a", "1"]])
        #expect(shell.error("l select *, *")?.id == .duplicateName)
        #expect(shell.error("l select *, k")?.id == .duplicateName)
    }

    // 7. A numeric group key labels its bars; negative values draw on a signed axis.
    @Test func chartLabelsNumericKeysAndSignsNegativeValues() {
        load("ch.csv", "d:date,n\n2024-01-01,-5\n2025-01-01,3\n")
        shell.session.options.format = .table
        shell.run("ch count by year(d) | chart")
        let counted = shell.output.results.joined()
        #expect(counted.contains("2024"))
        #expect(counted.contains("2025"))
        // A text label: bars (a date label would make a time chart, tested with the charts).
        shell.run("ch summarize sum(n) as total by text(d) | chart")
        let lines = shell.output.results.joined().split(separator: "\n").map(String.init)
        let negative = lines.first { $0.hasPrefix("2024-01-01") } ?? ""
        let positive = lines.first { $0.hasPrefix("2025-01-01") } ?? ""
        // The negative bar ends at the axis, the positive one starts there: one column for both.
        let axis = { (line: String) in Array(line).firstIndex(of: "│") }
        #expect(axis(negative) != nil && axis(negative) == axis(positive))
        #expect(negative.contains("█│"))
        #expect(positive.contains("│█"))
    }

    // 8. `cite` after a join quotes the rows of both sides.
    @Test func citeAfterAJoinQuotesBothSides() {
        let session = TestSession(format: .table)
        session.run("cite agreements join countries on country = name where country = Panama")
        let text = session.output.results.joined()
        // The agreement's own sentence and the country's sentence, each once.
        let quotes = TestSession()
        let agreementQuote = quotes.column("agreements where country = Panama select quote").first ?? "?"
        let countryQuote = quotes.column("countries where name = Panama select quote").first ?? "?"
        #expect(agreementQuote != countryQuote)
        #expect(text.contains(agreementQuote))
        #expect(text.contains(countryQuote))
    }

    // 10. A directory with a.csv and a.json loads both.
    @Test func aDirectoryNeverLoadsTwoFilesUnderOneName() {
        files.write("dir/a.csv", "x\n1\n")
        files.write("dir/a.json", #"[{"y":2}]"#)
        shell.run("load \(files.path)/dir")
        #expect(shell.output.diagnostics.allSatisfy { $0.severity != .error })
        #expect(shell.column("a select x") == ["1"])
        #expect(shell.column("a_2 select y") == ["2"])
    }

    // 13. `contains ""`, `contains missing` and `matches missing` are false, like `like missing`.
    @Test func emptyOrMissingPatternsMatchNothing() {
        let session = TestSession()
        #expect(session.column("countries where name contains \"\" count") == ["0"])
        #expect(session.column("countries where concern contains missing count") == ["0"])
        #expect(session.column("countries where name matches missing count") == ["0"])
        #expect(session.column("countries where name matches \"\" count") == ["0"])
        #expect(session.column("countries where name like missing count") == ["0"])
        #expect(session.column("countries where name not contains \"\" count") == ["14"])
    }

    // 14. A JSON number beyond the double range keeps its column text, never a silent zero.
    @Test func jsonNumbersBeyondTheDoubleRangeStayText() {
        shell.run("load \(files.write("huge.json", #"[{"x":1e400},{"x":2}]"#))")
        #expect(shell.rows("huge") == [["x"], ["1e400"], ["2"]])
    }
}

/// Work that cannot run away (issue 10 §2): linear-time regular expressions, capped results.
@Suite struct BoundedWorkTests {
    let files = TemporaryDirectory()

    @Test func aCatastrophicPatternFinishesByItself() {
        let shell = TestSession()
        let clock = ContinuousClock()
        let start = clock.now
        #expect(shell.column(#"countries where quote matches "^(\w+\s?)*$" count"#) == ["0"])
        #expect(clock.now - start < .seconds(20))
    }

    @Test func backreferencesAreRefusedWithAReason() {
        let shell = TestSession()
        let diagnostic = shell.error(#"countries where name matches "(a)\1""#)
        #expect(diagnostic?.id == .badPattern)
    }

    @Test func listKeysThatWouldExplodeAreAnErrorNotAGigabyte() {
        let shell = TestSession(sample: false)
        let items = (0..<3000).map { "i\($0)" }.joined(separator: ";")
        shell.run("load \(files.write("wide.csv", "a:list,b:list\n\(items),\(items)\n"))")
        let diagnostic = shell.error("wide count by a, b")
        #expect(diagnostic?.id == .tooLarge)
    }
}
