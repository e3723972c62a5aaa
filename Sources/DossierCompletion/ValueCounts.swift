import DossierSupport
import DossierDiagnostics
import DossierData

/// Distinct values of a column over a relation's rows, with counts, most frequent first.
package enum ValueCounts {
    package struct Entry {
        package let text: String
        package let count: Int

        package init(text: String, count: Int) {
            self.text = text
            self.count = count
        }
    }

    package static func count(_ relation: Relation, column index: Int, cancellation: Cancellation? = nil) -> [Entry] {
        let column = relation.columns[index]
        var entries: [Entry] = []
        switch column {
        case .text(let text):
            var counts = [Int](repeating: 0, count: text.dictionary.codeCount)
            for position in 0..<relation.count {
                if position & 0xFFFF == 0, cancellation?.isCancelled == true { return [] }
                counts[Int(text.codes[relation.rows[position]])] += 1
            }
            entries = text.dictionary.distinctCounts(counts).map { Entry(text: $0.text, count: $0.count) }
        case .list(let list):
            var counts = [Int](repeating: 0, count: list.dictionary.codeCount)
            for position in 0..<relation.count {
                if position & 0xFFFF == 0, cancellation?.isCancelled == true { return [] }
                let row = relation.rows[position]
                for item in list.items[Int(list.offsets[row])..<Int(list.offsets[row + 1])] { counts[Int(item)] += 1 }
            }
            entries = list.dictionary.distinctCounts(counts).map { Entry(text: $0.text, count: $0.count) }
        default:
            var counts: [String: Int] = [:]
            for position in 0..<min(relation.count, 1_000_000) {
                if position & 0xFFFF == 0, cancellation?.isCancelled == true { return [] }
                let value = column.value(at: relation.rows[position])
                if !value.isMissing { counts[value.formatted(), default: 0] += 1 }
            }
            entries = counts.map { Entry(text: $0.key, count: $0.value) }
        }
        return ordered(entries)
    }

    /// Most frequent first; ties in alphabetical order, case ignored.
    package static func ordered(_ entries: [Entry]) -> [Entry] {
        entries.sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.lowercased() < $1.text.lowercased() }
    }
}
