import DossierSupport
import DossierDiagnostics
import DossierData

/// The texts of loading files other than plain CSV and JSON: binary files dossier does not
/// read, workbooks, databases, globs and directories, encodings and CSV dialects.
extension LoadMessages {
    // MARK: - Kinds of file

    /// "report.parquet: error: this is a Parquet file; dossier reads CSV, …"
    package static func unsupportedKind(_ path: String, _ kind: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.unsupportedFormat, "this is \(kind); \(FileSignature.readableKinds)", at: .path(path), hint: hint)
    }

    /// What to do with a kind of file dossier does not read.
    package static func conversionHint(_ kind: String) -> String? {
        if kind.contains("Parquet") || kind.contains("Arrow") || kind.contains("ORC") || kind.contains("Avro") {
            return "export it as CSV first, for example with duckdb: COPY (FROM 'file.parquet') TO 'file.csv'"
        }
        if kind.contains("compressed") { return "decompress it first (gunzip, bunzip2, unxz, unzstd), then load the file inside" }
        if kind.contains("old Office") { return "open it in a spreadsheet program and save it as .xlsx or CSV" }
        if kind.contains("OpenDocument") { return "open it in LibreOffice and save it as .xlsx or CSV" }
        if kind.contains("ZIP") || kind.contains("archive") { return "unzip it, then load the files inside" }
        if kind.contains("PDF") { return "tables in a PDF need extracting first (for example with tabula or pdftotext -layout)" }
        if kind.contains("image") { return "a picture of a table has no data in it: ask for the table as CSV or a spreadsheet" }
        return "save the data as CSV from the program that made it"
    }

    // MARK: - Workbooks

    package static func notAWorkbook(_ path: String, kind: String = "a ZIP archive without a workbook") -> Diagnostic {
        unsupportedKind(path, kind, hint: conversionHint(kind))
    }

    package static func zipLibraryMissing(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.fileUnreadable, "reading Excel files needs libDossierZip.so, which was not found (\(reason))", at: .path(path),
            hint: "build it beside the dossier binary with `make build` (or set DOSSIER_ZIP_LIBRARY to its path), or save the sheet as CSV")
    }

    package static func damagedArchive(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(.badData, "cannot read this workbook: \(reason)", at: .path(path),
            hint: "open it in a spreadsheet program and save it again, or save the sheet as CSV")
    }

    package static func damagedPart(_ path: String, part: String, _ failure: XMLScanner.Failure) -> Diagnostic {
        Diagnostic(.badData, "the workbook is damaged: \(failure.message) in \(part) (byte \(failure.offset))", at: .path(path),
            hint: "open it in a spreadsheet program and save it again")
    }

    package static func badCellReference(_ path: String, part: String, _ reference: String) -> Diagnostic {
        Diagnostic(.badData, "the workbook is damaged: `\(reference)` in \(part) is no cell Excel has", at: .path(path),
            hint: "open it in a spreadsheet program and save it again")
    }

    package static func badSharedString(_ path: String, part: String, reference: String, index: String, count: Int) -> Diagnostic {
        Diagnostic(.badData,
            "the workbook is damaged: cell \(reference) in \(part) refers to shared string \(index), but there are \(count)",
            at: .path(path), hint: "open it in a spreadsheet program and save it again")
    }

    package static func noSuchSheet(_ path: String, _ wanted: String, sheets: [String]) -> Diagnostic {
        let close = Suggestions.closest(to: wanted, in: sheets)
        return Diagnostic(.badArgument, "the workbook has no sheet named \"\(wanted)\"", at: .path(path),
            hint: close.first.map { "did you mean \"\($0)\"?" } ?? "its sheets: " + sheets.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    package static func sheetHasNoCells(_ path: String, _ sheet: String) -> Diagnostic {
        Diagnostic(.badData, "sheet \"\(sheet)\" is a chart, not a table", at: .path(path))
    }

    package static func skippedChartSheet(_ path: String, _ sheet: String) -> Diagnostic {
        Diagnostic(.dataWarning, "sheet \"\(sheet)\" is a chart, not a table; skipped", at: .path(path), severity: .warning)
    }

    package static func emptySheet(_ path: String, _ sheet: String, asked: Bool) -> Diagnostic {
        asked
            ? Diagnostic(.badData, "sheet \"\(sheet)\" is empty", at: .path(path))
            : Diagnostic(.dataWarning, "sheet \"\(sheet)\" is empty; skipped", at: .path(path), severity: .warning)
    }

    package static func emptyWorkbook(_ path: String) -> Diagnostic {
        Diagnostic(.badData, "the workbook has no sheet with any cells", at: .path(path),
            hint: "a workbook whose data is in charts or pictures only has no table to load")
    }

    package static func tooManySheetColumns(_ path: String, _ sheet: String, limit: Int) -> Diagnostic {
        Diagnostic(.tooLarge, "sheet \"\(sheet)\" has more than \(limit) columns", at: .path(path))
    }

    /// A header warning (renamed, empty) said of a sheet or a table: `place` is `sheet "Costs"`.
    package static func within(_ place: String, _ warning: Diagnostic) -> Diagnostic {
        var placed = warning
        placed.message = "\(place): " + warning.message
        if case .file(let path, _, _, _) = warning.location { placed.location = .path(path) }
        return placed
    }

    package static func sheet(_ name: String) -> String { "sheet \"\(name)\"" }
    package static func table(_ name: String) -> String { "table \"\(name)\"" }

    package static func notOfDeclaredTypeInSheet(_ shown: String, field: String, type: ValueType, path: String, sheet: String, cell: String)
        -> Diagnostic
    {
        Diagnostic(.badData,
            "`\(shown)` in cell \(cell) of sheet \"\(sheet)\" is not \(type == .integer ? "an" : "a") \(type.rawValue) (field `\(field)` is declared :\(type.headerName))",
            at: .path(path), hint: "fix the value, leave the cell empty for missing, or remove the type from the header")
    }

    /// Where a value is, in a type note: "cell B7 of sheet "Costs"".
    package static func cellPlace(_ reference: String, sheet: String) -> String { "cell \(reference) of sheet \"\(sheet)\"" }

    package static func errorCells(_ path: String, _ sheet: String, count: Int, first: String, value: String) -> Diagnostic {
        let cells = count == 1 ? "1 cell holds an error value" : "\(NumberWords.grouped(count)) cells hold error values"
        return Diagnostic(.dataWarning, "sheet \"\(sheet)\": \(cells) (first: \(value) in \(first)), read as missing",
            at: .path(path), severity: .warning, hint: "these are formulas that failed in the spreadsheet")
    }

    package static func titleRowsSkipped(_ path: String, _ sheet: String, count: Int, header: Int, first: String) -> Diagnostic {
        let shown = first.count > 40 ? String(first.prefix(40)) + "…" : first
        return Diagnostic(.readAs,
            "sheet \"\(sheet)\": the header is row \(header); \(count == 1 ? "the row" : "\(count) rows") above it (\"\(shown)\") skipped as a title",
            at: .path(path), severity: .note)
    }

    package static func sheetOrigin(_ path: String, _ sheet: String) -> String { "\(path), sheet \"\(sheet)\"" }

    // MARK: - Databases

    package static func sqliteMissing(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.fileUnreadable, "reading SQLite databases needs the system's libsqlite3, which was not found (\(reason))",
            at: .path(path), hint: "install it: apt-get install libsqlite3-0")
    }

    package static func databaseFailed(_ path: String, _ message: String, while doing: String?) -> Diagnostic {
        Diagnostic(.badData, "cannot read this SQLite database" + (doing.map { " (\($0))" } ?? "") + ": \(message)", at: .path(path),
            hint: message.contains("malformed") || message.contains("not a database")
                ? "the file is damaged or not a database; `sqlite3 FILE .recover` may save what is left" : nil)
    }

    package static func noSuchTable(_ path: String, _ wanted: String, tables: [String]) -> Diagnostic {
        let close = Suggestions.closest(to: wanted, in: tables)
        return Diagnostic(.badArgument, "the database has no table named \"\(wanted)\"", at: .path(path),
            hint: close.first.map { "did you mean \"\($0)\"?" }
                ?? (tables.isEmpty ? nil : "its tables: " + tables.map { "\"\($0)\"" }.joined(separator: ", ")))
    }

    package static func noTables(_ path: String) -> Diagnostic {
        Diagnostic(.badData, "the database has no tables", at: .path(path), hint: "`sqlite3 FILE .schema` shows what it holds")
    }

    package static func tooManyTableColumns(_ path: String, _ table: String, limit: Int) -> Diagnostic {
        Diagnostic(.tooLarge, "table \"\(table)\" has more than \(limit) columns", at: .path(path))
    }

    package static func blobCell(bytes: Int) -> String { "(blob, \(bytes) byte\(bytes == 1 ? "" : "s"))" }

    package static func blobValues(_ path: String, table: String, field: String, count: Int) -> Diagnostic {
        Diagnostic(.dataWarning,
            "table \"\(table)\": `\(field)` holds \(count == 1 ? "1 binary value, shown as its size" : "\(NumberWords.grouped(count)) binary values, shown as their size")",
            at: .path(path), severity: .warning)
    }

    package static func affinityMismatch(_ path: String, table: String, field: String, declared: String, holds: String) -> Diagnostic {
        Diagnostic(.dataWarning,
            "table \"\(table)\": `\(field)` is declared \(declared) but also holds \(holds); its type is read from its values",
            at: .path(path), severity: .warning)
    }

    package static func tableRowPlace(_ row: Int, table: String) -> String { "row \(row) of table \"\(table)\"" }

    package static func tableOrigin(_ path: String, _ table: String) -> String { "\(path), table \"\(table)\"" }
}

