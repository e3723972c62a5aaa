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

/// Messy columns and numbers kept as written (issue 11): each corpus file with the exact
/// warnings it gives, and every good file of the corpus through save and load in every format.
@Suite struct MessyColumnTests {
    private func load(_ name: String) throws(Diagnostic) -> LoadResult {
        let path = LoaderCorpusTests.directory + "/" + name
        return try DataLoader.loadOne(path)
    }

    private func cell(_ dataset: Dataset, _ row: Int, _ field: String) -> String {
        guard let index = dataset.fieldIndex(field) else { return "?" }
        let relation = Relation(dataset)
        return relation.text(row: row, column: index)
    }

    @Test func missingValueMarkersAreMissingInTypedColumnsWithOneWarningEach() throws {
        let result = try load("good/missing_markers.csv")
        #expect(result.dataset.fields.map(\.type) == [.integer, .integer, .date, .bool])
        #expect(result.warnings.map(\.message) == [
            "`code`: 1 cell holds `N/A`, read as missing values",
            "`pop`: 1 cell holds `NA`, read as missing values",
            "`when`: 1 cell holds `n/a`, read as missing values",
            "`flag`: 1 cell holds `-`, read as missing values",
        ])
        guard case .file(_, let line, let column, _) = result.warnings[0].location else {
            Issue.record("no place in the file")
            return
        }
        #expect((line, column) == (4, 1))
        #expect(result.dataset.columns.map(\.missingCount) == [1, 1, 1, 1])
    }

    @Test(arguments: ["NA", "N/A", "#N/A", "n/a", "null", "NULL", "None", "-", "--", "—", " n/a "])
    func everyMarkerIsAMissingValue(marker: String) throws {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        // `#N/A` (a spreadsheet's error value) starts a line here: a value, not a comment.
        shell.run("load \(files.write("m.csv", "x,y\n1,a\n\(marker),b\n3,c\n"))")
        let trimmed = marker.trimmingCharacters(in: .whitespaces)
        #expect(shell.output.diagnostics.map(\.message) == ["`x`: 1 cell holds `\(trimmed)`, read as missing values"])
        #expect(shell.column("m select x") == ["1", "", "3"])
        #expect(shell.column("m where x > 2 select y") == ["c"])
    }

    @Test func strayValuesInADateColumnAreNamedAndOrderingOffersDate() throws {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        shell.run("load \(files.write("d.csv", "when,n\n2025-01-01,1\n2025-02-01,2\nunknown,3\n2025-03-01,4\n"))")
        let error = shell.error("d where when > 2025-01-15")
        #expect(error?.message == "`when` is text, so `> 2025-01-15` would compare text, not dates")
        #expect(error?.hint?.contains("date(when) > 2025-01-15") == true)
        #expect(shell.column("d where date(when) > 2025-01-15 select n") == ["2", "4"])
    }

    @Test func nfcMakesTwoSpellingsJoin() throws {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        shell.run("load \(files.write("nfd.csv", "name,v\ncafe\u{301},1\n"))")
        shell.run("load \(files.write("nfc.csv", "name,w\ncaf\u{E9},2\n"))")
        #expect(shell.rows("nfd join nfc on name select name, v, w") == [["name", "v", "w"], ["caf\u{E9}", "1", "2"]])
    }

    @Test func markersInATextColumnStayText() throws {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        shell.run("load \(files.write("t.csv", "name\nLibya\nN/A\n-\n"))")
        #expect(shell.output.diagnostics.isEmpty)
        #expect(shell.column("t select name") == ["Libya", "N/A", "-"])
        // A column of nothing but markers is text too: nothing says it is a number.
        shell.run("load \(files.write("u.csv", "x\nNA\nN/A\n"))")
        #expect(shell.column("u select x") == ["NA", "N/A"])
    }

    @Test func aColumnThatIsTextBecauseOfAFewStrayValuesSaysSo() throws {
        let result = try load("good/stray_values.csv")
        #expect(result.warnings.map(\.message) == ["`code` is text: 1 of 40 values is not a number (first: `unknown`, line 7)"])
        #expect(result.dataset.fields[1].note?.strays == 1)
        let shell = TestSession(sample: false)
        shell.run("load \(LoaderCorpusTests.directory)/good/stray_values.csv")
        shell.run("describe stray_values")
        #expect(shell.output.notes.contains("`code` is text: 1 of 40 values is not a number (first: `unknown`, line 7); number(code) reads them"))
    }

    @Test func decimalsPrintAsWritten() throws {
        let dataset = try load("good/decimals_as_written.csv").dataset
        #expect((0..<4).map { cell(dataset, $0, "price") } == ["1.10", "2.0", "19.99", "7"])
        #expect((0..<4).map { cell(dataset, $0, "rate") } == ["0.5", "1e300", "12345678901234567890.5", "0.25"])
        guard case .decimal(let prices) = dataset.columns[1], case .float = dataset.columns[3] else {
            Issue.record("price must be exact, rate binary floating point")
            return
        }
        #expect(prices.scale == 2)
    }

    @Test func textIsNFCAtLoad() throws {
        let dataset = try load("good/nfd_text.csv").dataset
        // `cafe` + U+0301 and `café` are one value.
        guard case .text(let names) = dataset.columns[0] else {
            Issue.record("name must be text")
            return
        }
        #expect(names.codes[0] == names.codes[1])
        #expect(cell(dataset, 0, "name") == "caf\u{E9}")
    }

    @Test func jsonNumbersNoNumberHoldsKeepTheirDigitsAsText() throws {
        let dataset = try load("good/json_numbers.json").dataset
        #expect(dataset.fields.map(\.type) == [.text, .text])
        #expect((0..<3).map { cell(dataset, $0, "id") } == ["12345678901234567890", "1", "2"])
        #expect((0..<3).map { cell(dataset, $0, "n") } == ["1.10", "7", "1e400"])
    }
}

