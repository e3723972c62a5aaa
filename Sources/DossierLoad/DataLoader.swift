import DossierSupport
import DossierDiagnostics
import DossierData

/// `load PATH [as NAME] [options]`: a file, every data file of a directory, or the files a
/// glob matches. All or nothing: either every file loads and the caller gets them all, or it
/// gets the first error.
public enum DataLoader {
    /// Files larger than this are refused before reading (§7: no unbounded memory).
    public static let maximumFileSize = 8 << 30

    /// `deferColumns`: a large JSON file's columns are built when a query first reads them
    /// (the session asks for this; tests and the stacker get every column built).
    public static func load(
        _ path: String, as alias: String?, options: LoadOptions = LoadOptions(), monitor: LoadMonitor = LoadMonitor(),
        deferColumns: Bool = false
    ) throws(Diagnostic) -> [LoadResult] {
        switch FileAccess.kind(of: path) {
        case .directory:
            if alias != nil { throw LoadMessages.aliasForDirectory(path) }
            let names = try Diagnostic.file { () throws(FileError) in try FileAccess.list(directory: path) }
            let paths = names.filter { !$0.hasPrefix(".") }.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
            return try loadMany(paths, from: path, options: options, monitor: monitor, deferColumns: deferColumns)
        case .missing where FileGlob.isPattern(path):
            let paths = FileGlob.expand(path).filter { FileAccess.kind(of: $0) != .directory }
            guard !paths.isEmpty else { throw LoadMessages.globMatchesNothing(path) }
            if let alias { return [try FileStacker.stack(paths, pattern: path, name: alias, options: options, monitor: monitor)] }
            return try loadMany(paths, from: path, options: options, monitor: monitor, deferColumns: deferColumns)
        default:
            return try loadFile(path, name: alias ?? datasetName(for: path), options: options, monitor: monitor, deferColumns: deferColumns)
        }
    }

    /// One file: a dataset, or one per sheet of a workbook or table of a database.
    public static func loadFile(
        _ path: String, name: String, options: LoadOptions = LoadOptions(), monitor: LoadMonitor, deferColumns: Bool = false
    ) throws(Diagnostic) -> [LoadResult] {
        let file = try Diagnostic.file { () throws(FileError) in try FileBytes.open(path, limit: maximumFileSize) }
        let kind = FileKind(path: path, bytes: file.buffer)
        switch kind {
        case .sqlite:
            try checkOptions(options, for: kind, path: path)
            return try SQLiteReader.read(path: path, name: name, table: options.part, monitor: monitor)
        case .workbook:
            try checkOptions(options, for: kind, path: path)
            return try XLSXReader.read(path: path, name: name, sheet: options.part, monitor: monitor)
        case .unsupported(let what):
            throw LoadMessages.unsupportedKind(path, what, hint: LoadMessages.conversionHint(what))
        case .misnamed(let named, let found):
            throw LoadMessages.misnamed(path, named: named, found: found)
        case .text:
            try checkOptions(options, for: kind, path: path)
            return [try readText(file, path: path, name: name, options: options, monitor: monitor, deferColumns: deferColumns)]
        }
    }

    /// A text file in its encoding: UTF-8 as it is; UTF-16 (by its byte-order mark) or an
    /// encoding `load` was told converted first; bytes that turn out not to be UTF-8 read
    /// again as Windows-1252, with a warning that says so.
    public static func readText(
        _ file: FileBytes, path: String, name: String, options: LoadOptions, monitor: LoadMonitor, deferColumns: Bool = false
    ) throws(Diagnostic) -> LoadResult {
        if let encoding = options.encoding ?? TextEncoding.detectUTF16(file.buffer), encoding != .utf8 {
            let converted = FileBytes(encoding.convertToUTF8(file.buffer))
            var result = try readFormat(converted, path: path, name: name, options: options, monitor: monitor, deferColumns: deferColumns)
            result.warnings.insert(LoadMessages.convertedEncoding(path, encoding, guessed: options.encoding == nil), at: 0)
            return result
        }
        do throws(Diagnostic) {
            return try readFormat(file, path: path, name: name, options: options, monitor: monitor, deferColumns: deferColumns)
        } catch where error.id == .invalidUTF8 && options.encoding == nil {
            // A UTF-8 file with a damaged byte would have every other accent garbled.
            guard !TextEncoding.isMostlyUTF8(file.buffer) else {
                var damaged = error
                damaged.hint = LoadMessages.damagedUTF8Hint(path)
                throw damaged
            }
            let encoding = TextEncoding.singleByteGuess(file.buffer)
            let converted = FileBytes(encoding.convertToUTF8(file.buffer))
            var result = try readFormat(converted, path: path, name: name, options: options, monitor: monitor, deferColumns: deferColumns)
            result.warnings.insert(LoadMessages.convertedEncoding(path, encoding, guessed: true), at: 0)
            return result
        }
    }

