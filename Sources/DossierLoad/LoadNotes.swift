import DossierSupport
import DossierDiagnostics
import DossierData

/// What a load says about messy columns (§6 "Messy columns"), one warning a column: markers
/// read as missing in a typed column, and a text column that is text only because of a few
/// stray values.
package enum LoadNotes {
    /// "`pop`: 2 cells hold `N/A` and are read as missing values"
    package static func markers(field: String, _ summary: [(text: String, count: Int)], at location: Diagnostic.Location) -> Diagnostic {
        let total = summary.reduce(0) { $0 + $1.count }
        let spellings = summary.prefix(4).map { "`\($0.text)`" + (summary.count > 1 ? " (\($0.count))" : "") }
            .joined(separator: ", ")
        let cells = total == 1 ? "1 cell holds" : "\(NumberWords.grouped(total)) cells hold"
        return Diagnostic(.dataWarning, "`\(field)`: \(cells) \(spellings), read as missing values", at: location,
            severity: .warning, hint: "the rest of the column decides its type; `\(field) is missing` finds these rows")
    }

    /// "`code` is text: 3 of 1,204 values are not numbers (first: `unknown`, line 17)"
    package static func strays(field: String, _ note: TypeNote, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.dataWarning, note.sentence(field: field), at: location, severity: .warning,
            hint: "to use them as \(note.kind.rawValue): \(note.conversion(of: field)) (the values that are not become missing)")
    }

    /// Marker warnings and stray-value notes for each column; sets `fields[i].note`.
    /// `place(row, offset)` says where a row is (a CSV line, a JSON record).
    package static func annotate(
        _ fields: inout [Field], columns: [ColumnAccumulator], built: [Column], declared: [ValueType?],
        place: (_ row: Int, _ field: Int) -> (location: Diagnostic.Location, words: String)
    ) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for index in fields.indices {
            let summary = columns[index].markerSummary()
            if !summary.isEmpty, let firstRow = columns[index].markers.rows.first {
                let (location, _) = place(Int(firstRow), index)
                warnings.append(markers(field: fields[index].name, summary, at: location))
            }
            if declared[index] == nil, case .text(let text) = built[index], let (found, firstRow) = text.typeNote() {
                var note = found
                let (location, words) = place(firstRow, index)
                note.place = words
                fields[index].note = note
                warnings.append(strays(field: fields[index].name, note, at: location))
            }
        }
        return warnings
    }
}