/// Save then load gives back the same text in every cell, for every format, over the whole
/// loader corpus (issue 11).
@Suite struct CorpusRoundTripTests {
    static let goodFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: LoaderCorpusTests.directory + "/good")) ?? []
        // Each sheet or table of these is a dataset of its own: stamps.xlsx and single.db,
        // with one each, stand for them here.
        let severalTables: Set<String> = ["budget.xlsx", "shop.sqlite", "mixed.db"]
        return names.filter { !severalTables.contains($0) }.sorted()
    }()

    static let cases: [(String, String)] = goodFiles.flatMap { file in ["csv", "tsv", "json", "jsonl"].map { (file, $0) } }

    /// Every cell as people read it, with each field's name and type.
    static func snapshot(_ dataset: Dataset) -> [String] {
        let relation = Relation(dataset)
        let header = dataset.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ",")
        return [header] + (0..<dataset.rowCount).map { row in
            dataset.fields.indices.map { relation.text(row: row, column: $0, listSeparator: "|") }.joined(separator: "\u{1F}")
        }
    }

    @Test(arguments: cases)
    func saveThenLoadGivesTheSameText(_ file: String, _ format: String) throws {
        let files = TemporaryDirectory()
        let path = LoaderCorpusTests.directory + "/good/" + file
        let original = try DataLoader.loadOne(path, name: "original").dataset
        let shell = TestSession(sample: false)
        shell.run("load \(path) as original")
        let copyPath = files.path + "/copy.\(format)"
        shell.run("save original to \(copyPath)")
        #expect(shell.output.diagnostics.allSatisfy { $0.severity != .error }, "\(shell.output.diagnostics.map(\.message))")
        let copy = try DataLoader.loadOne(copyPath, name: "copy").dataset
        #expect(Self.snapshot(copy) == Self.snapshot(original), "\(file) through .\(format)")
    }

    @Test func theCorpusIsThere() {
        #expect(Self.goodFiles.count >= 25)
    }
}
