import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

/// `describe`: one row a field with its type, how many values are missing, and its values:
/// each value with its count when there are few (`rights (2)`), else the range or the most
/// common ones. A profile of a dataset in one command.
package enum Profile {
    /// Fields with at most this many distinct values list them all.
    package static let fewValues = 12

    package static func describe(_ relation: Relation, cancellation: Cancellation? = nil) throws(Diagnostic) -> Relation {
        var names: [Value] = []
        var types: [Value] = []
        var missing: [Value] = []
        var distinct: [Value] = []
        var values: [Value] = []
        for (index, field) in relation.fields.enumerated() {
            try cancellation?.check()
            let column = relation.columns[index]
            names.append(.text(field.displayName))
            types.append(.text(field.type.rawValue))
            missing.append(.integer(Int64(column.missingCount)))
            let (count, summary) = try summarize(column, cancellation: cancellation)
            distinct.append(.integer(Int64(count)))
            values.append(summary.isEmpty ? .missing : .text(summary))
        }
        return table(names: names, types: types, missing: missing, distinct: distinct, values: values)
    }

    /// `describe`'s table: a row a field.
    package static func table(names: [Value], types: [Value], missing: [Value], distinct: [Value], values: [Value]) -> Relation {
        Relation(
            fields: [
                Field("field", .text), Field("type", .text), Field("missing", .integer), Field("distinct", .integer),
                Field("values", .text),
            ],
            columns: [
                Column.build(.text, names), Column.build(.text, types), Column.build(.integer, missing),
                Column.build(.integer, distinct), Column.build(.text, values),
            ],
            rows: .all(names.count))
    }

    /// What a reader of the numbers should know about a field (§6): text because of a few
    /// stray values, or decimals held in binary floating point.
    package static func notes(_ relation: Relation) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        for (index, field) in relation.fields.enumerated() {
            if let note = field.note {
                notes.append(SessionMessages.strayValuesNote(note, field: field.displayName))
            }
            if case .float = relation.columns[index] {
                notes.append(SessionMessages.binaryFloatingPointNote(field: field.displayName))
            }
        }
        return notes
    }

    /// Distinct count and a summary of the values.
    private static func summarize(_ column: Column, cancellation: Cancellation?) throws(Diagnostic) -> (Int, String) {
        switch column {
        case .text(let text):
            var counts = [Int](repeating: 0, count: text.dictionary.codeCount)
            for code in text.codes { counts[Int(code)] += 1 }
            return frequencies(counts, text.dictionary)
        case .list(let list):
            var counts = [Int](repeating: 0, count: list.dictionary.codeCount)
            for code in list.items { counts[Int(code)] += 1 }
            return frequencies(counts, list.dictionary)
        case .bool(let bools):
            var trues = 0
            var falses = 0
            for value in bools.values {
                if value == 1 { trues += 1 }
                if value == 0 { falses += 1 }
            }
            let parts = [(text: "true", count: trues), (text: "false", count: falses)].filter { $0.count > 0 }
                .sorted { $0.count > $1.count }
            return (parts.count, countedSummary(parts))
        case .integer, .decimal, .float, .date, .datetime:
            var present: [Value] = []
            // Binary floating point is shown as the file wrote it (`1e300`, not `1e+300`).
            var written: [Value: String] = [:]
            for row in 0..<column.count where !column.isMissing(row) {
                let value = column.value(at: row)
                present.append(value)
                if written.count < 4 * fewValues, let text = column.writtenText(at: row), written[value] == nil { written[value] = text }
            }
            func shown(_ value: Value) -> String { written[value] ?? value.formatted() }
            guard let first = present.first else { return (0, "") }
            var low = first
            var high = first
            var seen = Set<Value>()
            for (position, value) in present.enumerated() {
                if position & 0xFFFF == 0 { try cancellation?.check() }
                if ValueComparison.sortOrder(value, low) < 0 { low = value }
                if ValueComparison.sortOrder(value, high) > 0 { high = value }
                if seen.count <= fewValues { seen.insert(value) }
            }
            if seen.count <= fewValues {
                var counts: [Value: Int] = [:]
                for value in present { counts[value, default: 0] += 1 }
                let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : ValueComparison.sortOrder($0.key, $1.key) < 0 }
                return (counts.count, countedSummary(ordered.map { (text: shown($0.key), count: $0.value) }))
            }
            return (distinctCount(present), "\(shown(low)) to \(shown(high))")
        }
    }

    private static func distinctCount(_ values: [Value]) -> Int {
        Set(values).count
    }

    private static func frequencies(_ counts: [Int], _ dictionary: TextDictionary) -> (Int, String) {
        let ordered = dictionary.distinctCounts(counts).enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map { (text: $0.element.text, count: $0.element.count) }
        return (ordered.count, textSummary(Array(ordered.prefix(fewValues + 1)), distinct: ordered.count))
    }

    /// The values of a text or list field, most frequent first (`ordered`: at least the first
    /// `fewValues`, or all when there are no more): all of them with counts when there are few,
    /// else the three most common (`all different` when nothing repeats).
    package static func textSummary(_ ordered: [(text: String, count: Int)], distinct: Int) -> String {
        let shown = distinct <= fewValues ? ordered : Array(ordered.prefix(3))
        let allDifferent = distinct > fewValues && ordered.first?.count == 1
        var summary = shown.map { entry -> String in
            let text = DisplayWidth.truncate(entry.text, to: 32)
            return allDifferent ? text : "\(text) (\(entry.count))"
        }.joined(separator: ", ")
        if distinct > fewValues { summary = (allDifferent ? "all different: " : "most common: ") + summary + ", …" }
        return summary
    }

    /// Few values of a field of numbers, dates or booleans, each with its count.
    package static func countedSummary(_ ordered: [(text: String, count: Int)]) -> String {
        ordered.map { "\($0.text) (\($0.count))" }.joined(separator: ", ")
    }
}
