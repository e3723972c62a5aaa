import DossierSupport
import DossierDiagnostics
import DossierData

/// Every text the loaders put in a diagnostic, in one place: what is wrong with a file or a
/// directory, the warnings about its headers and messy columns, and what a JSON file holds
/// where the scanner stopped. Lower-case and specific, with the fix when there is one.
package enum LoadMessages {
    package static func cancelled(_ path: String) -> Diagnostic {
        Diagnostic(.cancelled, "load cancelled", at: .path(path))
    }

    // MARK: - Directories

    package static func aliasForDirectory(_ path: String) -> Diagnostic {
        Diagnostic(.badArgument, "`as NAME` names one dataset, but this is a directory", at: .path(path),
            hint: "load the directory without `as`, or load one file: load \(path)/FILE as NAME")
    }

    package static func noDataFiles(_ path: String, skipped: Int = 0) -> Diagnostic {
        Diagnostic(.unsupportedFormat,
            "no data files here" + (skipped > 0 ? " (\(skipped) file\(skipped == 1 ? "" : "s") skipped)" : ""), at: .path(path),
            hint: "dossier reads CSV, TSV, JSON, JSON Lines, Excel (.xlsx) and SQLite files")
    }

    /// Two files of a directory with the same stem: `file`, the later one, is `datasetName`.
    package static func datasetNameTaken(_ stem: String, by taken: String, file: String, datasetName: String, path: String)
        -> Diagnostic
    {
        Diagnostic(.dataWarning, "`\(stem)` is taken by \(taken); \(file) is loaded as `\(datasetName)`",
            at: .path(path), severity: .warning)
    }

    // MARK: - Any file

    package static func invalidUTF8(_ byte: UInt8, offset: Int, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.invalidUTF8, "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(offset))",
            at: location, hint: "save the file as UTF-8 (it may be Latin-1 or Windows-1252)")
    }

    package static func nulByte(offset: Int, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badData, "the file contains a NUL byte (at byte \(offset))", at: location,
            hint: "this looks like a binary file, or text saved as UTF-16; save it as UTF-8 text")
    }

    package static func fileChanged(_ path: String) -> Diagnostic {
        Diagnostic(.badData, "the file changed while it was being read", at: .path(path))
    }

    package static func distinctTextTooLarge(_ path: String) -> Diagnostic {
        Diagnostic(.tooLarge, "a text field holds more than 4 GB of distinct text", at: .path(path))
    }

    /// Where a row is, for a type note: `line 17`, `record 5`.
    package static func line(_ number: Int) -> String { "line \(number)" }
    package static func record(_ number: Int) -> String { "record \(number)" }

    // MARK: - Columns

    /// "`pop`: 2 cells hold `N/A`, read as missing values"
    package static func missingMarkers(field: String, _ summary: [(text: String, count: Int)], at location: Diagnostic.Location)
        -> Diagnostic
    {
        let total = summary.reduce(0) { $0 + $1.count }
        let spellings = summary.prefix(4).map { "`\($0.text)`" + (summary.count > 1 ? " (\($0.count))" : "") }
            .joined(separator: ", ")
        let cells = total == 1 ? "1 cell holds" : "\(NumberWords.grouped(total)) cells hold"
        return Diagnostic(.dataWarning, "`\(field)`: \(cells) \(spellings), read as missing values", at: location,
            severity: .warning, hint: "the rest of the column decides its type; `\(field) is missing` finds these rows")
    }

    /// "`code` is text: 3 of 1,204 values are not numbers (first: `unknown`, line 17)"
    package static func strayValues(field: String, _ note: TypeNote, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.dataWarning, note.sentence(field: field), at: location, severity: .warning,
            hint: "to use them as \(note.kind.rawValue): \(note.conversion(of: field)) (the values that are not become missing)")
    }

    /// A cell that is not of the type its header declares (`people:integer`).
    package static func notOfDeclaredType(_ shown: String, field: String, type: ValueType, at location: Diagnostic.Location)
        -> Diagnostic
    {
        Diagnostic(.badData,
            "`\(shown)` is not \(type == .integer ? "an" : "a") \(type.rawValue) (field `\(field)` is declared :\(type.headerName))",
            at: location, hint: "fix the value, leave the cell empty for missing, or remove the type from the header")
    }

    // MARK: - CSV and TSV

    package static func emptyCSV(_ path: String) -> Diagnostic {
        Diagnostic(.badData, "the file is empty", at: .path(path),
            hint: "a CSV file needs a header row naming its fields, such as: name,region")
    }

    /// `skip N` told to skip at least every line the file has.
    package static func skipLeavesNothing(_ path: String, skip: Int, lines: Int) -> Diagnostic {
        Diagnostic(.badData, "`skip \(skip)` leaves no lines to read: the file has \(NumberWords.grouped(lines))", at: .path(path),
            hint: "skip only the lines above the header, or leave `skip` out to have them guessed")
    }

    package static func tooManyHeaderFields(limit: Int, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.tooLarge, "the header has more than \(limit) fields", at: location,
            hint: "is this a CSV file? (a TSV file should end in .tsv)")
    }

    package static func emptyHeader(_ index: Int, namedIt name: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.dataWarning, "header \(index) is empty; named it `\(name)`", at: location, severity: .warning)
    }

    package static func duplicateHeader(_ name: String, renamed: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.dataWarning, "header `\(name)` appears twice; the second is named `\(renamed)`", at: location,
            severity: .warning)
    }

    package static func tooManyRows(limit: Int, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.tooLarge, "more than \(limit) rows", at: location)
    }

    package static func valueTooLong(limitBytes: Int, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.tooLarge, "a value longer than \(limitBytes >> 20) MB", at: location,
            hint: "is a closing quote missing before it?")
    }

    package static func shortRows(_ count: Int, header: Bool = true, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.dataWarning,
            "\(count) row\(count == 1 ? " has" : "s have") fewer fields than \(header ? "the header" : "the first rows"); the cells left out are missing",
            at: location, severity: .warning)
    }

    /// A row longer than the header, with something in the extra cells.
    package static func raggedRow(
        found: Int, more: Bool, expected: Int, delimiter: UInt8 = UInt8(ascii: ","), header: Bool = true,
        path: String, at location: Diagnostic.Location
    ) -> Diagnostic {
        let fields = "this row has \(more ? "more than " : "")\(found) field\(found == 1 ? "" : "s")"
        let hint = delimiter == UInt8(ascii: ",")
            ? "a value with a comma must be quoted: \"Libya, Rwanda\""
            : "a value with a \(CSVDialect.name(of: delimiter)) in it must be quoted, or the file read with another delimiter: load \(typed(path)) delimiter \",\""
        return Diagnostic(.badData, fields + (header ? ", the header has \(expected)" : ", the first rows have \(expected)"),
            at: location, hint: header ? hint : hint + "\n(or the first rows are a header after all: load \(typed(path)) header)")
    }

    /// `path` as it is typed after `load` in a hint: bare when the lexer reads it back whole
    /// (no white space or `;`, no quote or `#` in it), else in double quotes.
    package static func typed(_ path: String) -> String {
        let bare = !path.isEmpty && !path.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == ";"
                || scalar == "\"" || scalar == "'" || scalar == "`" || scalar == "#" || scalar == "\\"
        }
        return bare ? path : path.quotedAsString
    }

    package static func unterminatedQuote(at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badData, "a quoted field is never closed", at: location,
            hint: "add the closing \" (a quote inside a quoted field is written twice: \"\")")
    }

    package static func textAfterQuote(at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badData, "text after the closing quote of a field", at: location,
            hint: "a quote inside a quoted field is written twice: \"5\"\" screen\"")
    }

    // MARK: - JSON and JSON Lines

    package static func emptyJSON(_ path: String, lines: Bool) -> Diagnostic {
        Diagnostic(.badData, "the file is empty", at: .path(path),
            hint: lines ? "JSON Lines holds one object a line: {\"name\": \"Libya\"}"
                : "a JSON file holds an array of objects: [{\"name\": \"Libya\"}]")
    }

    package static func noRecords(_ path: String, anyRecord: Bool) -> Diagnostic {
        Diagnostic(.notTabular, anyRecord ? "the records have no fields" : "the file holds no records", at: .path(path))
    }

    package static func keysDifferInCase(_ first: String, _ key: String, renamed name: String, path: String) -> Diagnostic {
        Diagnostic(.dataWarning, "keys `\(first)` and `\(key)` differ only in case; the second is named `\(name)`",
            at: .path(path), severity: .warning)
    }

    package static func keyTwiceInRecord(_ key: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.dataWarning, "`\(key)` appears twice in one record; the first value is kept", at: location,
            severity: .warning)
    }

    /// A JSON failure at a byte offset, as a diagnostic at `location`.
    package static func badJSON(_ failure: JSONScanner.Failure, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(failure.notTabular ? .notTabular : .badData, failure.message, at: location, hint: failure.hint)
    }

    /// What stands where the JSON scanner stopped: `byte` (nil at the end of the file).
    package static func jsonFound(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file" }
        return byte >= 0x20 && byte < 0x7F ? "`\(Character(Unicode.Scalar(byte)))`" : "byte 0x\(String(byte, radix: 16))"
    }

    /// "…, found `x`": a problem at `offset`, where `found` stands.
    private static func json(_ message: String, found: String, at offset: Int, hint: String? = nil) -> JSONScanner.Failure {
        JSONScanner.Failure(offset: offset, message: "\(message), found \(found)", hint: hint)
    }

    package static func expectedString(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected a string", found: found, at: offset)
    }

    package static func expectedColonAfterName(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected `:` after the name", found: found, at: offset)
    }

    package static func expectedObjectStart(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected `{`", found: found, at: offset)
    }

    package static func expectedObjectEnd(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected `,` or `}` in an object", found: found, at: offset)
    }

    package static func expectedArrayStart(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected `[`", found: found, at: offset)
    }

    package static func expectedArrayEnd(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected `,` or `]` in an array", found: found, at: offset)
    }

    package static func expectedRecordSeparator(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected `,` or `]` after a record", found: found, at: offset)
    }

    package static func expectedDataArray(found: String, at offset: Int) -> JSONScanner.Failure {
        var failure = json("expected an array of objects", found: found, at: offset,
            hint: "a JSON file holds [{\"name\": \"Libya\"}, ...]; for one object a line, name the file .jsonl")
        failure.notTabular = true
        return failure
    }

    /// An object at the top of a JSON file whose array members (`arrays`) leave unclear which
    /// one is the data.
    package static func unclearDataArray(_ arrays: [String], at offset: Int) -> JSONScanner.Failure {
        let names = arrays.map { "\"\($0)\"" }.joined(separator: ", ")
        return JSONScanner.Failure(offset: offset,
            message: arrays.isEmpty ? "expected an array of records, found an object without one"
                : "this object has several arrays (\(names)); which one is the data is not clear",
            hint: "dossier reads an array of objects, or an object with exactly one array member", notTabular: true)
    }

    package static func expectedEndOfFile(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected the end of the file after the data", found: found, at: offset)
    }

    /// JSON Lines: more after an object on its line; `afterObject` when the object took some of it.
    package static func expectedNewLine(found: String, at offset: Int, afterObject: Bool) -> JSONScanner.Failure {
        json("expected a new line after the object", found: found, at: offset,
            hint: afterObject ? "JSON Lines holds one object a line" : nil)
    }

    package static func expectedRecordObject(found: String, at offset: Int) -> JSONScanner.Failure {
        var failure = json("expected an object for each record", found: found, at: offset,
            hint: "each record is an object such as {\"name\": \"Libya\", \"region\": \"Africa\"}")
        failure.notTabular = true
        return failure
    }

    /// Stands for a load that stopped (cancelled, or bad bytes); the reader reports why instead.
    package static func interrupted(at offset: Int) -> JSONScanner.Failure {
        JSONScanner.Failure(offset: offset, message: "load cancelled")
    }

    package static func objectsTooDeep(limit: Int, found: String, at offset: Int) -> JSONScanner.Failure {
        json("objects nested more than \(limit) deep", found: found, at: offset)
    }

    package static func valuesTooDeep(limit: Int, found: String, at offset: Int) -> JSONScanner.Failure {
        json("values nested more than \(limit) deep", found: found, at: offset)
    }

    package static func tooManyJSONFields(limit: Int, at offset: Int) -> JSONScanner.Failure {
        JSONScanner.Failure(offset: offset, message: "more than \(limit) different fields")
    }

    package static func controlCharacterInString(found: String, at offset: Int) -> JSONScanner.Failure {
        json("a line break or control character inside a string", found: found, at: offset, hint: "write it as \\n")
    }

    package static func unclosedString(at offset: Int) -> JSONScanner.Failure {
        JSONScanner.Failure(offset: offset, message: "this string is never closed", hint: "add the closing \"")
    }

    package static func stringTooLong(limitBytes: Int, found: String, at offset: Int) -> JSONScanner.Failure {
        json("a string longer than \(limitBytes >> 20) MB", found: found, at: offset, hint: "is a closing quote missing?")
    }

    package static func unknownEscape(found: String, at offset: Int) -> JSONScanner.Failure {
        json("an unknown escape in a string", found: found, at: offset,
            hint: "JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
    }

    package static func expectedHexDigits(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected four hex digits after \\u", found: found, at: offset)
    }

    /// Where a number should be.
    package static func expectedNumberValue(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected a value", found: found, at: offset)
    }

    package static func expectedValue(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected a value (a string, number, true, false, null, an array or an object)", found: found, at: offset)
    }

    package static func leadingZero(found: String, at offset: Int) -> JSONScanner.Failure {
        json("a number with a leading zero", found: found, at: offset,
            hint: "JSON numbers cannot start with 0; quote codes such as \"004\"")
    }

    package static func expectedFractionDigits(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected digits after the decimal point", found: found, at: offset)
    }

    package static func expectedExponentDigits(found: String, at offset: Int) -> JSONScanner.Failure {
        json("expected digits in the exponent", found: found, at: offset)
    }
}
