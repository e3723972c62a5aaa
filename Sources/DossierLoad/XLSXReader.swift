import DossierSupport
import DossierDiagnostics
import DossierData

/// Reads an Excel workbook (.xlsx, as written by Excel, LibreOffice, Google Sheets and
/// Numbers): each sheet with something in it becomes a dataset, named after the file when it
/// is the only one (`budget`) and after the file and the sheet otherwise (`budget_costs`).
/// The first row that holds anything is the header; empty rows are skipped, as blank lines
/// of a CSV file are; columns with neither a name nor a value are left out.
public enum XLSXReader {
    /// Opens the archive through libDossierZip.so; a ZIP that is no workbook is named.
    package static func read(path: String, name: String, sheet: String?, monitor: LoadMonitor) throws(Diagnostic) -> [LoadResult] {
        let archive = try ZipArchive(path: path)
        guard archive.entries["xl/workbook.xml"] != nil else {
            throw LoadMessages.notAWorkbook(path, kind: zipKind(Set(archive.entries.keys)))
        }
        return try read(path: path, name: name, sheet: sheet, monitor: monitor) { (part) throws(Diagnostic) in try archive.read(part) }
    }

    /// What a ZIP archive that is not a workbook is, by the entries that office formats have.
    package static func zipKind(_ entries: Set<String>) -> String {
        if entries.contains("word/document.xml") { return "a Word document (.docx)" }
        if entries.contains(where: { $0.hasPrefix("ppt/") }) { return "a PowerPoint presentation (.pptx)" }
        if entries.contains("content.xml") && entries.contains("mimetype") { return "an OpenDocument file (.ods or .odt)" }
        return "a ZIP archive"
    }

    /// The workbook from its parts: `part(name)` gives a part's bytes, nil when it is absent
    /// (public for the fuzz target, which has no ZIP archive).
    public static func read(
        path: String, name: String, sheet wanted: String?, monitor: LoadMonitor,
        part: (String) throws(Diagnostic) -> [UInt8]?
    ) throws(Diagnostic) -> [LoadResult] {
        let workbook = try XLSXWorkbook(path: path, part: part)
        let shared = try part("xl/sharedStrings.xml").map { (bytes) throws(Diagnostic) in try XLSXSharedStrings.read(bytes, path: path) } ?? []
        let styles = try part("xl/styles.xml").map { (bytes) throws(Diagnostic) in try XLSXStyles(bytes, path: path) } ?? XLSXStyles()
        var chosen = workbook.sheets
        if let wanted {
            guard let match = workbook.sheets.first(where: { $0.name == wanted })
                ?? workbook.sheets.first(where: { FieldName.key($0.name) == FieldName.key(wanted) })
            else { throw LoadMessages.noSuchSheet(path, wanted, sheets: workbook.sheets.map(\.name)) }
            chosen = [match]
        }
        var loaded: [(sheet: XLSXWorkbook.Sheet, cells: XLSXSheet)] = []
        var skipped: [Diagnostic] = []
        for sheet in chosen {
            guard let sheetPart = sheet.part, let bytes = try part(sheetPart) else {
                if wanted != nil { throw LoadMessages.sheetHasNoCells(path, sheet.name) }
                skipped.append(LoadMessages.skippedChartSheet(path, sheet.name))
                continue
            }
            let context = XLSXSheet.Context(path: path, part: sheetPart, sharedStrings: shared, styles: styles,
                date1904: workbook.date1904, monitor: monitor)
            let cells = try XLSXSheet(bytes, context: context)
            if cells.rows.isEmpty {
                if wanted != nil { throw LoadMessages.emptySheet(path, sheet.name, asked: true) }
                skipped.append(LoadMessages.emptySheet(path, sheet.name, asked: false))
                continue
            }
            loaded.append((sheet, cells))
        }
        guard !loaded.isEmpty else { throw LoadMessages.emptyWorkbook(path) }
        var results: [LoadResult] = []
        var taken = Set<String>()
        for (index, (sheet, cells)) in loaded.enumerated() {
            let base = loaded.count == 1 ? name : name + "_" + DatasetNaming.normalize(sheet.name)
            let datasetName = DatasetNaming.unique(base, among: taken)
            taken.insert(FieldName.key(datasetName))
            var result = try dataset(cells, sheet: sheet.name, path: path, name: datasetName)
            if index == 0 { result.warnings = skipped + result.warnings }
            results.append(result)
        }
        return results
    }

