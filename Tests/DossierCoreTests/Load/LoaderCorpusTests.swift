import Foundation
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

/// The hand-made files of Tests/Data: one per quirk (good/) and one per kind of bad input
/// (bad/), each with what it must give.
@Suite struct LoaderCorpusTests {
    static let directory: String = {
        var path = #filePath
        for _ in 0..<3 { path = (path as NSString).deletingLastPathComponent }
        return path + "/Data"
    }()

    private func load(_ name: String) throws(Diagnostic) -> LoadResult {
        let path = Self.directory + "/" + name
        return try DataLoader.loadOne(path)
    }

    private func dataset(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Dataset? {
        do {
            return try load(name).dataset
        } catch {
            Issue.record("\(name) did not load: \(error.message)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Each column as text, row by row (missing as "∅").
    private func cells(_ dataset: Dataset) -> [[String]] {
        (0..<dataset.rowCount).map { row in
            dataset.columns.map { column in
                let value = column.value(at: row)
                return value.isMissing ? "∅" : value.formatted(listSeparator: "|")
            }
        }
    }

    private func types(_ dataset: Dataset) -> [ValueType] { dataset.fields.map(\.type) }

    // MARK: - CSV quirks

    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let commas = try #require(dataset("good/quoted_commas.csv"))
        #expect(cells(commas) == [["Libya, Rwanda", "2"], ["Panama", "1"]])
        let quotes = try #require(dataset("good/doubled_quotes.csv"))
        #expect(cells(quotes) == [["A", "He said \"no\""], ["B", "\"quoted\""]])
        let breaks = try #require(dataset("good/newline_in_field.csv"))
        #expect(cells(breaks) == [["A", "first line\nsecond line"], ["B", "plain"]])
    }

    @Test func lineEndsAndByteOrderMark() throws {
        #expect(cells(try #require(dataset("good/crlf.csv"))) == [["A", "1"], ["B", "2"]])
        let bom = try #require(dataset("good/bom.csv"))
        #expect(bom.fields.map(\.name) == ["name", "n"])
        #expect(cells(try #require(dataset("good/no_trailing_newline.csv"))) == [["1", "2"]])
    }

    @Test func typedHeaders() throws {
        let typed = try #require(dataset("good/typed_header.csv"))
        #expect(typed.fields.map(\.name) == ["name", "people", "share", "ok", "when", "tags", "code"])
        #expect(types(typed) == [.text, .integer, .decimal, .bool, .date, .list, .text])
        #expect(cells(typed) == [["A", "8", "1", "true", "2025-03-01", "a|b|c", "123"], ["B", "∅", "2.5", "false", "∅", "∅", "0042"]])
    }

    @Test func inferenceNeverMangleCodes() throws {
        let zips = try #require(dataset("good/leading_zero.csv"))
        #expect(types(zips) == [.text, .integer])
        #expect(cells(zips).map { $0[0] } == ["08001", "10001"])
        let big = try #require(dataset("good/big_integers.csv"))
        #expect(types(big) == [.text, .integer])
        #expect(cells(big)[0][0] == "12345678901234567890")
    }

    @Test func inferencePerColumn() throws {
        let inferred = try #require(dataset("good/inference.csv"))
        #expect(types(inferred) == [.integer, .decimal, .bool, .date, .text, .text])
        #expect(cells(inferred).map { $0[5] } == ["1", "two", "3.5"])  // replayed as text, as written
        #expect(cells(inferred).map { $0[1] } == ["1.5", "2", "1000"])
    }

    @Test func tsvEmptyCellsAndSpaces() throws {
        let tsv = try #require(dataset("good/basic.tsv"))
        #expect(cells(tsv) == [["Libya", "Africa", "1"], ["Kosovo", "Eastern Europe", "2"]])
        let empty = try #require(dataset("good/empty_cells.csv"))
        #expect(cells(empty) == [["1", "∅", "x"], ["∅", "∅", "∅"], ["3", "4", "∅"]])
        let spaces = try #require(dataset("good/spaces.csv"))
        #expect(spaces.fields.map(\.name) == ["name", "n", "note"])
        #expect(cells(spaces) == [["A", "1", "x, y"]])
    }

    @Test func shortRowsArePaddedWithAWarning() throws {
        let result = try load("good/short_rows.csv")
        #expect(cells(result.dataset) == [["1", "2", "3"], ["4", "5", "∅"], ["6", "∅", "∅"]])
        #expect(result.warnings.map(\.message) == ["2 rows have fewer fields than the header; the cells left out are missing"])
    }

    @Test func duplicateAndEmptyHeadersAreRenamedWithWarnings() throws {
        let result = try load("good/duplicate_headers.csv")
        #expect(result.dataset.fields.map(\.name) == ["name", "name_2", "column_3"])
        #expect(result.warnings.count == 2)
    }

    // MARK: - JSON

    @Test func jsonArrayOfObjects() throws {
        let array = try #require(dataset("good/array.json"))
        #expect(types(array) == [.text, .integer, .bool])
        #expect(cells(array) == [["Libya", "2", "true"], ["Panama", "∅", "false"]])
    }

    @Test func jsonObjectWithOneArrayMember() throws {
        let wrapped = try #require(dataset("good/wrapped.json"))
        #expect(wrapped.fields.map(\.name) == ["name", "extra"])
        #expect(cells(wrapped) == [["Libya", "∅"], ["Rwanda", "1.5"]])
    }

    @Test func jsonLines() throws {
        let lines = try #require(dataset("good/lines.jsonl"))
        #expect(cells(lines) == [["Libya", "1"], ["Rwanda", "2"], ["∅", "3"]])
    }

    @Test func nestedObjectsAreFlattened() throws {
        let nested = try #require(dataset("good/nested.json"))
        #expect(nested.fields.map(\.name) == ["id", "address.city", "address.geo.lat"])
        #expect(cells(nested) == [["1", "Panama City", "8.98"], ["2", "Kigali", "∅"]])
    }

    @Test func arraysOfScalarsAreLists() throws {
        let lists = try #require(dataset("good/lists.json"))
        #expect(types(lists) == [.text, .list])
        #expect(cells(lists).map { $0[1] } == ["x|y", "∅", "z", "1|true"])
        let nested = try #require(dataset("good/nested_arrays.json"))
        #expect(cells(nested).map { $0[0] } == ["[[1, 2], [3]]", "[{\"a\": 1}]"])
    }

    @Test func mixedTypesBecomeText() throws {
        let mixed = try #require(dataset("good/mixed_types.json"))
        #expect(types(mixed) == [.text])
        #expect(cells(mixed).map { $0[0] } == ["1", "two", "3.5", "true"])
    }

    @Test func stringEscapesAndDates() throws {
        let escapes = try #require(dataset("good/unicode_escapes.json"))
        #expect(cells(escapes)[0][0] == "café 🇺🇸 \"q\" \\ \n")
        let dates = try #require(dataset("good/dates.json"))
        #expect(types(dates) == [.date])
    }

    // MARK: - Bad input: the exact first line of each error

    static let badFiles: [(String, String)] = [
        ("bad/ragged_long.csv", "bad/ragged_long.csv:3:1: error: this row has 4 fields, the header has 3"),
        ("bad/unterminated_quote.csv", "bad/unterminated_quote.csv:2:3: error: a quoted field is never closed"),
        ("bad/text_after_quote.csv", "bad/text_after_quote.csv:2:6: error: text after the closing quote of a field"),
        ("bad/nul_byte.csv", "bad/nul_byte.csv:2:2: error: the file contains a NUL byte (at byte 8)"),
        ("bad/empty.csv", "bad/empty.csv: error: the file is empty"),
        ("bad/blank_only.csv", "bad/blank_only.csv: error: the file is empty"),
        ("bad/bad_typed_value.csv", "bad/bad_typed_value.csv:3:3: error: `many` is not an integer (field `people` is declared :int)"),
        ("bad/malformed.json", "bad/malformed.json:2:2: error: expected `,` or `]` after a record, found `{`"),
        ("bad/trailing_garbage.json", "bad/trailing_garbage.json:1:12: error: expected the end of the file after the data, found `x`"),
        ("bad/no_array.json", "bad/no_array.json:1:1: error: expected an array of records, found an object without one"),
        ("bad/two_arrays.json", "bad/two_arrays.json:1:1: error: this object has several arrays (\"first\", \"second\"); which one is the data is not clear"),
        ("bad/scalar_records.json", "bad/scalar_records.json:1:2: error: expected an object for each record, found `1`"),
        ("bad/unterminated_string.json", "bad/unterminated_string.json:1:8: error: this string is never closed"),
        ("bad/deep.json", "bad/deep.json:1:386: error: objects nested more than 64 deep, found `{`"),
        ("bad/bad_line.jsonl", "bad/bad_line.jsonl:2:10: error: expected a new line after the object, found `{`"),
        ("bad/empty.json", "bad/empty.json: error: the file is empty"),
        ("bad/leading_zero.json", "bad/leading_zero.json:1:11: error: a number with a leading zero, found `0`"),
        ("bad/not_json.json", "bad/not_json.json:1:1: error: expected an array of objects, found `n`"),
        ("bad/control_in_string.json", "bad/control_in_string.json:1:13: error: a line break or control character inside a string, found byte 0xa"),
        // Issue 15: other kinds of file, and files of the new kinds that are broken.
        // UTF-8 with one damaged byte is not read as Latin-1, which would garble every other accent.
        ("bad/damaged_utf8.csv", "bad/damaged_utf8.csv:4:5: error: invalid UTF-8 (byte 0xFF at byte 43)"),
        ("bad/ragged_semicolon.csv", "bad/ragged_semicolon.csv:3:1: error: this row has 3 fields, the header has 2"),
        ("bad/table.parquet", "bad/table.parquet: error: this is a Parquet file; dossier reads CSV, TSV, JSON, JSON Lines, Excel (.xlsx) and SQLite"),
        ("bad/report.pdf", "bad/report.pdf: error: this is a PDF document; dossier reads CSV, TSV, JSON, JSON Lines, Excel (.xlsx) and SQLite"),
        ("bad/data.csv.gz", "bad/data.csv.gz: error: this is a gzip-compressed file; dossier reads CSV, TSV, JSON, JSON Lines, Excel (.xlsx) and SQLite"),
        ("bad/chart.png", "bad/chart.png: error: this is a PNG image; dossier reads CSV, TSV, JSON, JSON Lines, Excel (.xlsx) and SQLite"),
        ("bad/archive.zip", "bad/archive.zip: error: this is a ZIP archive; dossier reads CSV, TSV, JSON, JSON Lines, Excel (.xlsx) and SQLite"),
        ("bad/text_named.xlsx", "bad/text_named.xlsx: error: this file is named as an Excel workbook (.xlsx) but holds text"),
        ("bad/truncated.xlsx", "bad/truncated.xlsx: error: cannot read this workbook: the ZIP archive is damaged or incomplete"),
        ("bad/no_tables.sqlite", "bad/no_tables.sqlite: error: the database has no tables"),
        ("bad/damaged.sqlite", "bad/damaged.sqlite: error: cannot read this SQLite database (listing its tables): database disk image is malformed"),
    ]

    @Test(arguments: LoaderCorpusTests.badFiles)
    func badInputGivesItsError(_ file: String, _ expected: String) {
        do {
            _ = try DataLoader.loadFile(Self.directory + "/" + file, name: "bad", monitor: LoadMonitor())
            Issue.record("\(file) loaded, but it should fail")
        } catch {
            let rendered = DiagnosticRenderer().render(error).replacingOccurrences(of: Self.directory + "/", with: "")
            #expect(rendered.split(separator: "\n").first.map(String.init) == expected)
            #expect(error.hint != nil || rendered.contains("|"), "an error should show where, or say how to fix it")
        }
    }

    @Test func everyBadFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory + "/bad").map { "bad/" + $0 }
        #expect(Set(files) == Set(Self.badFiles.map(\.0)))
    }

    // MARK: - Files that are not there, not files, or not readable

    @Test func missingFileSuggestsTheClosest() {
        do {
            _ = try load("good/quoted_comas.csv")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.id == .fileNotFound)
            #expect(error.hint?.contains("quoted_commas.csv") == true)
        }
    }