/// What the CSV reader found about how a file is written, for the note after the load.
package struct DialectReport {
    package var delimiter: UInt8
    package var guessedDelimiter: Bool
    package var guessedQuote: Bool
    package var guessedNoHeader: Bool
    package var namesFromComment: Bool
    package var commentLines: Int
    package var preambleLines: Int
    package var decimalCommaFields: [String] = []
    /// Without a header: the line of the first record.
    package var headerLine: Int?

    package init(guess: DialectSniffer.Guess, commentLines: Int) {
        delimiter = guess.dialect.delimiter
        guessedDelimiter = guess.guessedDelimiter
        guessedQuote = guess.guessedQuote
        guessedNoHeader = guess.guessedNoHeader
        namesFromComment = guess.namesFromComment != nil
        self.commentLines = commentLines
        preambleLines = guess.preambleLines
    }
}

extension DiagnosticID {
    /// How a delimited file was read, when any of it was guessed.
    package static let readAs = DiagnosticID(rawValue: "read-as")
    /// A text file that was not UTF-8, converted.
    package static let converted = DiagnosticID(rawValue: "converted")
    /// A file a directory or glob load passed over.
    package static let skippedFile = DiagnosticID(rawValue: "skipped-file")
    /// Well-formed data that holds no table: a directory load skips it.
    package static let notTabular = DiagnosticID(rawValue: "not-tabular")
    /// Bytes that are not UTF-8: the loader reads the file again as Windows-1252.
    package static let invalidUTF8 = DiagnosticID(rawValue: "invalid-utf8")
}

