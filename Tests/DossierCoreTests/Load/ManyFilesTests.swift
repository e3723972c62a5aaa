import Foundation
import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierSession

/// Directories, globs and the options of `load` as a person types them (issue 15).
@Suite struct ManyFilesTests {
    static let data = LoaderCorpusTests.directory

    private func strip(_ text: String) -> String { text.replacingOccurrences(of: Self.data + "/", with: "") }

    @Test func aDirectorySkipsWhatIsNotDataWithAWarningEach() throws {
        let shell = TestSession(sample: false)
        shell.run("load \(Self.data)/folder")
        #expect(shell.output.allDiagnostics.map { strip(DiagnosticRenderer().render($0).split(separator: "\n")[0].description) } == [
            "folder/logo.png: warning: skipped: a PNG image",
            "folder/notes.md: warning: skipped: not a data file (dossier reads .csv .tsv .json .jsonl .xlsx .sqlite .db)",
            "folder/schema.json: warning: skipped: expected an array of records, found an object without one",
            "folder/a.json: warning: `a` is taken by folder/a.csv; folder/a.json is loaded as `a_2`",
            "loaded `a`: 1 row, 2 fields from folder/a.csv",
            "loaded `a_2`: 1 row, 1 field from folder/a.json",
        ])
        #expect(shell.session.catalog.names.sorted() == ["a", "a_2"])
    }

    @Test func aGlobWithANameStacksTheFiles() throws {
        let shell = TestSession(sample: false)
        shell.run("load \(Self.data)/trips/2024-*.csv as trips")
        #expect(shell.output.diagnostics.map { strip($0.message) } == [
            "`fare` is read as decimal: its type differs between the files (integer in trips/2024-01.csv, decimal in trips/2024-02.csv)",
        ])
        #expect(shell.output.notes.map(strip) == [
            "loaded `trips`: 4 rows, 4 fields from trips/2024-*.csv",
            "stacked 2 files (trips/2024-01.csv, trips/2024-02.csv); `file` says which each row is from",
        ])
        #expect(shell.rows("trips select route, riders, fare, file").map { $0.map(strip) } == [
            ["route", "riders", "fare", "file"],
            ["A", "10", "2", "trips/2024-01.csv"], ["B", "5", "2", "trips/2024-01.csv"],
            ["A", "12", "2.5", "trips/2024-02.csv"], ["C", "3", "2", "trips/2024-02.csv"],
        ])
        #expect(shell.column("trips summarize sum(riders) as riders") == ["30"])
    }

    @Test func aGlobWithoutANameLoadsEachFile() {
        let shell = TestSession(sample: false)
        shell.run("load \(Self.data)/trips/*.csv")
        #expect(shell.session.catalog.names.sorted() == ["_2024_01", "_2024_02"])
    }

    @Test func stackedFilesNeedTheSameFields() {
        let files = TemporaryDirectory()
        files.write("a.csv", "id,name\n1,x\n")
        files.write("b.csv", "id,title\n2,y\n")
        let shell = TestSession(sample: false)
        shell.run("load \(files.path)/*.csv as both")
        #expect(shell.output.diagnostics.first?.message
            == "\(files.path)/b.csv: files stacked into one dataset need the same fields, but this one differs from \(files.path)/a.csv: it has no `name`; it has `title` too")
        #expect(shell.session.catalog.names.isEmpty)
        shell.run("load \(files.path)/*.tsv as none")
        #expect(shell.output.diagnostics.first?.message == "\(files.path)/*.tsv: no file matches this pattern")
    }

    @Test func aFileNamedLikeAPatternIsItself() {
        let files = TemporaryDirectory()
        files.write("[draft].csv", "a\n1\n")
        let shell = TestSession(sample: false)
        shell.run("load \"\(files.path)/[draft].csv\"")
        #expect(shell.session.catalog.names == ["_draft_"])
    }

    // MARK: - Options as typed

    @Test func optionsAreParsedAndChecked() {
        let shell = TestSession(sample: false)
        let path = Self.data + "/good/semicolon_decimal_comma.csv"
        shell.run("load \(path) as prices delimiter \";\" header encoding utf-8")
        #expect(shell.session.catalog.names == ["prices"])
        #expect(shell.output.notes == ["loaded `prices`: 3 rows, 4 fields from \(path)", "read as `;`-separated, decimal commas in `price`"])
        shell.run("load \(Self.data)/good/no_header.csv no header skip 1")
        #expect(shell.column("no_header select column_1") == ["2", "3"])
        shell.run("load \(Self.data)/good/pipe.csv delimiter pipe as piped")
        #expect(shell.session.catalog.names.contains("piped"))
    }

    @Test func badOptionsPointAtThemselves() {
        let cases: [(String, String, String?)] = [
            ("load x.csv delimiter \";;\"", "`;;` cannot separate fields", "give one character in quotes, or a name: delimiter \";\", delimiter \"|\", delimiter tab"),
            ("load x.csv skip many", "`skip` takes a number of lines, not `many`", "skip 3"),
            ("load x.csv encoding latin2", "unknown encoding `latin2`", "did you mean `latin1`?"),
            ("load x.csv header no header", "`no header` is given twice", "keep one"),
            ("load x.csv delimeter \";\"", "`delimeter` is not an option of `load`", "did you mean `delimiter`?"),
            ("load x.csv no headers", "expected `header` after `no`, found `headers`", "load data.csv no header"),
        ]
        for (statement, message, hint) in cases {
            let shell = TestSession(sample: false)
            shell.run(statement)
            let error = shell.output.diagnostics.first
            #expect(error?.message == message, "\(statement)")
            #expect(error?.hint == hint, "\(statement)")
            #expect(error?.sourceRange != nil, "\(statement) should point into the statement")
        }
    }

    @Test func optionsThatDoNotFitTheFile() {
        let shell = TestSession(sample: false)
        shell.run("load \(Self.data)/good/array.json delimiter \";\"")
        #expect(shell.output.diagnostics.first?.message.hasSuffix(
            "good/array.json: `delimiter`, `quote`, `header` and `skip` are for CSV and TSV files, and this is JSON") == true)
        shell.run("load \(Self.data)/good/pipe.csv sheet \"Income\"")
        #expect(shell.output.diagnostics.first?.message.hasSuffix(
            "good/pipe.csv: `sheet` and `table` choose a part of an Excel workbook or a SQLite database, and this is a text file") == true)
        shell.run("load \(Self.data)/good/budget.xlsx skip 2")
        #expect(shell.output.diagnostics.first?.message.hasSuffix(
            "good/budget.xlsx: `delimiter`, `quote`, `header`, `skip` and `encoding` are for CSV and TSV files, and this is an Excel workbook") == true)
        #expect(shell.session.catalog.names.isEmpty)
    }

    @Test func aFailedLoadChangesNothing() {
        let shell = TestSession(sample: false)
        shell.run("load \(Self.data)/good/pipe.csv as kept")
        for statement in [
            "load \(Self.data)/bad/damaged.sqlite as kept", "load \(Self.data)/bad/truncated.xlsx as kept",
            "load \(Self.data)/good/budget.xlsx sheet nope", "load \(Self.data)/bad/ragged_semicolon.csv as kept",
        ] {
            shell.run(statement)
            #expect(shell.output.diagnostics.first?.severity == .error, "\(statement)")
            #expect(shell.session.catalog.names == ["kept"])
            #expect(shell.column("kept select a") == ["1", "2"])
        }
    }

    @Test func raggedRowsNameTheDelimiter() {
        do {
            _ = try DataLoader.loadOne(Self.data + "/bad/ragged_semicolon.csv")
            Issue.record("loaded a ragged file")
        } catch {
            #expect(strip(DiagnosticRenderer().render(error)).hasPrefix("bad/ragged_semicolon.csv:3:1: error: this row has 3 fields, the header has 2"))
            #expect(strip(error.hint ?? "") == "a value with a ; in it must be quoted, or the file read with another delimiter: load bad/ragged_semicolon.csv delimiter \",\"")
        }
    }

    @Test func helpLoadListsTheOptions() {
        let shell = TestSession(sample: false)
        shell.run("help load")
        let text = shell.output.results.joined()
        for option in ["delimiter \";\"", "quote \"'\"", "header", "no header", "skip 3", "encoding latin1", "sheet \"Costs\""] {
            #expect(text.contains(option), "help load should show \(option)")
        }
    }
}