    @Test func aDirectoryWhereAFileWasMeant() {
        do {
            _ = try FileAccess.read(Self.directory + "/good")
            Issue.record("read a directory")
        } catch {
            #expect(error.message == "this is a directory, not a file")
        }
    }

    @Test func aDirectoryLoadsEveryFileInIt() throws {
        let results = try DataLoader.load(Self.directory + "/good", as: nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory + "/good")
        // Every file is a dataset, and budget.xlsx, shop.sqlite and mixed.db two each.
        #expect(results.count == files.count + 3)
        #expect(results.allSatisfy { !$0.warnings.contains { $0.id == .skippedFile } })
        #expect(results.contains { $0.dataset.name == "basic" })
    }
}

/// A text column of mostly distinct values stops de-duplicating; results must not change.
@Suite struct HighCardinalityTextTests {
    @Test func countsAndDescribeMergeRepeatedTexts() throws {
        let files = TemporaryDirectory()
        var csv = "name,group\n"
        for index in 0..<70_000 { csv += "n\(index),g\(index % 3)\n" }
        csv += "n5,g0\nn5,g0\nN5,g1\n"  // repeats after the switch
        let shell = TestSession()
        shell.run("load \(files.write("many.csv", csv))")
        guard case .dataset(let many)? = shell.session.catalog["many"], case .text(let names) = many.columns[0] else {
            Issue.record("did not load")
            return
        }
        #expect(names.dictionary.isUnique == false)
        #expect(shell.column("many where name = n5 count") == ["4"])  // = ignores case
        #expect(shell.rows("many count by name limit 1") == [["name", "count"], ["n5", "3"]])
        #expect(shell.column("many distinct name | count") == ["70001"])
        shell.run("describe many")
        #expect(shell.output.results.first?.contains("70001") == true)
        #expect(shell.column("many sort by name desc limit 1 select name") == ["n9999"])
    }
}