extension LoadMessages {
    // MARK: - CSV dialects

    /// "read as `;`-separated, decimal commas in `price`, 2 comment lines skipped", with the
    /// options that read it otherwise; nil when nothing was guessed.
    package static func readAs(_ path: String, _ report: DialectReport) -> Diagnostic? {
        var pieces: [String] = []
        var options: [String] = []
        let separated = report.delimiter == 0x09 ? "tab-separated"
            : report.delimiter == UInt8(ascii: ",") ? "comma-separated" : "`\(CSVDialect.name(of: report.delimiter))`-separated"
        if report.guessedDelimiter { options.append("delimiter \",\"") }
        if report.guessedQuote {
            pieces.append("with ' as the quote")
            options.append("quote '\"'")
        }
        if !report.decimalCommaFields.isEmpty {
            pieces.append("decimal commas in " + report.decimalCommaFields.prefix(4).map { "`\($0)`" }.joined(separator: ", ")
                + (report.decimalCommaFields.count > 4 ? " and \(report.decimalCommaFields.count - 4) more" : ""))
        }
        if report.commentLines > 0 {
            pieces.append("\(NumberWords.grouped(report.commentLines)) comment line\(report.commentLines == 1 ? "" : "s") skipped")
        }
        if report.preambleLines > 0 {
            pieces.append("\(report.preambleLines) line\(report.preambleLines == 1 ? "" : "s") before the header skipped")
            options.append("skip 0")
        }
        if report.guessedNoHeader {
            pieces.append(report.namesFromComment ? "no header row (names from the comment above the data)"
                : "no header row (columns named column_1, column_2, …)")
            options.append("header")
        }
        guard report.guessedDelimiter || !pieces.isEmpty else { return nil }
        let message = "read as \(separated)" + (pieces.isEmpty ? "" : ", " + pieces.joined(separator: ", "))
        return Diagnostic(.readAs, message, at: .path(path), severity: .note,
            hint: options.isEmpty ? nil : "if that is wrong: load \(typed(path)) " + options.joined(separator: " "))
    }

