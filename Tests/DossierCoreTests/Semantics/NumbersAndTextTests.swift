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

/// Numbers kept as written and text compared as people read it (issue 11, SPEC §4 "Text",
/// §6 "Numbers").
@Suite struct ExactNumberTests {
    let files = TemporaryDirectory()
    let shell = TestSession(sample: false)

    init() {
        shell.run("load \(files.write("money.csv", "item,price,qty\na,0.1,3\nb,0.2,1\nc,19.99,3\nd,1.10,2\n"))")
    }

    @Test func decimalArithmeticIsExact() {
        #expect(shell.column("money where item = a select price + 0.2") == ["0.3"])
        #expect(shell.column("money where item = c select price * qty") == ["59.97"])
        #expect(shell.column("money where item = c select price * 3") == ["59.97"])
        #expect(shell.column("money summarize sum(price)") == ["21.39"])
        #expect(shell.column("money where item = a select 1 / 3") == ["0.333333333333333333"])
        #expect(shell.column("money where item = a select 10 / 4") == ["2.5"])
        #expect(shell.column("money where item = a select 2 / 3") == ["0.666666666666666667"])
    }

    @Test func valuesPrintAsWritten() {
        #expect(shell.column("money select price") == ["0.1", "0.2", "19.99", "1.10"])
        shell.run("load \(files.write("v.csv", "v\n7\n7.11\n2.0\n"))")
        #expect(shell.column("v select v") == ["7", "7.11", "2.0"])
    }

    @Test func sumsDoNotDependOnRowOrder() {
        shell.run("load \(files.write("big.csv", "n\n9223372036854775807\n1\n-1\n"))")
        #expect(shell.column("big summarize sum(n)") == ["9223372036854775807"])
        #expect(shell.column("big sort by n summarize sum(n)") == ["9223372036854775807"])
    }

    @Test func averagesHaveEighteenSignificantDigitsRoundedHalfToEven() {
        shell.run("load \(files.write("avg.csv", "n\n1\n1\n2\n"))")
        #expect(shell.column("avg summarize avg(n)") == ["1.33333333333333333"])
    }

    @Test func roundFloorCeilAbs() {
        #expect(shell.column("money where item = c select round(price)") == ["20"])
        #expect(shell.column("money where item = c select round(price, 1)") == ["20.0"])
        #expect(shell.column("money where item = d select round(price * 5, 0)") == ["6"])  // 5.50: half away from zero
        #expect(shell.column("money where item = c select round(qty * 1234, -2)") == ["3700"])
        #expect(shell.column("money where item = c select floor(price), ceil(price)").first == "19")
        #expect(shell.rows("money where item = c select floor(price) as f, ceil(price) as c").last == ["19", "20"])
        #expect(shell.column("money where item = a select abs(0 - price)") == ["0.1"])
    }

    @Test func rootsAndPowersStayExactWhereTheyCan() {
        #expect(shell.rows("money where item = a select sqrt(16) as a, sqrt(2) as b, pow(2, 10) as c, pow(1.5, 2) as d").last == ["4", "1.4142135623730951", "1024", "2.25"])
        // A root of a negative number, or a power that is not real, is missing, not an error.
        #expect(shell.rows("money where item = a select sqrt(0 - 1) as a, pow(0 - 8, 0.5) as b").last == ["", ""])
        #expect(shell.error("money select pow(item, 2)")?.message.contains("needs a number") == true)
    }

    @Test func numberReadsNumbersAsPeopleWriteThem() {
        shell.run("load \(files.write("raw.csv", "raw\n\"1,234\"\n1 234\n\"$1,234.50\"\n12%\n\"(1,234)\"\n\"1,5\"\nabc\n"))")
        #expect(shell.column("raw select number(raw)") == ["1234", "1234", "1234.50", "12", "-1234", "", ""])
    }

    @Test func dateReadsISOFormsAndGivenFormats() {
        shell.run("load \(files.write("d.csv", "raw\n2025-03-01\n2025/03/01\n20250301\n2025-03-01T10:00\n01.03.2025\nsoon\n"))")
        #expect(shell.column("d select date(raw)") == ["2025-03-01", "2025-03-01", "2025-03-01", "2025-03-01", "", ""])
        #expect(shell.column("d select date(raw, \"dd.mm.yyyy\")") == ["", "", "", "", "2025-03-01", ""])
        #expect(shell.column("d where raw = soon select date(\"1 Mar 2025\", \"d mon yyyy\")") == ["2025-03-01"])
        #expect(shell.error("d select date(raw, \"dd.mm\")")?.id == .badArgument)
    }

    @Test func textGivesTheValueAsShown() {
        #expect(shell.column("money where item = d select text(price)") == ["1.10"])
    }
}

