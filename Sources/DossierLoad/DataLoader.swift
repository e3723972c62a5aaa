import DossierSupport
import DossierDiagnostics
import DossierData

/// `load PATH [as NAME]`: a file, or every supported file of a directory. All or nothing:
/// either every file loads and the caller gets them all, or it gets the first error.
public enum DataLoader {
    /// Files larger than this are refused before reading (§7: no unbounded memory).
    public static let maximumFileSize = 8 << 30

    public static func load(_ path: String, as alias: String?, monitor: LoadMonitor = LoadMonitor()) throws(Diagnostic) -> [LoadResult] {
        switch FileAccess.kind(of: path) {
        case .directory:
            if alias != nil {
                throw LoadMessages.aliasForDirectory(path)
            }
            let names = try Diagnostic.file { () throws(FileError) in try FileAccess.list(directory: path) }
                .filter { DataFormat(path: $0) != nil }
            guard !names.isEmpty else {
                throw LoadMessages.noDataFiles(path)
            }
            var results: [LoadResult] = []
            // `a.csv` and `a.json` would both be `a`: the second becomes `a_2`, never a silent
            // replacement within one load.
            var used: [String: String] = [:]
            for name in names {
                let filePath = path.hasSuffix("/") ? path + name : path + "/" + name
                let stem = datasetName(for: filePath)
                var datasetName = stem
                var suffix = 2
                while used[FieldName.key(datasetName)] != nil || (datasetName != stem && names.contains(where: { DataLoader.datasetName(for: $0) == datasetName })) {
                    datasetName = "\(stem)_\(suffix)"
                    suffix += 1
                }
                var result = try loadFile(filePath, name: datasetName, monitor: monitor)
                if datasetName != stem {
                    let taken = used[FieldName.key(stem)] ?? stem
                    result.warnings.append(
                        LoadMessages.datasetNameTaken(stem, by: taken, file: name, datasetName: datasetName, path: filePath))
                }
                used[FieldName.key(datasetName)] = name
                results.append(result)
            }
            return results
        default:
            return [try loadFile(path, name: alias ?? datasetName(for: path), monitor: monitor)]
        }
    }

    public static func loadFile(_ path: String, name: String, monitor: LoadMonitor) throws(Diagnostic) -> LoadResult {
        let file = try Diagnostic.file { () throws(FileError) in try FileBytes.open(path, limit: maximumFileSize) }
        let format = DataFormat(path: path) ?? DataFormat.sniff(file.buffer)
        switch format {
        case .csv:
            return try CSVReader.read(file, path: path, name: name, monitor: monitor)
        case .tsv:
            return try CSVReader.read(file, path: path, name: name, delimiter: 0x09, monitor: monitor)
        case .json:
            return try JSONReader.read(file, path: path, name: name, lines: false, monitor: monitor)
        case .jsonl:
            return try JSONReader.read(file, path: path, name: name, lines: true, monitor: monitor)
        }
    }

    /// The default dataset name (§6): the file's stem, lower-cased, anything but letters,
    /// digits and `_` turned into `_`.
    public static func datasetName(for path: String) -> String {
        var base = Substring(path)
        while base.hasSuffix("/") { base = base.dropLast() }
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        var name = ""
        for character in base.lowercased() {
            name.append(character.isLetter || character.isNumber || character == "_" ? character : "_")
        }
        if name.isEmpty { return "data" }
        if let first = name.first, first.isNumber { name = "_" + name }
        return name
    }
}
