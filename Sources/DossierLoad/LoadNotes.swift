import DossierSupport
import DossierDiagnostics
import DossierData

/// What a load says about messy columns (§6 "Messy columns"), one warning a column: markers
/// read as missing in a typed column, and a text column that is text only because of a few
/// stray values.
package enum LoadNotes {
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
                warnings.append(LoadMessages.missingMarkers(field: fields[index].name, summary, at: location))
            }
            if declared[index] == nil, case .text(let text) = built[index], let (found, firstRow) = text.typeNote() {
                var note = found
                let (location, words) = place(firstRow, index)
                note.place = words
                fields[index].note = note
                warnings.append(LoadMessages.strayValues(field: fields[index].name, note, at: location))
            }
        }
        return warnings
    }
}
