import Foundation
import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierLoad

/// Excel workbooks written by LibreOffice and SQLite databases written by sqlite3
/// (Tests/Data/generate_binary_files.py), read with their exact warnings; workbook parts the
/// generator cannot make (inline strings, 1904 dates, damaged parts) as parts in memory.
@Suite struct WorkbookAndDatabaseTests {
    static func load(_ name: String, options: LoadOptions = LoadOptions()) throws(Diagnostic) -> [LoadResult] {
        let path = LoaderCorpusTests.directory + "/" + name
        return try DataLoader.loadFile(path, name: DataLoader.datasetName(for: path), options: options, monitor: LoadMonitor())
    }

    static func messages(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.message) }

    // MARK: - Workbooks

    @Test func eachSheetIsADataset() throws {
        let results = try Self.load("good/budget.xlsx")
        #expect(results.map(\.dataset.name) == ["budget_income", "budget_costs_2025"])
        let income = results[0].dataset
        #expect(income.fields.map(\.name) == ["item", "amount", "received", "paid", "double"])
        #expect(income.fields.map(\.type) == [.text, .decimal, .date, .bool, .integer])
        #expect(DialectTests.cells(income) == [
            ["Grant", "1500.5", "2025-03-01", "true", "3001"],
            ["Café sales", "20", "2025-03-15", "false", "40"],
            ["Donation", "∅", "2024-12-31", "true", "0"],
        ])
        #expect(income.origin == LoaderCorpusTests.directory + "/good/budget.xlsx, sheet \"Income\"")
        #expect(Self.messages(results[0].warnings) == ["sheet \"Empty\" is empty; skipped"])
    }

    @Test func aTitleAboveTheTableAndColumnsThatStartLater() throws {
        let costs = try Self.load("good/budget.xlsx")[1]
        #expect(costs.dataset.fields.map(\.name) == ["what", "eur", "code"])
        #expect(costs.dataset.fields.map(\.type) == [.text, .decimal, .text])
        #expect(DialectTests.cells(costs.dataset) == [["rent", "900", "007"], ["phone", "35.25", "012"]])
        #expect(costs.warnings.isEmpty)
        #expect(Self.messages(costs.notes) == [
            "sheet \"Costs 2025\": the header is row 3; the row above it (\"Costs, first quarter\") skipped as a title",
        ])
    }

    @Test func oneSheetByName() throws {
        let results = try Self.load("good/budget.xlsx", options: LoadOptions(part: "costs 2025"))
        #expect(results.map(\.dataset.name) == ["budget"])
        #expect(results[0].dataset.rowCount == 2)
        do {
            _ = try Self.load("good/budget.xlsx", options: LoadOptions(part: "Incme"))
            Issue.record("loaded a sheet that is not there")
        } catch {
            #expect(error.message == "the workbook has no sheet named \"Incme\"")
            #expect(error.hint == "did you mean \"Income\"?")
        }
        do {
            _ = try Self.load("good/budget.xlsx", options: LoadOptions(part: "Empty"))
            Issue.record("loaded an empty sheet")
        } catch {
            #expect(error.message == "sheet \"Empty\" is empty")
        }
    }

    @Test func dateTimesAndErrorValues() throws {
        let results = try Self.load("good/stamps.xlsx")
        #expect(results.map(\.dataset.name) == ["stamps"])
        let stamps = results[0]
        // Date-time cells are datetimes (issue 14's type), shown without seconds that are zero.
        #expect(stamps.dataset.fields.first?.type == .datetime)
        #expect(DialectTests.cells(stamps.dataset) == [["2025-03-01 14:30", "3", "∅"], ["2025-03-02 00:00", "4", "0.25"]])
        #expect(Self.messages(stamps.warnings) == ["sheet \"Log\": 1 cell holds an error value (first: #DIV/0! in C2), read as missing"])
    }

    /// A workbook from its parts, as a ZIP archive would give them.
    static func workbook(_ sheet: String, sharedStrings: String? = nil, styles: String? = nil, date1904: Bool = false) throws(Diagnostic) -> [LoadResult] {
        let parts: [String: String] = [
            "xl/workbook.xml": #"<workbook><workbookPr date1904="\#(date1904 ? 1 : 0)"/><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": sheet,
        ].merging([("xl/sharedStrings.xml", sharedStrings), ("xl/styles.xml", styles)].compactMap { key, value in value.map { (key, $0) } }) { $1 }
        return try XLSXReader.read(path: "w.xlsx", name: "w", sheet: nil, monitor: LoadMonitor()) { (part) throws(Diagnostic) in
            parts[part].map { Array($0.utf8) }
        }
    }

    @Test func inlineStringsRichTextAndEntities() throws {
        let sheet = #"""
            <worksheet><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="s"><v>0</v></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><r><t>Fish &amp; </t></r><r><t xml:space="preserve">chips</t></r></is></c><c r="B2" t="s"><v>1</v></c></row>
            <row r="4"><c t="str"><v>&#x1F1FA;&#x1F1F8;</v></c><c><v>2</v></c></row>
            </sheetData></worksheet>
            """#
        let shared = #"<sst><si><t>n</t></si><si><r><t>1</t></r><rPh><t>ignored</t></rPh></si></sst>"#
        let result = try #require(try Self.workbook(sheet, sharedStrings: shared).first)
        #expect(result.dataset.fields.map(\.name) == ["name", "n"])
        #expect(DialectTests.cells(result.dataset) == [["Fish & chips", "1"], ["🇺🇸", "2"]])
    }

    @Test func dateSerialsByFormatIn1900And1904() throws {
        let styles = #"""
            <styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[Red]0.00"/></numFmts>
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="20"/></cellXfs></styleSheet>
            """#
        let sheet = #"""
            <worksheet><sheetData>
            <row><c t="inlineStr"><is><t>custom</t></is></c><c t="inlineStr"><is><t>red</t></is></c><c t="inlineStr"><is><t>builtin</t></is></c><c t="inlineStr"><is><t>time</t></is></c></row>
            <row><c s="1"><v>45717</v></c><c s="2"><v>45717</v></c><c s="3"><v>59</v></c><c s="4"><v>0.75</v></c></row>
            <row><c s="1"><v>61</v></c><c s="2"><v>1.5</v></c><c s="3"><v>1</v></c><c s="4"><v>0.5</v></c></row>
            </sheetData></worksheet>
            """#
        let result = try #require(try Self.workbook(sheet, styles: styles).first)
        #expect(result.dataset.fields.map(\.type) == [.date, .decimal, .date, .text])
        #expect(DialectTests.cells(result.dataset) == [
            ["2025-03-01", "45717", "1900-02-28", "18:00:00"],
            ["1900-03-01", "1.5", "1900-01-01", "12:00:00"],
        ])
        let old = try #require(try Self.workbook(sheet, styles: styles, date1904: true).first)
        #expect(DialectTests.cells(old.dataset)[0][0] == "2029-03-02")
    }

    @Test func aRowStartedInsideACellEndsTheCell() throws {
        // Found by FuzzXLSX: a <row> inside an unclosed <c> left the cell with no column (-1),
        // which trapped when the sheet's columns were counted. A row that starts ends the cell
        // and the row before it, as their closing tags would have.
        let sheet = #"""
            <worksheet><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c></row>
            <row r="2"><c r="A2"><v>5</v></c><c r="B2"><v>6</v><row></c></row>
            <row r="4"><c r="A4"><v>1</v></c><c r="B4"><v>2</v></c></row>
            </sheetData></worksheet>
            """#
        let result = try #require(try Self.workbook(sheet).first)
        #expect(result.dataset.fields.map(\.name) == ["name", "n"])
        #expect(DialectTests.cells(result.dataset) == [["5", "6"], ["1", "2"]])
    }

    @Test func damagedPartsAreNamed() {
        let cases: [(String, String?, String)] = [
            (#"<worksheet><sheetData><row><c t="s"><v>5</v></c></row></sheetData></worksheet>"#, "<sst><si><t>a</t></si></sst>",
             "the workbook is damaged: cell A1 in xl/worksheets/sheet1.xml refers to shared string 5, but there are 1"),
            (#"<worksheet><sheetData><row><c r="A1"><v>1</v></c></row></sheetData"#, nil,
             "the workbook is damaged: a tag is never closed in xl/worksheets/sheet1.xml (byte 55)"),
            (#"<worksheet><sheetData><row><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>"#, nil,
             "the workbook is damaged: `ZZZZ1` in xl/worksheets/sheet1.xml is no cell Excel has"),
            (#"<worksheet><!-- never closed"#, nil, "the workbook is damaged: a comment is never closed in xl/worksheets/sheet1.xml (byte 15)"),
        ]
        for (sheet, shared, message) in cases {
            do {
                _ = try Self.workbook(sheet, sharedStrings: shared)
                Issue.record("loaded a damaged sheet: \(sheet)")
            } catch {
                #expect(error.message == message)
            }
        }
    }

    @Test func numberFormatKinds() {
        #expect(XLSXStyles.kind(ofFormat: "yyyy\\-mm\\-dd") == .date)
        #expect(XLSXStyles.kind(ofFormat: "mmm d, yyyy h:mm AM/PM") == .dateTime)
        #expect(XLSXStyles.kind(ofFormat: "[h]:mm:ss") == .time)
        #expect(XLSXStyles.kind(ofFormat: "mm:ss") == .time)
        #expect(XLSXStyles.kind(ofFormat: "#,##0.00 \"days\"") == .number)
        #expect(XLSXStyles.kind(ofFormat: "[$€-407] #,##0.00;[Red]-#,##0.00") == .number)
        #expect(XLSXStyles.kind(ofFormat: "0.00E+00") == .number)
    }

    // MARK: - Databases

    @Test func eachTableIsADatasetTypedByItsDeclaration() throws {
        let results = try Self.load("good/shop.sqlite")
        #expect(results.map(\.dataset.name) == ["shop_customers", "shop_orders"])
        let customers = results[0].dataset
        #expect(customers.fields.map(\.name) == ["id", "name", "code", "joined"])
        // TEXT stays text (codes keep their zeros); DATE is NUMERIC affinity: inferred as dates.
        #expect(customers.fields.map(\.type) == [.integer, .text, .text, .date])
        #expect(DialectTests.cells(customers) == [["1", "Ana", "007", "2024-01-05"], ["2", "Bo", "012", "2024-02-10"], ["3", "Zoë", "∅", "∅"]])
        let orders = results[1].dataset
        #expect(orders.fields.map(\.type) == [.integer, .integer, .decimal, .bool, .text])
        #expect(DialectTests.cells(orders).map { $0[2] } == ["19.99", "5.5", "100.0"])
        #expect(results.allSatisfy { $0.warnings.isEmpty })
    }

    @Test func oneTableIsNamedAfterTheFile() throws {
        let results = try Self.load("good/single.db")
        #expect(results.map(\.dataset.name) == ["single"])
        #expect(results[0].dataset.fields.map(\.type) == [.text, .integer, .date])
        let chosen = try Self.load("good/shop.sqlite", options: LoadOptions(part: "orders"))
        #expect(chosen.map(\.dataset.name) == ["shop"])
        do {
            _ = try Self.load("good/shop.sqlite", options: LoadOptions(part: "order"))
            Issue.record("loaded a table that is not there")
        } catch {
            #expect(error.message == "the database has no table named \"order\"")
            #expect(error.hint == "did you mean \"orders\"?")
        }
    }

    @Test func valuesThatDoNotFitTheirDeclarationAndBlobs() throws {
        let results = try Self.load("good/mixed.db")
        #expect(results.map(\.dataset.name) == ["mixed_things", "mixed_nothing_yet"])
        let things = results[0]
        #expect(things.dataset.fields.map(\.type) == [.integer, .text, .text, .text])
        #expect(DialectTests.cells(things.dataset).map { $0[2] } == ["(blob, 4 bytes)", "∅", "(blob, 1 byte)"])
        #expect(Self.messages(things.warnings) == [
            "table \"things\": `size` is declared INTEGER but also holds text; its type is read from its values",
            "table \"things\": `picture` holds 2 binary values, shown as their size",
        ])
        // An empty table keeps its columns.
        #expect(results[1].dataset.rowCount == 0)
        #expect(results[1].dataset.fields.map(\.name) == ["id", "name"])
    }

    @Test func affinityFollowsSQLitesRules() {
        #expect(SQLiteReader.Affinity(declared: "BIGINT") == .integer)
        #expect(SQLiteReader.Affinity(declared: "VARCHAR(20)") == .text)
        #expect(SQLiteReader.Affinity(declared: "") == .blob)
        #expect(SQLiteReader.Affinity(declared: "DOUBLE PRECISION") == .real)
        #expect(SQLiteReader.Affinity(declared: "DECIMAL(10,2)") == .numeric)
        // "INT" wins over "POINT"'s last letters, as in SQLite: FLOATING POINT is INTEGER.
        #expect(SQLiteReader.Affinity(declared: "FLOATING POINT") == .integer)
    }

    // MARK: - Wrong kinds of file

    /// Their exact messages are in LoaderCorpusTests.badFiles; here, that none shows a byte of the file.
    static let binaryFiles = [
        "bad/table.parquet", "bad/report.pdf", "bad/data.csv.gz", "bad/chart.png", "bad/archive.zip", "bad/truncated.xlsx",
        "bad/no_tables.sqlite", "bad/damaged.sqlite",
    ]

    @Test(arguments: WorkbookAndDatabaseTests.binaryFiles)
    func wrongKindsOfFileAreNamedWithoutTheirBytes(_ file: String) {
        do {
            _ = try Self.load(file)
            Issue.record("\(file) loaded")
        } catch {
            let rendered = DiagnosticRenderer().render(error)
            #expect(!rendered.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0 == "\u{FFFD}" }, "\(rendered)")
            #expect(error.hint != nil, "\(file): say what to do")
        }
    }

    @Test func fileSignatures() {
        func kind(_ bytes: [UInt8]) -> FileSignature { bytes.withUnsafeBufferPointer { FileSignature.of($0) } }
        #expect(kind(Array("SQLite format 3".utf8) + [0]) == .sqlite)
        #expect(kind([0x50, 0x4B, 0x03, 0x04, 0]) == .zip)
        #expect(kind([0xFF, 0xD8, 0xFF, 0xE0]) == .unsupported("a JPEG image"))
        #expect(kind(Array("GIF89a".utf8)) == .unsupported("a GIF image"))
        #expect(kind(Array("name,n\n".utf8)) == .text)
        #expect(kind([]) == .text)
    }
}
