import DossierSupport
import DossierDiagnostics
import DossierData

/// Reads header cells: typed names, empty names and duplicates (renamed with a warning, §6).
package enum HeaderParser {
    package static func parse(_ cells: [String], path: String, line: Int, warnings: inout [Diagnostic]) -> [HeaderField] {
        var fields: [HeaderField] = cells.map(split)
        var used = Set<String>()
        for index in fields.indices {
            var name = fields[index].name
            if name.isEmpty {
                name = "column_\(index + 1)"
                warnings.append(
                    LoadMessages.emptyHeader(index + 1, namedIt: name, at: .file(path: path, line: line, column: 1, lineText: nil)))
            }
            if used.contains(FieldName.key(name)) {
                var suffix = 2
                while used.contains(FieldName.key("\(name)_\(suffix)")) { suffix += 1 }
                let renamed = "\(name)_\(suffix)"
                warnings.append(
                    LoadMessages.duplicateHeader(name, renamed: renamed, at: .file(path: path, line: line, column: 1, lineText: nil)))
                name = renamed
            }
            used.insert(FieldName.key(name))
            fields[index].name = name
        }
        return fields
    }

    /// `people:int` → (people, integer); `time:zone` stays a name, since `zone` is no type.
    package static func split(_ cell: String) -> HeaderField {
        let trimmed = cell.trimmingSpaces
        if let colon = trimmed.lastIndex(of: ":") {
            let suffix = String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces
            if let type = ValueType(headerName: suffix) {
                return HeaderField(name: String(trimmed[..<colon]).trimmingSpaces, declared: type)
            }
        }
        return HeaderField(name: trimmed, declared: nil)
    }
}
