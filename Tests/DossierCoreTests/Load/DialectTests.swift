import Foundation
import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierLoad

/// CSV as it comes (issue 15): each dialect and encoding of Tests/Data/good with its cells,
/// its exact warnings and the one note that says what was guessed.
@Suite struct DialectTests {
    /// The result of loading a corpus file, and what it said, rendered without the corpus folder.
    struct Loaded {
        var dataset: Dataset
        var warnings: [String]
        var notes: [String]
        var hints: [String]
    }

    static func load(_ name: String, options: LoadOptions = LoadOptions()) throws(Diagnostic) -> Loaded {
        let result = try DataLoader.loadOne(LoaderCorpusTests.directory + "/" + name, options: options)
        let renderer = DiagnosticRenderer()
        func firstLine(_ diagnostic: Diagnostic) -> String {
            String(renderer.render(diagnostic).split(separator: "\n").first ?? "")
                .replacingOccurrences(of: LoaderCorpusTests.directory + "/", with: "")
        }
        return Loaded(dataset: result.dataset, warnings: result.warnings.map(firstLine), notes: result.notes.map(firstLine),
            hints: (result.warnings + result.notes).compactMap(\.hint).map { $0.replacingOccurrences(of: LoaderCorpusTests.directory + "/", with: "") })
    }

