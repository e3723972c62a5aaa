import DossierSupport
import DossierDiagnostics
import DossierData

/// Missing-value markers while a column loads (§6 "Messy columns"): in a typed column a marker
/// is a missing value, counted for the load's warning; if the column turns out to be text, the
/// markers become its values again.
extension ColumnAccumulator {
    /// Appends a marker cell as a missing value, remembering its row and text.
    package mutating func appendMarker(_ cell: UnsafeBufferPointer<UInt8>) {
        markers.rows.append(Int32(truncatingIfNeeded: rowCount))
        markers.codes.append(dictionary.intern(cell))
        appendMissing()
    }

    /// A column that became text holds its markers as text, at their rows.
    package mutating func restoreMarkersAsText() {
        for (row, code) in zip(markers.rows, markers.codes) where Int(row) < codes.count {
            codes[Int(row)] = code
        }
        markers = MarkerTally()
    }

    /// The markers read as missing in the finished column, by spelling, most frequent first;
    /// empty when the column is text (they are values there).
    package func markerSummary() -> [(text: String, count: Int)] {
        guard !markers.isEmpty, kind != .text, kind != .list, kind != .undecided else { return [] }
        var counts: [UInt32: Int] = [:]
        var order: [UInt32] = []
        for code in markers.codes {
            if counts[code] == nil { order.append(code) }
            counts[code, default: 0] += 1
        }
        let built = dictionary.build()
        return order.map { (built.string($0), counts[$0] ?? 0) }.sorted { $0.count > $1.count }
    }
}
