import DossierSupport
import DossierDiagnostics
import DossierData

/// `load data/*.csv as trips`: the files a glob matches, stacked into one dataset, with a
/// `file` field saying which file each row came from. The files must have the same fields
/// (in any order, names compared as fields are); a field whose type differs between files
/// becomes decimal when all are numbers, else text, so that no value is lost.
package enum FileStacker {
    package static func stack(
        _ paths: [String], pattern: String, name: String, options: LoadOptions, monitor: LoadMonitor
    ) throws(Diagnostic) -> LoadResult {
        var parts: [(path: String, result: LoadResult)] = []
        for path in paths {
            let results = try DataLoader.loadFile(path, name: name, options: options, monitor: monitor)
            guard results.count == 1, let result = results.first else { throw LoadMessages.stackedFileHasParts(path, count: results.count) }
            parts.append((path, result))
        }
        guard let first = parts.first?.result.dataset else { throw LoadMessages.globMatchesNothing(pattern) }
        let names = first.fields.map(\.name)
        // Each file's column for each field of the first file.
        var order: [[Int]] = []
        for (path, result) in parts {
            let dataset = result.dataset
            let positions = names.compactMap { dataset.fieldIndex($0) }
            guard positions.count == names.count, dataset.fields.count == names.count else {
                throw LoadMessages.stackedFieldsDiffer(path, fields: dataset.fields.map(\.name), first: parts[0].path, firstFields: names)
            }
            order.append(positions)
        }
        var fields: [Field] = []
        var columns: [Column] = []
        for (index, fieldName) in names.enumerated() {
            let types = Set(parts.indices.map { parts[$0].result.dataset.fields[order[$0][index]].type })
            let type = types.count == 1 ? first.fields[index].type : types.isSubset(of: [.integer, .decimal]) ? .decimal : .text
            var values: [Value] = []
            for (part, (_, result)) in parts.enumerated() {
                let column = result.dataset.columns[order[part][index]]
                for row in 0..<result.dataset.rowCount {
                    let value = column.value(at: row)
                    values.append(type == .text && value.type != .text && !value.isMissing ? .text(value.formatted()) : value)
                }
                if (part & 7) == 7 { try monitor.checkpoint(0, of: 0, path: pattern) }
            }
            fields.append(Field(fieldName, type))
            columns.append(Column.build(type, values))
        }
        let fileField = DatasetNaming.unique("file", among: Set(names.map(FieldName.key)))
        var files: [Value] = []
        for (path, result) in parts { files += [Value](repeating: .text(path), count: result.dataset.rowCount) }
        fields.append(Field(fileField, .text))
        columns.append(Column.build(.text, files))
        let rows = parts.reduce(0) { $0 + $1.result.dataset.rowCount }
        let dataset = Dataset(name: name, fields: fields, columns: columns, rowCount: rows, origin: pattern)
        var warnings = parts.flatMap(\.result.warnings)
        for (index, fieldName) in names.enumerated() {
            // Each type the field has, with the first file that has it.
            var seen: [(type: ValueType, path: String)] = []
            for (part, (path, result)) in parts.enumerated() {
                let type = result.dataset.fields[order[part][index]].type
                if !seen.contains(where: { $0.type == type }) { seen.append((type, path)) }
            }
            if seen.count > 1 {
                warnings.append(LoadMessages.stackedTypesDiffer(pattern, field: fieldName, readAs: fields[index].type,
                    types: seen.map { ($0.type.rawValue, $0.path) }))
            }
        }
        // How each file was read, said once for all the files read alike.
        var notes = [LoadMessages.stacked(pattern, files: parts.map(\.path), field: fileField)]
        var said = Set<String>()
        for note in parts.flatMap(\.result.notes) where said.insert(note.message).inserted { notes.append(note) }
        return LoadResult(dataset: dataset, warnings: warnings, notes: notes)
    }
}
