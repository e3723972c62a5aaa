import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierOutput
import DossierLoad

/// Every text a session puts in a diagnostic, in one place: errors of statements (an unknown
/// sample, option or help topic, a file that cannot be saved) and the notes that say what a
/// statement did (`loaded`, `replaced`, `saved`, `no rows: …`, what `describe` found).
/// Notes are note-level diagnostics with an id, never part of a result.
package enum SessionMessages {
    private static func note(_ id: DiagnosticID, _ text: String) -> Diagnostic {
        Diagnostic(id, text, severity: .note)
    }

    /// `3 rows`, `1 row`.
    private static func rows(_ count: Int) -> String {
        "\(count) row\(count == 1 ? "" : "s")"
    }

    // MARK: - Running statements

    /// A script with `broken` statements that do not parse, none of it run.
    package static func nothingRun(broken: Int, path: String?) -> Diagnostic {
        let count = broken == 1 ? "a statement has a syntax error" : "\(broken) statements have syntax errors"
        return note(.nothingRun, "nothing was run: \(count) (\(path ?? "the input") is parsed whole before it runs)")
    }

    package static func cancelled() -> Diagnostic {
        note(.cancelled, "cancelled; every dataset is as it was")
    }

    /// A problem with the file at `path`, reported at the statement that named it.
    package static func aboutFile(_ path: String, _ message: String) -> String {
        "\(path): \(message)"
    }

    package static func timing(_ duration: Duration) -> Diagnostic {
        note(.timing, "time: \(format(duration))")
    }

    /// `0.42 ms`, `12.3 ms`, `1.25 s`.
    package static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        if milliseconds < 10 { return String(Double(Int(milliseconds * 100)) / 100) + " ms" }
        if milliseconds < 1000 { return String(Double(Int(milliseconds * 10)) / 10) + " ms" }
        return String(Double(Int(milliseconds / 10)) / 100) + " s"
    }

    // MARK: - load, samples, datasets

    /// No sample `name`: the closest of `available`, else the list, else where samples are found.
    package static func unknownSample(_ name: String, available: [String], at location: Diagnostic.Location) -> Diagnostic {
        let close = Suggestions.closest(to: name, in: available)
        var hint = available.isEmpty ? noSamplesText : "samples: " + available.joined(separator: ", ")
        if let best = close.first { hint = "did you mean `\(best)`?" }
        return Diagnostic(.unknownDataset, "no sample named `\(name)`", at: location, hint: hint)
    }

    private static let noSamplesText = "no samples were found; set DOSSIER_SAMPLES to the samples folder"

    package static func noSamples() -> Diagnostic {
        note(.nothingLoaded, noSamplesText)
    }

    package static func nothingLoaded() -> Diagnostic {
        note(.nothingLoaded, "nothing is loaded; try: load sample third-country-deals")
    }

    /// `12 rows, 3 fields from data/deals.csv`
    private static func shape(_ dataset: Dataset) -> String {
        "\(rows(dataset.rowCount)), \(dataset.fields.count) field\(dataset.fields.count == 1 ? "" : "s") from \(dataset.origin)"
    }

    package static func loaded(_ dataset: Dataset) -> Diagnostic {
        note(.loaded, "loaded `\(dataset.name)`: \(shape(dataset))")
    }

    package static func replaced(_ previous: Dataset, with dataset: Dataset) -> Diagnostic {
        note(.replaced, "replaced `\(dataset.name)` (\(rows(previous.rowCount)) from \(previous.origin)) with \(shape(dataset))")
    }

    package static func replacedNamedQuery(with dataset: Dataset) -> Diagnostic {
        note(.replaced, "replaced the named query `\(dataset.name)` with a dataset: \(shape(dataset))")
    }

    // MARK: - save, run

    package static func unknownSaveFormat(_ path: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.unsupportedFormat, "cannot tell the format from the name `\(path)`", at: location,
            hint: "end the name with .csv, .tsv, .json, .jsonl or .md (or .svg for the query's chart)")
    }

    package static func cannotSave(to path: String, _ reason: String) -> String {
        "cannot save to \(path): \(reason)"
    }

    package static func saved(_ count: Int, to path: String) -> Diagnostic {
        note(.saved, "saved \(rows(count)) to \(path)")
    }

    package static func savedChart(_ count: Int, to path: String) -> Diagnostic {
        note(.saved, "saved a chart of \(rows(count)) to \(path)")
    }

    package static func scriptsTooDeep(limit: Int, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.recursion, "scripts run each other more than \(limit) deep", at: location, hint: "does the script run itself?")
    }

    package static func cannotRun(_ path: String, _ reason: String) -> String {
        "cannot run \(path): \(reason)"
    }

    // MARK: - describe, drop, let

    /// `countries: 14 rows, 5 fields, from data/countries.csv`; `origin` says where it is from.
    package static func describeSummary(_ name: String, rows count: Int, fields: Int, origin: String) -> Diagnostic {
        note(.summary, "\(name): \(rows(count)), \(fields) field\(fields == 1 ? "" : "s"), \(origin)")
    }

    package static func fromOrigin(_ origin: String) -> String { "from \(origin)" }

    package static func fromNamedQuery(_ text: String) -> String { "the named query " + text }

    /// A field that is text because of a few stray values, and the conversion that reads it.
    package static func strayValuesNote(_ note: TypeNote, field: String) -> Diagnostic {
        self.note(.typeNote, note.sentence(field: field) + "; \(note.conversion(of: field)) reads them")
    }

    package static func binaryFloatingPointNote(field: String) -> Diagnostic {
        note(.typeNote, "`\(field)` holds numbers beyond 18 significant digits: they are binary floating point, "
            + "so its sums and averages are approximate")
    }

    package static func nothingToDrop(_ name: String, known names: [String], at location: Diagnostic.Location) -> Diagnostic {
        let close = Suggestions.closest(to: name, in: names)
        return Diagnostic(.unknownDataset, "nothing named `\(name)` to drop", at: location,
            hint: close.first.map { "did you mean `\($0)`?" } ?? "datasets: " + names.joined(separator: ", "))
    }

    package static func droppedDataset(_ name: String) -> Diagnostic {
        note(.dropped, "dropped the dataset `\(name)`")
    }

    package static func droppedNamedQuery(_ name: String) -> Diagnostic {
        note(.dropped, "dropped the named query `\(name)`")
    }

    package static func nameIsDataset(_ name: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.duplicateName, "a dataset named `\(name)` is loaded", at: location, hint: "choose another name, or `drop \(name)` first")
    }

    package static func defined(_ name: String, rows count: Int, again: Bool) -> Diagnostic {
        note(.defined, "\(again ? "redefined" : "defined") `\(name)` (\(rows(count)) now; re-evaluated each time it is used)")
    }

    // MARK: - Queries, cite

    /// Why a result is empty: the lines of `EmptyResultExplainer`.
    package static func emptyResult(_ lines: [String]) -> Diagnostic {
        note(.emptyResult, lines.joined(separator: "\n"))
    }

    package static func emptySource(_ name: String) -> String {
        "no rows: `\(name)` is empty"
    }

    /// `no rows: 14 → 4 → 0; `where …` removed the last 4 rows`
    package static func emptiedBy(_ counts: [Int], clause: String, removed: Int) -> String {
        let chain = counts.map(String.init).joined(separator: " → ")
        return "no rows: \(chain); `\(clause)` removed the last \(removed == 1 ? "row" : "\(removed) rows")"
    }

    /// `no countries have concern "right"`, and what the field holds instead.
    private static func absent(_ value: String, field: String, source: String) -> String {
        "no \(source) have \(field) \"\(value)\""
    }

    package static func absentValue(_ value: String, field: String, source: String, closest: [String]) -> String {
        absent(value, field: field, source: source) + "; closest: " + closest.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    package static func absentValueAlwaysMissing(_ value: String, field: String, source: String) -> String {
        absent(value, field: field, source: source) + "; \(field) is always missing"
    }

    package static func absentValueOneOf(_ value: String, field: String, source: String, values: [String]) -> String {
        absent(value, field: field, source: source) + "; \(field) is one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    package static func absentValuePartOfText(_ value: String, field: String, source: String, word: String) -> String {
        absent(value, field: field, source: source) + "; for part of a text, try: \(field) contains \"\(word)\""
    }

    package static func containsKeepsAccents(field: String, needle: String, example: String) -> String {
        "`contains` keeps accents, and \"\(example)\" has \"\(needle)\" with them; "
            + "to ignore accents, try: \(field) mentions \"\(needle)\""
    }

    package static func citeCombinedRecords(_ source: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.misplacedClause, "`cite` shows the records behind rows, but this clause combines records", at: location,
            hint: "cite the rows themselves: cite \(source) where ...")
    }

    /// `names` (the datasets a result rests on) carry no `quote` field.
    package static func nothingToCite(_ names: [String], at location: Diagnostic.Location) -> Diagnostic {
        let quoted = names.map { "`\($0)`" }
        let subject = quoted.isEmpty ? "this result" : quoted.joined(separator: " and ")
        return Diagnostic(.unknownField, "\(subject) \(quoted.count > 1 ? "have" : "has") no `quote` field to cite", at: location,
            hint: "cite works on datasets whose rows carry the sentence they rest on, in a field named quote (and the source in source)")
    }

    // MARK: - set, help

    package static func unknownFormat(_ value: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.unknownOption, "`\(value)` is not an output format", at: location,
            hint: "formats: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
    }

    package static func formatSet(_ format: OutputFormat) -> Diagnostic {
        note(.optionSet, "output format: \(format.rawValue)")
    }

    /// No option `option`: the closest of `known`, else how each is set.
    package static func unknownOption(_ option: String, known: [String], at location: Diagnostic.Location) -> Diagnostic {
        let close = Suggestions.closest(to: option, in: known)
        return Diagnostic(.unknownOption, "there is no option `\(option)`", at: location,
            hint: close.first.map { "did you mean `set \($0)`?" } ?? "options: set format F, set timer on|off, set pager on|off (`set` alone lists them)")
    }

    package static func expectedOnOrOff(_ value: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.unknownOption, "expected on or off, found `\(value)`", at: location)
    }

    /// No help on `topic`: the closest of `names` (topics and aliases), else the topics.
    package static func unknownHelpTopic(_ topic: String, names: [String], topics: [String], at location: Diagnostic.Location) -> Diagnostic {
        let close = Suggestions.closest(to: topic, in: names)
        return Diagnostic(.unknownHelpTopic, "no help on `\(topic)`", at: location,
            hint: close.first.map { "did you mean `help \($0)`?" } ?? "topics: " + topics.joined(separator: ", "))
    }
}