    /// Rows with more cells than the header, all of them empty (`1,2,` under `a,b`).
    package static func emptyExtraCells(_ count: Int, fields: Int, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.dataWarning,
            "\(NumberWords.grouped(count)) row\(count == 1 ? " has" : "s have") empty cells beyond the \(fields) field\(fields == 1 ? "" : "s") of the header; they are left out",
            at: location, severity: .warning)
    }

    // MARK: - Encodings

    /// An invalid byte in a file that is otherwise UTF-8.
    package static func damagedUTF8Hint(_ path: String) -> String {
        "the rest of the file is UTF-8, so this byte is damaged: correct it, or read the whole file in another encoding: load \(typed(path)) encoding latin1"
    }

    package static func convertedEncoding(_ path: String, _ encoding: TextEncoding, guessed: Bool) -> Diagnostic {
        Diagnostic(.converted,
            guessed ? "the file is not UTF-8; read it as \(encoding.displayName)" : "read as \(encoding.displayName), as asked",
            at: .path(path), severity: guessed ? .warning : .note,
            hint: guessed && (encoding == .latin1 || encoding == .windows1252)
                ? "if letters look wrong, say which encoding it is: load \(typed(path)) encoding \"\(encoding == .latin1 ? "windows-1252" : "latin1")\"" : nil)
    }

    package static func unknownEncoding(_ name: String) -> String {
        "unknown encoding \"\(name)\"; dossier reads \(TextEncoding.acceptedNames)"
    }
}

extension LoadMessages {
    // MARK: - Directories and globs

    package static func skippedFile(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.skippedFile, "skipped: \(reason)", at: .path(path), severity: .warning)
    }

    package static let notADataFile = "not a data file (dossier reads .csv .tsv .json .jsonl .xlsx .sqlite .db)"

    package static func globMatchesNothing(_ pattern: String) -> Diagnostic {
        Diagnostic(.fileNotFound, "no file matches this pattern", at: .path(pattern),
            hint: "`*` stands for any characters and `?` for one: load data/*.csv as trips")
    }

    package static func stackedFileHasParts(_ path: String, count: Int) -> Diagnostic {
        Diagnostic(.badArgument, "this file holds \(count) tables; files stacked with `as` must hold one each", at: .path(path),
            hint: "load it alone, or choose one: load \(typed(path)) sheet \"NAME\"")
    }

    package static func stackedFieldsDiffer(_ path: String, fields: [String], first: String, firstFields: [String]) -> Diagnostic {
        let missing = firstFields.filter { name in !fields.contains { FieldName.key($0) == FieldName.key(name) } }
        let extra = fields.filter { name in !firstFields.contains { FieldName.key($0) == FieldName.key(name) } }
        var differences: [String] = []
        if !missing.isEmpty { differences.append("it has no " + missing.prefix(5).map { "`\($0)`" }.joined(separator: ", ")) }
        if !extra.isEmpty { differences.append("it has " + extra.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + " too") }
        return Diagnostic(.badData,
            "files stacked into one dataset need the same fields, but this one differs from \(first): " + differences.joined(separator: "; "),
            at: .path(path), hint: "load the files without `as` to get one dataset each")
    }

    /// A stacked field whose type differs between files, read as the type that loses no value;
    /// `types` are its types, each with the first file that has it.
    package static func stackedTypesDiffer(_ pattern: String, field: String, readAs type: ValueType,
                                           types: [(type: String, path: String)]) -> Diagnostic {
        Diagnostic(.dataWarning,
            "`\(field)` is read as \(type.rawValue): its type differs between the files ("
                + types.map { "\($0.type) in \($0.path)" }.joined(separator: ", ") + ")",
            at: .path(pattern), severity: .warning)
    }

    package static func stacked(_ pattern: String, files: [String], field: String) -> Diagnostic {
        let shown = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
        return Diagnostic(.readAs, "stacked \(files.count) file\(files.count == 1 ? "" : "s") (\(shown)); `\(field)` says which each row is from",
            at: .path(pattern), severity: .note)
    }

    // MARK: - Options

    package static func misnamed(_ path: String, named: String, found: String) -> Diagnostic {
        Diagnostic(.unsupportedFormat, "this file is named as \(named) but holds \(found)", at: .path(path),
            hint: found == "text" ? "if it is CSV, rename it to .csv" : "open it in the program that made it and save it again")
    }

    /// Options for delimited text given for another kind of file (JSON takes `encoding`).
    package static func optionNotFor(_ path: String, _ kind: String) -> Diagnostic {
        let options = kind == "JSON" ? "`delimiter`, `quote`, `header` and `skip`" : "`delimiter`, `quote`, `header`, `skip` and `encoding`"
        return Diagnostic(.badArgument, "\(options) are for CSV and TSV files, and this is \(kind)",
            at: .path(path), hint: kind == "JSON" ? "JSON takes only `encoding`" : "load it without them")
    }

    package static func partOptionNotFor(_ path: String) -> Diagnostic {
        Diagnostic(.badArgument, "`sheet` and `table` choose a part of an Excel workbook or a SQLite database, and this is a text file",
            at: .path(path), hint: "load it without `sheet`")
    }
}
