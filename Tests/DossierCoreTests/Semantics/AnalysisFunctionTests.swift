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

/// Dates and times: the type, its arithmetic and its calendar periods (issue 14, item 1).
@Suite struct DateAndTimeTests {
    let files = TemporaryDirectory()
    let shell = TestSession(sample: false)

    init() {
        shell.run("load \(files.write("r.csv", "name,start,stop,at\na,2025-01-30,2025-03-01,2025-03-01T14:30\nb,2024-02-28,2024-03-01,2025-03-01 23:59:59\nc,,2025-12-31,2025-03-01T14:30+02:00\n"))")
    }

    @Test func aTimeOfDayMakesADatetimeColumnAtLoad() {
        #expect(shell.column("r select at") == ["2025-03-01 14:30", "2025-03-01 23:59:59", "2025-03-01 12:30"])
        shell.run("describe r")
        #expect(shell.output.results.last?.contains("datetime") == true)
    }

    @Test func dateMinusDateIsDays() {
        #expect(shell.column("r select stop - start") == ["30", "2", ""])
        #expect(shell.column("r where name = a select at - start") == ["30.6041666666666667"])
    }

    @Test func datePlusDaysIsADate() {
        #expect(shell.column("r select start + 30") == ["2025-03-01", "2024-03-29", ""])
        #expect(shell.column("r select 1 + start") == ["2025-01-31", "2024-02-29", ""])
        #expect(shell.column("r select stop - 1") == ["2025-02-28", "2024-02-29", "2025-12-30"])
        #expect(shell.column("r where name = a select at + 0.5") == ["2025-03-02 02:30"])
    }

    @Test func overflowAndDatesOutsideTheCalendarAreMissing() {
        #expect(shell.column("r where name = a select stop + 9223372036854775807") == [""])
        #expect(shell.column("r where name = a select stop - 9223372036854775807") == [""])
        #expect(shell.column("r where name = a select date(\"9999-12-31\") + 1") == [""])
        #expect(shell.column("r where name = a select at + 1e300") == [""])
        #expect(shell.column("r where name = a select at - 9223372036854775807") == [""])
    }

    @Test func partsOfADate() {
        #expect(shell.rows("r where name = a select year(stop) as y, month(stop) as m, day(stop) as d, weekday(stop) as w, quarter(stop) as q, week(stop) as k").last
            == ["2025", "3", "1", "6", "1", "9"])
        #expect(shell.rows("r where name = a select hour(at) as h, minute(at) as m").last == ["14", "30"])
        // ISO weeks: 2021-01-03 is in week 53 of 2020; 2024-12-30 in week 1 of 2025.
        #expect(shell.column("r where name = a select week(date(\"2021-01-03\"))") == ["53"])
        #expect(shell.column("r where name = a select week(date(\"2024-12-30\"))") == ["1"])
    }

    @Test func calendarPeriodsShowAsPeriodsAndSortInTime() {
        #expect(shell.rows("r where name = b select day_of(start) as d, week_of(start) as w, month_of(start) as m, quarter_of(start) as q, year_of(start) as y").last
            == ["2024-02-28", "2024-02-26", "2024-02", "2024-Q1", "2024"])
        #expect(shell.column("r count by month_of(stop) | sort by month_of(stop)") == ["2024-03", "2025-03", "2025-12"])
    }

    @Test func aComputedKeyIsReachedByItsText() {
        #expect(shell.column("r count by year(stop) | sort by year(stop) desc") == ["2025", "2024"])
    }

    @Test func mistakesSayHowToWriteThem() {
        #expect(shell.error("r select start * 2")?.hint?.contains("date - date") == true)
        #expect(shell.error("r select start + 1.5")?.hint?.contains("round") == true)
        #expect(shell.error("r select hour(start)")?.message.contains("date and time") == true)
        #expect(shell.error("r select year(name)")?.hint?.contains("year(date(name))") == true)
        #expect(shell.error("r select start + name")?.id == .typeMismatch)
    }
}

/// The text functions and the text operators (issue 14, item 2).
@Suite struct TextFunctionTests {
    let shell = TestSession(sample: true)