extension SessionMessages {
    // MARK: - load options

    package static func loadOptionTwice(_ option: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badArgument, "`\(option)` is given twice", at: location, hint: "keep one")
    }

    /// `delimiter ";"`, `delimiter tab`, `delimiter "\t"`: the byte, or nil.
    package static func delimiterByte(_ value: String) -> UInt8? {
        switch value.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        case "space": return UInt8(ascii: " ")
        default:
            guard value.utf8.count == 1, let byte = value.utf8.first, byte < 0x80, byte != 0x0A, byte != 0x0D,
                byte != UInt8(ascii: "\""), !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            else { return nil }
            return byte
        }
    }

    package static func badDelimiter(_ value: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badArgument, "`\(value)` cannot separate fields", at: location,
            hint: "give one character in quotes, or a name: delimiter \";\", delimiter \"|\", delimiter tab")
    }

    package static func badQuote(_ value: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badArgument, "`\(value)` cannot quote fields", at: location, hint: "give one character: quote \"'\"")
    }

    package static func delimiterIsQuote(at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badArgument, "the delimiter and the quote are the same character", at: location)
    }

    package static func badSkip(_ value: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badArgument, "`skip` takes a number of lines, not `\(value)`", at: location, hint: "skip 3")
    }

    package static func badEncoding(_ value: String, at location: Diagnostic.Location) -> Diagnostic {
        let names = ["utf-8", "utf-16", "utf-16be", "windows-1252", "latin1"]
        let close = Suggestions.closest(to: value, in: names)
        return Diagnostic(.badArgument, "unknown encoding `\(value)`", at: location,
            hint: close.first.map { "did you mean `\($0)`?" } ?? "dossier reads \(TextEncoding.acceptedNames)")
    }

    package static func badPart(_ option: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.badArgument, "`\(option)` needs a name", at: location, hint: "\(option) \"Sheet1\"")
    }
}