    /// Loading `name` fails with an error whose first line starts with `prefix`.
    static func expectError(_ name: String, options: LoadOptions, startsWith prefix: String, else failure: Comment,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try load(name, options: options)
            Issue.record(failure, sourceLocation: sourceLocation)
        } catch {
            #expect(DiagnosticRenderer().render(error).replacingOccurrences(of: LoaderCorpusTests.directory + "/", with: "")
                .hasPrefix(prefix), sourceLocation: sourceLocation)
        }
    }

    /// Cells as text, row by row; missing as "∅".
    static func cells(_ dataset: Dataset) -> [[String]] {
        (0..<dataset.rowCount).map { row in
            dataset.columns.map { column in
                let value = column.value(at: row)
                return value.isMissing ? "∅" : value.formatted(listSeparator: "|")
            }
        }
    }

    @Test func semicolonsWithDecimalCommas() throws {
        let loaded = try Self.load("good/semicolon_decimal_comma.csv")
        #expect(loaded.dataset.fields.map(\.name) == ["name", "price", "share", "code"])
        #expect(loaded.dataset.fields.map(\.type) == [.text, .decimal, .integer, .text])
        #expect(Self.cells(loaded.dataset) == [["A", "1.5", "10", "x"], ["B", "2.25", "20", "y"], ["C", "-3.75", "∅", "z"]])
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.notes == ["good/semicolon_decimal_comma.csv: note: read as `;`-separated, decimal commas in `price`"])
        #expect(loaded.hints == ["if that is wrong: load good/semicolon_decimal_comma.csv delimiter \",\""])
    }

    @Test func hintsGiveAPathThatCanBeTypedBack() throws {
        // A path with a space is quoted in the load a hint offers, so that it can be typed as shown.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier hints \(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/my prices.csv"
        try FileManager.default.copyItem(atPath: LoaderCorpusTests.directory + "/good/semicolon_decimal_comma.csv", toPath: path)
        let result = try DataLoader.loadOne(path)
        #expect(result.notes.compactMap(\.hint) == ["if that is wrong: load \"\(path)\" delimiter \",\""])
        // A ragged row's hint names the file too, not a placeholder.
        let ragged = folder + "/ragged.csv"
        try FileManager.default.copyItem(atPath: LoaderCorpusTests.directory + "/bad/ragged_semicolon.csv", toPath: ragged)
        do {
            _ = try DataLoader.loadOne(ragged)
            Issue.record("loaded a ragged file")
        } catch {
            #expect(error.hint == "a value with a ; in it must be quoted, or the file read with another delimiter: load \"\(ragged)\" delimiter \",\"")
        }
    }

    @Test func aColumnWhoseDecimalsDisagreeStaysAsWritten() throws {
        let loaded = try Self.load("good/decimal_comma_disagrees.csv")
        #expect(loaded.dataset.fields.map(\.type) == [.text, .text, .integer])
        #expect(Self.cells(loaded.dataset).map { $0[1] } == ["1,5", "2.5"])
        #expect(loaded.notes == ["good/decimal_comma_disagrees.csv: note: read as `;`-separated"])
    }

    @Test func pipesAndTabsInAFileNamedCSV() throws {
        let pipe = try Self.load("good/pipe.csv")
        #expect(Self.cells(pipe.dataset) == [["1", "x, y", "3"], ["2", "z", "4"]])
        #expect(pipe.notes == ["good/pipe.csv: note: read as `|`-separated"])
        let tabs = try Self.load("good/tab_named_csv.csv")
        #expect(Self.cells(tabs.dataset) == [["A", "1"], ["B", "2"]])
        #expect(tabs.notes == ["good/tab_named_csv.csv: note: read as tab-separated"])
    }

    @Test func aTSVFileIsNotSaidToBeTabSeparated() throws {
        let tsv = try Self.load("good/basic.tsv")
        #expect(tsv.notes.isEmpty)
        #expect(try Self.load("good/quoted_commas.csv").notes.isEmpty)
    }

    @Test func commentLinesBeforeAndInsideTheData() throws {
        let loaded = try Self.load("good/comments.csv")
        #expect(loaded.dataset.fields.map(\.name) == ["name", "n"])
        #expect(Self.cells(loaded.dataset) == [["A", "1"], ["C", "3"]])
        #expect(loaded.notes == ["good/comments.csv: note: read as comma-separated, 3 comment lines skipped"])
    }

    @Test func titleLinesBeforeTheHeader() throws {
        let loaded = try Self.load("good/title_lines.csv")
        #expect(loaded.dataset.fields.map(\.name) == ["region", "pop"])
        #expect(Self.cells(loaded.dataset) == [["North", "10"], ["South", "20"]])
        #expect(loaded.notes == ["good/title_lines.csv: note: read as comma-separated, 2 lines before the header skipped"])
        #expect(loaded.hints == ["if that is wrong: load good/title_lines.csv skip 0"])
    }

    @Test func skipIsObeyed() throws {
        // Told to skip the three lines above the header: told, not guessed, so no note.
        let loaded = try Self.load("good/title_lines.csv", options: LoadOptions(skip: 3))
        #expect(loaded.dataset.fields.map(\.name) == ["region", "pop"])
        #expect(loaded.notes.isEmpty)
        // Told to skip none, the title is the header, and the real header a row too long.
        Self.expectError("good/title_lines.csv", options: LoadOptions(skip: 0), startsWith: "good/title_lines.csv:4:1: error: this row has 2 fields, the header has 1", else: "loaded with the title as header")
        // Told to skip more lines than there are: that, not "the file is empty", is what is wrong.
        Self.expectError("good/title_lines.csv", options: LoadOptions(skip: 99), startsWith: "good/title_lines.csv: error: `skip 99` leaves no lines to read: the file has 6", else: "loaded with every line skipped")
    }

    @Test func aFirstRowOfDataIsNoHeader() throws {
        let loaded = try Self.load("good/no_header.csv")
        #expect(loaded.dataset.fields.map(\.name) == ["column_1", "column_2", "column_3"])
        #expect(loaded.dataset.fields.map(\.type) == [.integer, .date, .text])
        #expect(loaded.dataset.rowCount == 3)
        #expect(loaded.notes == ["good/no_header.csv: note: read as comma-separated, no header row (columns named column_1, column_2, …)"])
        let told = try Self.load("good/no_header.csv", options: LoadOptions(header: true))
        #expect(told.dataset.fields.map(\.name) == ["1", "2025-01-01", "x"])
        #expect(told.notes.isEmpty)
        let forced = try Self.load("good/quoted_commas.csv", options: LoadOptions(header: false))
        #expect(forced.dataset.rowCount == 3)
        #expect(forced.notes.isEmpty)
    }

    @Test func namesFromTheCommentAboveTheData() throws {
        let loaded = try Self.load("good/zones.tab")
        #expect(loaded.dataset.fields.map(\.name) == ["codes", "coordinates", "TZ", "comments"])
        #expect(Self.cells(loaded.dataset).map { $0[0] } == ["AD", "AE,OM", "AF"])
        #expect(loaded.warnings == ["good/zones.tab:5:1: warning: 2 rows have fewer fields than the first rows; the cells left out are missing"])
        #expect(loaded.notes == [
            "good/zones.tab: note: read as tab-separated, 4 comment lines skipped, no header row (names from the comment above the data)",
        ])
    }

    @Test func rowsWithExtraEmptyCellsLoad() throws {
        let loaded = try Self.load("good/trailing_empty_cells.csv")
        #expect(Self.cells(loaded.dataset) == [["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(loaded.warnings == [
            "good/trailing_empty_cells.csv:2:1: warning: 2 rows have empty cells beyond the 2 fields of the header; they are left out",
        ])
    }

    @Test func singleQuotes() throws {
        let loaded = try Self.load("good/single_quotes.csv")
        #expect(Self.cells(loaded.dataset) == [["A", "x, y"], ["B", "z"]])
        #expect(loaded.notes == ["good/single_quotes.csv: note: read as comma-separated, with ' as the quote"])
    }

    @Test func aDelimiterCanBeTold() throws {
        // Told `;`, a file of pipes is one column, and nothing is guessed.
        let loaded = try Self.load("good/pipe.csv", options: LoadOptions(delimiter: UInt8(ascii: ";")))
        #expect(loaded.dataset.fields.map(\.name) == ["a|b|c"])
        #expect(loaded.notes.isEmpty)
    }

    // MARK: - Encodings

    @Test func utf8WithADamagedByteIsNotReadAsLatin1() {
        do {
            _ = try DataLoader.loadOne(LoaderCorpusTests.directory + "/bad/damaged_utf8.csv")
            Issue.record("read a damaged UTF-8 file as Latin-1")
        } catch {
            #expect(error.hint?.replacingOccurrences(of: LoaderCorpusTests.directory + "/", with: "")
                == "the rest of the file is UTF-8, so this byte is damaged: correct it, or read the whole file in another encoding: load bad/damaged_utf8.csv encoding latin1")
        }
    }

    @Test func latin1AndWindows1252AreNamedAndConverted() throws {
        let latin1 = try Self.load("good/latin1.csv")
        #expect(Self.cells(latin1.dataset) == [["José", "München"], ["Renée", "São Paulo"]])
        #expect(latin1.warnings == ["good/latin1.csv: warning: the file is not UTF-8; read it as Latin-1 (ISO-8859-1)"])
        #expect(latin1.hints == ["if letters look wrong, say which encoding it is: load good/latin1.csv encoding \"windows-1252\""])
        let windows = try Self.load("good/windows1252.csv")
        #expect(Self.cells(windows.dataset) == [["“Best”", "5€"]])
        #expect(windows.warnings == ["good/windows1252.csv: warning: the file is not UTF-8; read it as Windows-1252"])
    }

    @Test func utf16WithAByteOrderMark() throws {
        let little = try Self.load("good/utf16le.csv")
        #expect(Self.cells(little.dataset) == [["Café", "1"], ["🇺🇸", "2"]])
        #expect(little.warnings == ["good/utf16le.csv: warning: the file is not UTF-8; read it as UTF-16 (little-endian)"])
        let big = try Self.load("good/utf16be.tsv")
        #expect(Self.cells(big.dataset) == [["Zoë", "1"]])
        #expect(big.warnings == ["good/utf16be.tsv: warning: the file is not UTF-8; read it as UTF-16 (big-endian)"])
    }

    @Test func anEncodingCanBeTold() throws {
        let told = try Self.load("good/latin1.csv", options: LoadOptions(encoding: .latin1))
        #expect(Self.cells(told.dataset)[0] == ["José", "München"])
        #expect(told.warnings == ["good/latin1.csv: note: read as Latin-1 (ISO-8859-1), as asked"])
        // Told UTF-8, a Latin-1 file is the error it always was, at its byte.
        Self.expectError("good/latin1.csv", options: LoadOptions(encoding: .utf8), startsWith: "good/latin1.csv:2:4: error: invalid UTF-8 (byte 0xE9 at byte 13)", else: "loaded Latin-1 as UTF-8")
    }

    @Test func encodingsByName() {
        #expect(TextEncoding(name: "Latin-1") == .latin1)
        #expect(TextEncoding(name: "ISO-8859-1") == .latin1)
        #expect(TextEncoding(name: "cp1252") == .windows1252)
        #expect(TextEncoding(name: "UTF-16") == .utf16LittleEndian)
        #expect(TextEncoding(name: "utf8") == .utf8)
        #expect(TextEncoding(name: "ebcdic") == nil)
    }

    @Test func utf16SurrogatesAndOddBytes() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE, 0x41, 0x00, 0x00, 0xD8, 0x42]
        let text = bytes.withUnsafeBufferPointer { String(decoding: TextEncoding.utf16LittleEndian.convertToUTF8($0), as: UTF8.self) }
        // 😀, A, a lone high surrogate, and half a code unit: nothing dropped silently.
        #expect(text == "😀A\u{FFFD}\u{FFFD}")
    }
}