    private static func readFormat(
        _ file: FileBytes, path: String, name: String, options: LoadOptions, monitor: LoadMonitor, deferColumns: Bool
    ) throws(Diagnostic) -> LoadResult {
        let format = DataFormat(path: path) ?? DataFormat.sniff(file.buffer)
        switch format {
        case .csv:
            return try CSVReader.read(file, path: path, name: name, options: options, monitor: monitor)
        case .tsv:
            return try CSVReader.read(file, path: path, name: name, delimiter: 0x09, options: options, monitor: monitor)
        case .json, .jsonl:
            if options.delimiter != nil || options.quote != nil || options.header != nil || options.skip != nil {
                throw LoadMessages.optionNotFor(path, "JSON")
            }
            return try JSONReader.read(
                file, path: path, name: name, lines: format == .jsonl, monitor: monitor,
                deferAbove: deferColumns ? JSONReader.deferThreshold : nil)
        }
    }

    private static func checkOptions(_ options: LoadOptions, for kind: FileKind, path: String) throws(Diagnostic) {
        switch kind {
        case .sqlite, .workbook:
            if options.hasTextOptions { throw LoadMessages.optionNotFor(path, kind == .sqlite ? "a SQLite database" : "an Excel workbook") }
        case .text:
            if options.part != nil { throw LoadMessages.partOptionNotFor(path) }
        default:
            break
        }
    }

    /// Every data file among `paths` (a directory's, or a glob's without `as`): files that are
    /// no data dossier reads are skipped with one warning each, and no two datasets get one
    /// name (`a.csv` is `a`, `a.json` beside it `a_2`, with a warning).
    private static func loadMany(
        _ paths: [String], from place: String, options: LoadOptions, monitor: LoadMonitor, deferColumns: Bool
    ) throws(Diagnostic) -> [LoadResult] {
        var results: [LoadResult] = []
        var skipped: [Diagnostic] = []
        for path in paths where FileAccess.kind(of: path) == .file {
            guard let kind = dataKind(path) else {
                skipped.append(LoadMessages.skippedFile(path, reason: LoadMessages.notADataFile))
                continue
            }
            if case .unsupported(let what) = kind {
                skipped.append(LoadMessages.skippedFile(path, reason: what))
                continue
            }
            do throws(Diagnostic) {
                results += try loadFile(path, name: datasetName(for: path), options: options, monitor: monitor, deferColumns: deferColumns)
            } catch where error.id == .notTabular || error.id == .unsupportedFormat {
                skipped.append(LoadMessages.skippedFile(path, reason: error.message))
            }
        }
        guard !results.isEmpty else { throw LoadMessages.noDataFiles(place, skipped: skipped.count) }
        results[0].warnings = skipped + results[0].warnings
        return uniquelyNamed(results)
    }

    /// What a file of a directory is, when it may be data: by its extension, else by its
    /// first bytes (a database without `.db`); nil for other files (notes, scripts, images
    /// named as such).
    private static func dataKind(_ path: String) -> FileKind? {
        if DataFormat(path: path) != nil || FileKind.workbookExtensions.contains(FileKind.pathExtension(path))
            || FileKind.databaseExtensions.contains(FileKind.pathExtension(path))
        {
            return .text
        }
        guard let head = FileKind.head(of: path, count: FileKind.binaryProbeBytes) else { return nil }
        let kind = head.withUnsafeBufferPointer { FileKind(path: path, bytes: $0) }
        switch kind {
        case .sqlite, .workbook: return kind
        case .unsupported: return kind
        default: return nil
        }
    }

    /// The results with a dataset name each of its own, in order: a later one whose name is
    /// taken gets `_2` (or the next free number), with a warning.
    private static func uniquelyNamed(_ results: [LoadResult]) -> [LoadResult] {
        let planned = Set(results.map { FieldName.key($0.dataset.name) })
        var taken: [String: String] = [:]
        var renamed: [LoadResult] = []
        for var result in results {
            let name = result.dataset.name
            if let owner = taken[FieldName.key(name)] {
                let unique = DatasetNaming.unique(name, among: planned.union(taken.keys))
                result.warnings.append(LoadMessages.datasetNameTaken(name, by: owner, file: result.dataset.origin,
                    datasetName: unique, path: result.dataset.origin))
                result.dataset = result.dataset.named(unique)
            }
            taken[FieldName.key(result.dataset.name)] = result.dataset.origin
            renamed.append(result)
        }
        return renamed
    }

    /// The default dataset name (§6): the file's stem, lower-cased, anything but letters,
    /// digits and `_` turned into `_`.
    public static func datasetName(for path: String) -> String {
        var base = Substring(path)
        while base.hasSuffix("/") { base = base.dropLast() }
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        return DatasetNaming.normalize(String(base))
    }
}

extension Dataset {
    /// The same data under another name.
    package func named(_ name: String) -> Dataset {
        Dataset(name: name, fields: fields, columns: columns, rowCount: rowCount, origin: origin, deferred: deferred)
    }
}
