import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// Rows put into groups by the exact values of their keys (`Africa` and `africa` stay apart,
/// so a data-entry slip stays visible), groups numbered in first-seen order. Aggregates then
/// run over `groupOf` in typed loops (`GroupAggregates`).
///
/// Keys that `KeyEncoder` encodes are packed into words and grouped by `GroupTable`, with no
/// boxed value per row. Other keys (floating point, lists) take the boxed path. A list key
/// counts a row once under each of its items: the grouped relation then repeats that row.
package struct GroupAssignment {
    /// The rows grouped: the input, or the input with rows repeated for list keys.
    package var relation: Relation
    /// The group of each position of `relation`.
    package var groupOf: [Int32]
    /// The first position of each group.
    package var firstPosition: [Int32]
    /// Each key's column and the column rows the positions read.
    package var keyViews: [ColumnView]
    /// The encoders of the keys (nil on the boxed path).
    package var encoders: [KeyEncoder]?
    /// Each group's keys, on the boxed path.
    package var boxedKeys: [[Value]]?
    /// The packed key words of every position (`stride` words each) and where each key's code
    /// sits in them, on the typed path: ordering reads each group's codes from here.
    package var words: [UInt64] = []
    package var stride = 0
    package var layout: [(word: Int, shift: Int)] = []
    /// `words` holds each group's key words rather than each position's (`DirectGrouping`).
    package var wordsPerGroup = false

    package var groupCount: Int { firstPosition.count }

    /// Groups `relation` by `keys`. `expandLists`: a list key groups each item (`count by`,
    /// `summarize`), not the list as a whole (`distinct`).
    package static func make(
        _ relation: Relation, keys: [BoundExpr], expandLists: Bool, cancellation: Cancellation?
    ) throws(Diagnostic) -> GroupAssignment {
        var views: [ColumnView] = []
        for key in keys {
            views.append(try ColumnView(key, in: relation, cancellation: cancellation))
        }
        let count = relation.count
        if keys.isEmpty {
            return GroupAssignment(relation: relation, groupOf: [Int32](repeating: 0, count: count),
                firstPosition: count > 0 ? [0] : [], keyViews: [], encoders: [])
        }
        let encoders = views.compactMap { KeyEncoder($0.column, rows: $0.rows) }
        if encoders.count == views.count {
            let (stride, layout) = pack(encoders.map(\.bits))
            let bits = encoders.map(\.bits).reduce(0, +)
            if stride == 1, DirectGrouping.applies(bits: bits, count: count) {
                let direct = try DirectGrouping.assign(
                    encoders: encoders, rows: views.map(\.rows), shifts: layout.map(\.shift), bits: bits, count: count,
                    cancellation: cancellation)
                return GroupAssignment(relation: relation, groupOf: direct.groupOf, firstPosition: direct.firstPosition,
                    keyViews: views, encoders: encoders, words: direct.words, stride: 1, layout: layout, wordsPerGroup: true)
            }
            var words = [UInt64](repeating: 0, count: count * stride)
            // Each core encodes its own range of rows.
            let ranges = Parallel.ranges(count)
            words.withUnsafeMutableBufferPointer { buffer in
                let shared = SharedPointer(buffer.baseAddress)
                _ = try? Parallel.map(ranges.count) { (part) throws(Diagnostic) in
                    guard let base = shared.pointer else { return }
                    for (index, encoder) in encoders.enumerated() {
                        encoder.write(rows: views[index].rows, in: ranges[part], into: base, stride: stride,
                            word: layout[index].word, shift: layout[index].shift)
                    }
                }
            }
            try cancellation?.check()
            let assigned = try words.withUnsafeBufferPointer { (words) throws(Diagnostic) in
                try GroupTable.assign(words, stride: stride, count: count, cancellation: cancellation)
            }
            return GroupAssignment(relation: relation, groupOf: assigned.groupOf, firstPosition: assigned.firstPosition,
                keyViews: views, encoders: encoders, words: words, stride: stride, layout: layout)
        }
        return try boxed(relation, views: views, expandLists: expandLists, cancellation: cancellation)
    }

    /// Word and shift of each key: keys fill a word in order, starting a new word when the
    /// next one does not fit.
    private static func pack(_ widths: [Int]) -> (stride: Int, layout: [(word: Int, shift: Int)]) {
        var layout: [(word: Int, shift: Int)] = []
        var word = 0
        var used = 0
        for width in widths {
            if used + width > 64 {
                word += 1
                used = 0
            }
            layout.append((word, used))
            used += width
        }
        return (word + 1, layout)
    }

    // MARK: - The boxed path

    private static func boxed(
        _ relation: Relation, views: [ColumnView], expandLists: Bool, cancellation: Cancellation?
    ) throws(Diagnostic) -> GroupAssignment {
        var index: [[Value]: Int32] = [:]
        var keys: [[Value]] = []
        var groupOf: [Int32] = []
        var firstPosition: [Int32] = []
        var repeatedRows: [Int32] = []
        let hasLists = expandLists && views.contains { if case .list = $0.column { return true } else { return false } }
        var combinations = 0
        for position in 0..<relation.count {
            if position & 0xFFF == 0 { try cancellation?.check() }
            let values = views.map { $0.value(at: position) }
            let body = { (key: [Value]) in
                let group: Int32
                if let existing = index[key] {
                    group = existing
                } else {
                    group = Int32(truncatingIfNeeded: keys.count)
                    index[key] = group
                    keys.append(key)
                    firstPosition.append(Int32(truncatingIfNeeded: groupOf.count))
                }
                groupOf.append(group)
                if hasLists { repeatedRows.append(Int32(truncatingIfNeeded: position)) }
            }
            if hasLists {
                try ListCombinations.forEach(values, made: &combinations, cancellation: cancellation, body)
            } else {
                body(values)
            }
        }
        var grouped = relation
        var groupedViews = views
        if hasLists {
            // Each combination is a position of its own: the relation repeats its row.
            grouped.rows = .some(repeatedRows.map { Int32(truncatingIfNeeded: relation.rows[Int($0)]) })
            groupedViews = views.map { $0.gathered(repeatedRows) }
        }
        return GroupAssignment(relation: grouped, groupOf: groupOf, firstPosition: firstPosition,
            keyViews: groupedViews, encoders: nil, boxedKeys: keys)
    }
}

/// A column and the column rows that positions read: a field of the relation read through its
/// rows, or a computed key materialised with one value per position.
package struct ColumnView {
    package var column: Column
    package var rows: RowSet

    package init(column: Column, rows: RowSet) {
        self.column = column
        self.rows = rows
    }

    package init(_ expression: BoundExpr, in relation: Relation, cancellation: Cancellation?) throws(Diagnostic) {
        if let index = expression.fieldIndex {
            self.init(column: relation.columns[index], rows: relation.rows)
        } else {
            self.init(column: try Evaluator.materialize(expression, relation: relation, cancellation: cancellation),
                rows: .all(relation.count))
        }
    }

    @inline(__always)
    package func value(at position: Int) -> Value { column.value(at: rows[position]) }

    /// The view over positions picked by `positions` (of this view's positions).
    package func gathered(_ positions: [Int32]) -> ColumnView {
        ColumnView(column: column, rows: .some(positions.map { Int32(truncatingIfNeeded: rows[Int($0)]) }))
    }

    /// A column of the values at these positions.
    package func gather(_ positions: [Int32]) -> Column {
        switch rows {
        case .all: return column.gather(positions)
        case .some(let indices): return column.gather(positions.map { indices[Int($0)] })
        }
    }
}