/// Files big enough to be built on two threads: the same answers as one thread would give.
@Suite struct ParallelLoadTests {
    @Test func lateTypeChangesAndValuesSurviveTwoThreads() throws {
        var csv = "id,num,code,when,name\n"
        csv.reserveCapacity(8 << 20)
        for row in 0..<150_000 {
            let num = row >= 100_000 ? "\(row).5" : "\(row)"
            let code = row == 90_000 ? "x90000" : "\(row)"
            csv += "\(row),\(num),\(code),2025-01-\(row % 28 + 1 < 10 ? "0" : "")\(row % 28 + 1),name \(row % 7)\n"
        }
        #expect(csv.utf8.count > CSVReader.parallelThreshold)
        let result = try CSVReader.read(Array(csv.utf8), path: "big.csv", name: "big")
        let big = result.dataset
        #expect(big.rowCount == 150_000)
        #expect(big.fields.map(\.type) == [.integer, .decimal, .text, .date, .text])
        #expect(big.columns[1].value(at: 99_999) == .decimal(99_999))
        #expect(big.columns[1].value(at: 100_000) == .decimal(100_000.5))
        #expect(big.columns[2].value(at: 0) == .text("0"))
        #expect(big.columns[2].value(at: 90_000) == .text("x90000"))
        #expect(big.columns[2].value(at: 149_999) == .text("149999"))
        #expect(big.columns[4].value(at: 149_999) == .text("name 3"))
        #expect(big.columns[3].value(at: 27) == .date(CivilDate.days(year: 2025, month: 1, day: 28)!))
    }