    @Test func trimReplaceAndConcat() {
        #expect(shell.column("countries where name = Panama select trim(\"  a b  \")") == ["a b"])
        #expect(shell.column("countries where name = Panama select replace(name, \"a\", \"4\")") == ["P4n4m4"])
        #expect(shell.column("countries where name = Panama select replace(name, \"A\", \"4\")") == ["Panama"])
        #expect(shell.column("countries where name = Panama select replace(name, \"a\", \"\")") == ["Pnm"])
        #expect(shell.column("countries where name = Panama select concat(name, \"-\", concern, 1)") == ["Panama-1"])
        #expect(shell.column("countries where name = Panama select name + \"/\" + region") == ["Panama/Central America"])
        #expect(shell.column("countries where name = Panama select concern + \"x\"") == [""])
    }

    @Test func substringsCountCharactersAsPeopleSeeThem() {
        #expect(shell.column("countries where name = Panama select substring(name, 2, 3)") == ["ana"])
        #expect(shell.column("countries where name = Panama select substring(name, 4)") == ["ama"])
        #expect(shell.column("countries where name = Panama select substring(name, 0, 3)") == ["Pa"])
        #expect(shell.column("countries where name = Panama select substring(name, 9, 3)") == [""])
        #expect(shell.column("countries where name = Panama select substring(\"Côte\", 2, 2)") == ["ôt"])
        #expect(shell.column("countries where name = Panama select left(\"🇨🇮 CI\", 1)") == ["🇨🇮"])
        #expect(shell.column("countries where name = Panama select right(name, 2)") == ["ma"])
        #expect(shell.column("countries where name = Panama select left(name, -1)") == [""])
    }

    @Test func extremePositionsNeverTrap() {
        let huge = "9223372036854775807"
        #expect(shell.column("countries where name = Panama select substring(name, -\(huge), \(huge))") == [""])
        #expect(shell.column("countries where name = Panama select substring(name, \(huge), \(huge))") == [""])
        #expect(shell.column("countries where name = Panama select substring(name, -\(huge), -\(huge))") == [""])
        #expect(shell.column("countries where name = Panama select substring(name, 1, \(huge))") == ["Panama"])
        #expect(shell.column("countries where name = Panama select left(name, \(huge))") == ["Panama"])
    }

    @Test func splitMakesAListForExpandAndAny() {
        #expect(shell.column("countries where name = \"Costa Rica\" select split(\"AE, OM,,RE\", \",\")") == ["AE; OM; RE"])
        #expect(shell.column("countries where name = Panama select split(name, \"\")") == [""])
        #expect(shell.column("countries where split(\"a,b\", \",\") = B select name limit 1") == ["United States"])
    }

    @Test func extractTakesTheFirstMatchOrGroup() {
        #expect(shell.column("countries where name = Libya select extract(quote, \"([a-z]+) rights\")") == ["human"])
        #expect(shell.column("countries where name = Libya select extract(quote, \"[0-9]{4}\")") == [""])
        #expect(shell.error("countries select extract(name, \"(\")")?.id == .badPattern)
    }

    @Test func searchIgnoringAccents() {
        #expect(shell.column("countries select \"Côte d'Ivoire\" as n limit 1 | where n mentions \"COTE\"") == ["Côte d'Ivoire"])
        #expect(shell.column("countries select \"Côte d'Ivoire\" as n limit 1 | where n contains \"cote\"") == [])
        // The empty result says why: contains keeps accents, and which word ignores them.
        #expect(shell.output.notes.contains { $0.contains("try: n mentions \"cote\"") && $0.contains("Côte d'Ivoire") })
        #expect(shell.column("countries where name starts with \"co\" select name") == ["Costa Rica"])
        #expect(shell.column("countries where name ends with \"IA\" and name not starts with \"l\" select name") == ["Mongolia"])
        #expect(shell.column("countries select unaccent(\"Åland Zoë\") limit 1") == ["Aland Zoe"])
        #expect(shell.column("countries where concern mentions \"\" count") == ["0"])
    }

    @Test func argumentsAreChecked() {
        #expect(shell.error("countries select trim(name, 2)")?.message == "`trim` takes one argument, not 2")
        #expect(shell.error("countries select tirm(name)")?.hint == "did you mean `trim`?")
        #expect(shell.error("countries select left(name, \"2\")")?.id == .badArgument)
        #expect(shell.error("countries where name starts \"b\"")?.hint == "name starts with \"b\"")
    }
}