    /// One sheet's cells as a dataset.
    private static func dataset(_ sheet: XLSXSheet, sheet sheetName: String, path: String, name: String) throws(Diagnostic) -> LoadResult {
        // A title above the table (one cell in a row, then a row of several) is not its header.
        let titles = sheet.rows.prefix(DialectSniffer.maximumPreamble + 1).firstIndex { $0.cells.count >= 2 } ?? 0
        let rows = sheet.rows.dropFirst(titles)
        let headerRow = rows[rows.startIndex]
        var width = 0
        for row in rows { for cell in row.cells { width = max(width, cell.column + 1) } }
        guard width <= DataLimits.maximumFields else {
            throw LoadMessages.tooManySheetColumns(path, sheetName, limit: DataLimits.maximumFields)
        }
        var used = [Bool](repeating: false, count: width)
        for row in rows { for cell in row.cells { used[cell.column] = true } }
        let kept = (0..<width).filter { used[$0] }
        var position = [Int](repeating: -1, count: width)
        for (index, column) in kept.enumerated() { position[column] = index }

        var headerCells = [String](repeating: "", count: kept.count)
        for cell in headerRow.cells { headerCells[position[cell.column]] = cell.text }
        var warnings: [Diagnostic] = []
        var headerWarnings: [Diagnostic] = []
        let header = HeaderParser.parse(headerCells, path: path, line: headerRow.number, warnings: &headerWarnings)
        warnings += headerWarnings.map { LoadMessages.within(LoadMessages.sheet(sheetName), $0) }

        var cells = [CellColumn](repeating: CellColumn(), count: kept.count)
        let dataRows = rows.dropFirst()
        for (rowIndex, row) in dataRows.enumerated() {
            for cell in row.cells {
                let index = position[cell.column]
                cells[index].pad(to: rowIndex)
                // A cell written twice (not by any spreadsheet program): the first counts.
                if cells[index].count == rowIndex { cells[index].append(cell.text) }
            }
        }
        for index in cells.indices { cells[index].pad(to: dataRows.count) }
        let rowNumbers = dataRows.map(\.number)
        func reference(_ row: Int, _ field: Int) -> String {
            XLSXSheet.columnName(kept[field]) + String(row < rowNumbers.count ? rowNumbers[row] : headerRow.number)
        }
        var columns: [ColumnAccumulator] = []
        for (field, column) in cells.enumerated() {
            do throws(CellColumn.Misfit) {
                columns.append(try column.accumulate(declared: header[field].declared))
            } catch {
                throw LoadMessages.notOfDeclaredTypeInSheet(column.text(at: error.row), field: header[field].name,
                    type: error.expected, path: path, sheet: sheetName, cell: reference(error.row, field))
            }
        }
        let built = columns.map { $0.build() }
        var fields = zip(header, built).map { Field($0.name, $1.type) }
        warnings += LoadNotes.annotate(&fields, columns: columns, built: built, declared: header.map(\.declared)) { row, field in
            (.path(path), LoadMessages.cellPlace(reference(row, field), sheet: sheetName))
        }
        if sheet.errorCells > 0, let first = sheet.firstError {
            warnings.append(LoadMessages.errorCells(path, sheetName, count: sheet.errorCells, first: first.reference, value: first.value))
        }
        let dataset = Dataset(name: name, fields: fields, columns: built, rowCount: dataRows.count,
            origin: LoadMessages.sheetOrigin(path, sheetName))
        let notes = titles > 0
            ? [LoadMessages.titleRowsSkipped(path, sheetName, count: titles, header: headerRow.number, first: sheet.rows[0].cells[0].text)]
            : []
        return LoadResult(dataset: dataset, warnings: warnings, notes: notes)
    }
}