    @Test func aBadValueLateInABigFileIsReportedAtItsLine() {
        var csv = "id,n:int\n"
        for row in 0..<200_000 { csv += row == 180_000 ? "\(row),bad\n" : "\(row),\(row)\n" }
        do {
            _ = try CSVReader.read(Array(csv.utf8), path: "big.csv", name: "big")
            Issue.record("loaded a bad value")
        } catch {
            #expect(DiagnosticRenderer().render(error).hasPrefix("big.csv:180002:8: error: `bad` is not an integer"))
        }
    }

    @Test func aRaggedRowLateInABigFileIsReportedAtItsLine() {
        var csv = "a,b\n"
        for row in 0..<300_000 { csv += row == 250_000 ? "1,2,3\n" : "\(row),x\n" }
        do {
            _ = try CSVReader.read(Array(csv.utf8), path: "big.csv", name: "big")
            Issue.record("loaded a ragged row")
        } catch {
            #expect(DiagnosticRenderer().render(error).hasPrefix("big.csv:250002:1: error: this row has 3 fields"))
        }
    }
}

/// JSON Lines big enough to be read as two halves: the halves must join seamlessly.
@Suite struct ParallelJSONLinesTests {
    @Test func halvesJoinWithTypesSettledAndLateFields() throws {
        var text = ""
        let count = 120_000
        for row in 0..<count {
            var record = "{\"id\": \(row), \"n\": \(row < 100_000 ? "\(row)" : "\(row).5"), \"s\": \"name \(row % 5)\""
            record += row % 3 == 0 ? ", \"tags\": [\"a\", \"b\"]" : ""
            record += row >= 110_000 ? ", \"late\": true" : ""
            record += row == 119_000 ? ", \"code\": \"x\"" : (row >= 100_000 ? ", \"code\": \(row)" : "")
            text += record + ", \"pad\": \"\(String(repeating: "p", count: 20))\"}\n"
        }
        #expect(text.utf8.count > JSONReader.parallelThreshold)
        let dataset = try JSONReader.read(Array(text.utf8), path: "big.jsonl", name: "big", lines: true).dataset
        #expect(dataset.rowCount == count)
        let names = dataset.fields.map(\.name)
        #expect(names == ["id", "n", "s", "tags", "pad", "code", "late"])
        let types = Dictionary(uniqueKeysWithValues: dataset.fields.map { ($0.name, $0.type) })
        #expect(types["n"] == .decimal)
        #expect(types["code"] == .text)
        #expect(types["late"] == .bool)
        #expect(types["tags"] == .list)
        func value(_ field: String, _ row: Int) -> Value {
            dataset.columns[names.firstIndex(of: field)!].value(at: row)
        }
        #expect(value("id", count - 1) == .integer(Int64(count - 1)))
        #expect(value("n", 99_999) == .decimal(99_999))
        #expect(value("n", 100_000) == .decimal(100_000.5))
        #expect(value("s", 77_777) == .text("name 2"))
        #expect(value("tags", 99_999) == .list(["a", "b"]))
        #expect(value("tags", 100_000) == .missing)
        #expect(value("late", 109_999) == .missing)
        #expect(value("late", 110_000) == .bool(true))
        #expect(value("code", 0) == .missing)
        #expect(value("code", 100_001) == .text("100001"))
        #expect(value("code", 119_000) == .text("x"))
    }

    @Test func anErrorInTheSecondHalfIsReportedAtItsLine() {
        var text = ""
        for row in 0..<200_000 { text += row == 150_000 ? "{\"a\": }\n" : "{\"a\": \(row), \"pad\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n" }
        do {
            _ = try JSONReader.read(Array(text.utf8), path: "big.jsonl", name: "big", lines: true)
            Issue.record("loaded a bad line")
        } catch {
            #expect(DiagnosticRenderer().render(error).hasPrefix("big.jsonl:150001:7: error: expected a value"))
        }
    }

    @Test func anObjectOverSeveralLinesAcrossTheSplitStillLoads() throws {
        var text = ""
        for row in 0..<200_000 { text += "{\"a\": \(row),\n \"b\": \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"}\n" }
        let dataset = try JSONReader.read(Array(text.utf8), path: "big.jsonl", name: "big", lines: true).dataset
        #expect(dataset.rowCount == 200_000)
    }
}