@Suite struct MessyComparisonTests {
    let files = TemporaryDirectory()
    let shell = TestSession(sample: false)

    init() {
        shell.run("load \(files.write("na.csv", "code,pop\n1,900\n2,10500\nN/A,12000\n10,8\n"))")
    }

    @Test func markersMakeTheColumnNumericSoOrderingIsNumeric() {
        #expect(shell.column("na where code > 2 select code") == ["10"])
        #expect(shell.column("na sort by code select code") == ["1", "2", "10", ""])
    }

    @Test func orderingTextAgainstANumberIsAnErrorAtTheLiteral() throws {
        shell.run("load \(files.write("s.csv", "code\n1\n2\nunknown\n10\n5\n6\n7\n8\n9\n11\n12\n"))")
        let diagnostic = try #require(shell.error("s where code > 2"))
        #expect(diagnostic.id == .typeMismatch)
        #expect(diagnostic.message == "`code` is text: 1 of 11 values is not a number (first: `unknown`, line 4), so it cannot be ordered against a number")
        #expect(diagnostic.hint?.contains("number(code) > 2") == true)
        #expect(diagnostic.sourceRange == 15..<16)
        // `=` compares the text as written; number() makes the order numeric.
        #expect(shell.column("s where code = 10 count") == ["1"])
        #expect(shell.column("s where number(code) > 9 count") == ["3"])
        #expect(shell.error("s where code between 1 and 5")?.id == .typeMismatch)
    }
}

@Suite struct UnicodeTextTests {
    let files = TemporaryDirectory()
    let shell = TestSession(sample: false)

    init() {
        shell.run("load \(files.write("u.csv", "name\nÅland\nAland\nAlbania\nÉmile\nZeta\ncafe\u{301}\ncafé\nstraße\nSTRASSE\nﬁsh\n🇫🇷\n"))")
    }

    @Test func nfcMakesOneValueOfTwoSpellings() {
        #expect(shell.column("u where name = \"cafe\u{301}\" count") == ["2"])
        #expect(shell.rows("u where name like \"caf*\" count by name") == [["name", "count"], ["café", "2"]])
        #expect(shell.column("u where name like \"caf*\" distinct name | count") == ["1"])
    }

    @Test func fullCaseFolding() {
        #expect(shell.column("u where name = \"strasse\" select name") == ["straße", "STRASSE"])
        #expect(shell.column("u where name = FISH select name") == ["ﬁsh"])
    }

    @Test func likeAndLenCountCharactersAsPeopleSeeThem() {
        #expect(shell.column("u where name like \"?\" select name") == ["🇫🇷"])
        #expect(shell.column("u where name = \"🇫🇷\" select len(name)") == ["1"])
        #expect(shell.column("u where name like \"caf?\" count") == ["2"])
        // `?` takes a character whose folded form is longer (ß → ss, ﬁ → fi) whole ...
        #expect(shell.column("u where name like \"stra?e\" select name") == ["straße"])
        #expect(shell.column("u where name like \"?sh\" select name") == ["ﬁsh"])
        // ... while letters compare folded, as `=` does.
        #expect(shell.column("u where name like \"stras*\" select name") == ["straße", "STRASSE"])
        #expect(shell.column("u where name like \"fi*\" select name") == ["ﬁsh"])
    }

    @Test func sortFollowsTheAlphabet() {
        #expect(shell.column("u where name like \"*land*\" or name like \"Al*\" sort by name select name") == ["Aland", "Åland", "Albania"])
        let sorted = shell.column("u sort by name select name")
        #expect(sorted.firstIndex(of: "Émile") ?? 99 < sorted.firstIndex(of: "Zeta") ?? 0)
    }

    @Test func orderingIgnoresAccentsAndCaseFirst() {
        #expect(shell.column("u where name < \"F\" and name > \"E\" select name") == ["Émile"])
        #expect(shell.column("u where name < \"strasse\" count") == shell.column("u where name < \"STRASSE\" count"))
    }
}
