import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `count by`, `summarize ... by` and `distinct`: rows put into groups by the exact values of
/// their keys (so `Africa` and `africa` stay apart and a data-entry slip stays visible). A list
/// key counts a row once under each of its items.
package enum Grouping {
    /// Groups in first-seen order, with each group's key values.
    package struct Groups {
        package var keys: [[Value]] = []
        package var index: [[Value]: Int] = [:]

        package mutating func id(for key: [Value]) -> Int {
            if let existing = index[key] { return existing }
            let id = keys.count
            keys.append(key)
            index[key] = id
            return id
        }
    }

    /// Calls `body(group, row)` for every row (more than once for list keys).
    package static func assign(
        _ relation: Relation, keys: [BoundExpr], cancellation: Cancellation?,
        _ body: (Int, Int) -> Void
    ) throws(Diagnostic) -> Groups {
        var groups = Groups()
        let evaluators = keys.map { Evaluator.compile($0, columns: relation.columns, cancellation: cancellation) }
        // Fast path: one text field, grouped by dictionary code.
        if keys.count == 1, let index = keys[0].fieldIndex, case .text(let text) = relation.columns[index] {
            var groupOfCode = [Int](repeating: -1, count: text.dictionary.codeCount)
            for position in 0..<relation.count {
                if position & 0xFFF == 0 { try cancellation?.check() }
                let row = relation.rows[position]
                let code = Int(text.codes[row])
                var group = groupOfCode[code]
                if group < 0 {
                    group = groups.id(for: [code == 0 ? .missing : .text(text.dictionary.string(UInt32(code)))])
                    groupOfCode[code] = group
                }
                body(group, row)
            }
            return groups
        }
        var combinations = 0
        for position in 0..<relation.count {
            if position & 0xFFF == 0 { try cancellation?.check() }
            let row = relation.rows[position]
            let values = evaluators.map { $0(row) }
            try forEachCombination(values, made: &combinations, cancellation: cancellation) { body(groups.id(for: $0), row) }
        }
        return groups
    }

    /// Grouping by lists pairs every item of one list with every item of the others: more
    /// pairs than this from one row, or than `maximumCombinations` in all, is an error, not
    /// gigabytes (§7).
    package static let maximumCombinationsPerRow = 100_000
    package static let maximumCombinations = 50_000_000

    /// Expands list values into one key per item (the cartesian product for several lists).
    /// A list names each item once: `c;c` counts its row once under `c`.
    private static func forEachCombination(
        _ values: [Value], made: inout Int, cancellation: Cancellation?, _ body: ([Value]) -> Void
    ) throws(Diagnostic) {
        guard values.contains(where: { if case .list = $0 { return true } else { return false } }) else {
            body(values)
            return
        }
        var choices: [[Value]] = []
        var product = 1
        for value in values {
            var options = [value]
            if case .list(let items) = value {
                var seen = Set<String>()
                options = items.filter { seen.insert($0).inserted }.map { .text($0) }
            }
            choices.append(options)
            product = product.multipliedReportingOverflow(by: max(1, options.count)).partialValue
            if product > maximumCombinationsPerRow { break }
        }
        made += product
        if product > maximumCombinationsPerRow {
            throw Diagnostic(.tooLarge, "grouping by these lists pairs more than \(maximumCombinationsPerRow) items in one row",
                hint: "each item of one list is paired with each item of the others; group by one list at a time")
        }
        if made > maximumCombinations {
            throw Diagnostic(.tooLarge, "grouping by these lists makes more than \(maximumCombinations / 1_000_000) million keys",
                hint: "group by fewer lists, or filter first")
        }
        // Odometer over the choices: no intermediate arrays of combinations.
        var indices = [Int](repeating: 0, count: choices.count)
        var key = choices.map { $0[0] }
        var emitted = 0
        while true {
            body(key)
            emitted += 1
            if emitted & 0xFFFF == 0 { try cancellation?.check() }
            var position = choices.count - 1
            while position >= 0 {
                indices[position] += 1
                if indices[position] < choices[position].count {
                    key[position] = choices[position][indices[position]]
                    break
                }
                indices[position] = 0
                key[position] = choices[position][0]
                position -= 1
            }
            if position < 0 { return }
        }
    }

    // MARK: - count

    package static func count(_ relation: Relation, keys: [BoundExpr], fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        if keys.isEmpty {
            return Relation(fields: fields, columns: [.integer(IntegerColumn(values: [Int64(relation.count)], missing: nil))], rows: .all(1))
        }
        var counts: [Int64] = []
        let groups = try assign(relation, keys: keys, cancellation: cancellation) { group, _ in
            if group == counts.count { counts.append(0) }
            counts[group] += 1
        }
        // Most frequent first; ties in key order.
        let order = try sortedGroups(groups.keys.count, cancellation: cancellation) { a, b in
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            return keyLess(groups.keys[a], groups.keys[b])
        }
        var columns: [Column] = []
        var outputFields = fields
        for (position, field) in fields.dropLast().enumerated() {
            let column = Column.buildWidening(field.type, order.map { groups.keys[$0][position] })
            outputFields[position].type = column.type
            columns.append(column)
        }
        columns.append(.integer(IntegerColumn(values: order.map { counts[$0] }, missing: nil)))
        return Relation(fields: outputFields, columns: columns, rows: .all(order.count))
    }

    /// Group numbers in the order `less` gives, stoppable: a million groups take a while.
    package static func sortedGroups(
        _ count: Int, cancellation: Cancellation?, by less: (Int, Int) -> Bool
    ) throws(Diagnostic) -> [Int] {
        var order = Array(0..<count)
        var comparisons = 0
        var stopped = false
        order.sort { a, b in
            comparisons &+= 1
            if comparisons & 0xFFFF == 0, cancellation?.isCancelled == true { stopped = true }
            return stopped ? a < b : less(a, b)
        }
        if stopped { try cancellation?.check() }
        return order
    }

    /// Ascending by the sort rules: missing last, text case-insensitive then case-sensitive.
    package static func keyLess(_ a: [Value], _ b: [Value]) -> Bool {
        for (left, right) in zip(a, b) {
            let order = ValueComparison.sortOrder(left, right)
            if order != 0 { return order < 0 }
        }
        return false
    }


    // MARK: - distinct

    package static func distinct(_ relation: Relation, keys: [BoundExpr], wholeRow: Bool, fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        let keyExpressions = wholeRow ? relation.fields.indices.map { BoundExpr.field($0, relation.fields[$0].type) } : keys
        let evaluators = keyExpressions.map { Evaluator.compile($0, columns: relation.columns, cancellation: cancellation) }
        var seen = Set<[Value]>()
        var kept: [Int32] = []
        for position in 0..<relation.count {
            if position & 0xFFF == 0 { try cancellation?.check() }
            let row = relation.rows[position]
            if seen.insert(evaluators.map { $0(row) }).inserted { kept.append(Int32(truncatingIfNeeded: row)) }
        }
        var result = relation
        result.rows = .some(kept)
        if wholeRow { return result }
        var columns: [Column] = []
        for key in keys {
            columns.append(try Evaluator.materialize(key, relation: result, cancellation: cancellation))
        }
        return Relation(fields: fields, columns: columns, rows: .all(kept.count), lineage: relation.lineage.map { $0.gathered(kept) })
    }
}