/// `if` and `coalesce` (issue 14, item 3).
@Suite struct ConditionFunctionTests {
    let shell = TestSession(sample: true)

    @Test func ifChoosesAndAMissingConditionIsFalse() {
        #expect(shell.column("countries where region = Africa select if(concern = rights, \"flagged\", \"-\")") == ["flagged", "flagged", "-", "-"])
        #expect(shell.column("transfers select if(people > 50, people, 0)") == ["100", "0", "0", "0"])
        #expect(shell.column("transfers select if(people > 50, 1, 2.5)") == ["1", "2.5", "2.5", "2.5"])
    }

    @Test func coalesceTakesTheFirstPresentValue() {
        #expect(shell.column("countries where region = Africa select coalesce(concern, status)") == ["rights", "rights", "negotiating", "negotiating"])
        #expect(shell.column("transfers select coalesce(people, missing)") == ["100", "", "", ""])
        #expect(shell.column("transfers select coalesce(people, 0) + 1") == ["101", "1", "1", "1"])
    }

    @Test func valuesMustBeOfOneKind() {
        let mixed = shell.error("transfers select if(people > 1, people, to)")
        #expect(mixed?.id == .typeMismatch)
        #expect(mixed?.message.contains("gives one kind of value") == true)
        #expect(shell.error("transfers select if(to, 1, 2)")?.id == .notACondition)
    }
}

/// share, rank, running total, change and expand (issue 14, item 4).
@Suite struct WindowClauseTests {
    let files = TemporaryDirectory()
    let shell = TestSession(sample: true)

    init() {
        shell.run("load \(files.write("s.csv", "g,y,v\na,2020,10\na,2021,15\na,2022,\na,2023,30\nb,2020,4\nb,2021,4\nb,2022,0\nb,2023,2\n"))")
    }

    @Test func shareIsAPercentOfTheTotal() {
        #expect(shell.column("s where y = 2020 select g, v | share | select share") == ["71.4", "28.6"])
        #expect(shell.column("s share of v per g | select share") == ["18.2", "27.3", "", "54.5", "40.0", "40.0", "0.0", "20.0"])
        #expect(shell.column("s where v = 0 share | select share") == [""])
    }

    @Test func ranksShareTiesAndPutMissingLast() {
        #expect(shell.column("s rank by v desc | select rank") == ["3", "2", "8", "1", "4", "4", "7", "6"])
        #expect(shell.column("s rank by v per g | select rank") == ["1", "2", "4", "3", "3", "3", "1", "2"])
    }

    @Test func runningTotalsAndChange() {
        #expect(shell.column("s running total of v per g | select running_total") == ["10", "25", "25", "55", "4", "8", "8", "10"])
        #expect(shell.rows("s change of v per g | select change, change_pct").dropFirst().map { $0 } ==
            [["", ""], ["5", "50.0"], ["", ""], ["", ""], ["", ""], ["0", "0.0"], ["-4", "-100.0"], ["2", ""]])
    }

    @Test func expandMakesARowAnItem() {
        #expect(shell.column("countries where name = Libya expand incentives | select incentives") == ["financial aid", "political benefits"])
        #expect(shell.column("countries where name = Panama expand incentives | select name") == ["Panama"])
        #expect(shell.error("countries expand name")?.hint?.contains("split(name, \",\")") == true)
    }

    @Test func aDatasetMayBeNamedLikeTheNewClauses() {
        shell.run("load \(files.write("change.csv", "party,change\nA,3\nB,-2\n"))")
        #expect(shell.column("change where party != Nobody select change") == ["3", "-2"])
        #expect(shell.column("change rank | select rank") == ["1", "2"])
        #expect(shell.error("where party = A")?.message == "a query starts with a dataset name, not `where`")
    }

    @Test func clausesNeedANumber() {
        #expect(shell.error("countries share")?.id != nil)
        #expect(shell.error("countries change of name")?.message == "`change` needs a number, but `name` is text")
        #expect(shell.error("countries rank by")?.message == "expected a field to rank by after `rank by`")
    }
}
