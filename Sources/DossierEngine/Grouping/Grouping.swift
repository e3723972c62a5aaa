import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `count by` and `distinct`, on `GroupAssignment`.
package enum Grouping {
    /// `count [by …]`: one row a group, most rows first, ties in key order (the spec).
    package static func count(_ relation: Relation, keys: [BoundExpr], fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        if keys.isEmpty {
            return Relation(fields: fields, columns: [.integer(IntegerColumn(values: [Int64(relation.count)], missing: nil))], rows: .all(1))
        }
        let groups = try GroupAssignment.make(relation, keys: keys, expandLists: true, cancellation: cancellation)
        let counts = GroupAggregates(groups, cancellation: cancellation).rowCounts
        let order = try GroupOrder.byCountThenKeys(groups, counts: counts, cancellation: cancellation)
        // Columns stay in group order; the result's rows put them in count order (no copy).
        var columns = keyColumns(groups, fields: fields)
        columns.append(.integer(IntegerColumn(values: counts, missing: nil)))
        return Relation(fields: typed(fields, columns), columns: columns, rows: .some(order))
    }

    /// The key columns of the groups, in group order.
    /// A key is read at its group's first row (keeping how it was written: `1e300`), except a
    /// list key, whose groups are its items.
    package static func keyColumns(_ groups: GroupAssignment, fields: [Field]) -> [Column] {
        groups.keyViews.indices.map { key in
            let view = groups.keyViews[key]
            if case .list = view.column, let boxed = groups.boxedKeys {
                return Column.buildWidening(fields[key].type, boxed.map { $0[key] })
            }
            return view.gather(groups.firstPosition)
        }
    }

    /// Fields with the types their columns turned out to have (a sum that outgrew integers).
    package static func typed(_ fields: [Field], _ columns: [Column]) -> [Field] {
        var result = fields
        for index in result.indices where index < columns.count { result[index].type = columns[index].type }
        return result
    }

    // MARK: - distinct

    /// Distinct rows (of `keys`, or whole rows) in first-seen order; a list is one value here.
    package static func distinct(_ relation: Relation, keys: [BoundExpr], wholeRow: Bool, fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        let keyExpressions = wholeRow ? relation.fields.indices.map { BoundExpr.field($0, relation.fields[$0].type) } : keys
        let groups = try GroupAssignment.make(relation, keys: keyExpressions, expandLists: false, cancellation: cancellation)
        let kept = groups.firstPosition.map { Int32(truncatingIfNeeded: relation.rows[Int($0)]) }
        if wholeRow {
            var result = relation
            result.rows = .some(kept)
            return result
        }
        let columns = groups.keyViews.map { $0.gather(groups.firstPosition) }
        return Relation(fields: typed(fields, columns), columns: columns, rows: .all(kept.count),
            lineage: relation.lineage.map { $0.gathered(kept) })
    }
}

extension Grouping {
    /// `limit N offset M per F, ...`: the rows ranked M..<M+N within their group of equal keys,
    /// in the order they come (so after a `sort`, each group's top N). With `sortedBy` (a
    /// `sort` fused into this step), only each group's first N + M rows are put in order.
    package static func limitPer(
        _ relation: Relation, count: Int, offset: Int, keys: [BoundExpr], sortedBy: [BoundSortKey], cancellation: Cancellation?
    ) throws(Diagnostic) -> Relation {
        if sortedBy.isEmpty { return try firstPer(relation, count: count, offset: offset, keys: keys, cancellation: cancellation) }
        let (working, keyColumns) = try Sorter.keyColumns(relation, keys: sortedBy, cancellation: cancellation)
        let words = try Sorter.sortWords(keyColumns, rows: working.rows, cancellation: cancellation)
        let (keep, overflow) = count.addingReportingOverflow(offset)
        // A buffer of 1...64 rows a group; `limit 0` (nothing kept) takes the plain path.
        guard words.count == 1, !overflow, keep >= 1, keep <= 64 else {
            let sorted = try Sorter.sort(relation, keys: sortedBy, cancellation: cancellation)
            return try firstPer(sorted, count: count, offset: offset, keys: keys, cancellation: cancellation)
        }
        let groups = try GroupAssignment.make(working, keys: keys, expandLists: false, cancellation: cancellation)
        let best = TopPerGroup.select(words[0], groupOf: groups.groupOf, groupCount: groups.groupCount, keep: keep)
        try cancellation?.check()
        // The kept rows in sort order (ties in input order), then each group's ranks M..<M+N.
        let order = RadixSort.order(words: [best.words, best.positions.map { UInt64($0) }])
        var seen = [Int](repeating: 0, count: groups.groupCount)
        var kept: [Int32] = []
        for index in order {
            let position = Int(best.positions[Int(index)])
            let group = Int(groups.groupOf[position])
            let rank = seen[group]
            seen[group] = rank + 1
            if rank >= offset { kept.append(Int32(truncatingIfNeeded: working.rows[position])) }
        }
        var result = working
        result.rows = .some(kept)
        return result
    }

    /// The rows ranked M..<M+N within their group, in the order they come.
    private static func firstPer(
        _ relation: Relation, count: Int, offset: Int, keys: [BoundExpr], cancellation: Cancellation?
    ) throws(Diagnostic) -> Relation {
        let groups = try GroupAssignment.make(relation, keys: keys, expandLists: false, cancellation: cancellation)
        var seen = [Int](repeating: 0, count: groups.groupCount)
        var kept: [Int32] = []
        groups.groupOf.withUnsafeBufferPointer { groupOf in
            relation.rows.forEachRow { position, row in
                let group = Int(groupOf[position])
                let rank = seen[group]
                seen[group] = rank + 1
                if rank >= offset, rank - offset < count { kept.append(Int32(truncatingIfNeeded: row)) }
            }
        }
        var result = relation
        result.rows = .some(kept)
        return result
    }
}

/// Each group's `keep` smallest sort words (ties: the earlier position), kept in a small
/// sorted buffer per group: one pass over the rows, and a row enters only when it beats the
/// worst kept so far.
enum TopPerGroup {
    struct Kept {
        var words: [UInt64]
        var positions: [Int32]
    }

    /// Each group's `keep` smallest words (1 or more: a full buffer compares with its last).
    /// With buffers small enough to hold twice, each core fills its own over its range of rows
    /// and the buffers are merged (the earlier range's rows win ties, as one pass would have it).
    static func select(_ words: [UInt64], groupOf: [Int32], groupCount: Int, keep: Int) -> Kept {
        guard keep >= 1 else { return Kept(words: [], positions: []) }
        let ranges = groupCount * keep <= 1 << 20 ? Parallel.ranges(words.count) : [0..<words.count]
        let parts = words.withUnsafeBufferPointer { words in
            groupOf.withUnsafeBufferPointer { groupOf in
                Parallel.each(ranges) { range in Buffers(words, groupOf: groupOf, range: range, groupCount: groupCount, keep: keep) }
            }
        }
        var kept = Kept(words: [], positions: [])
        guard var merged = parts.first else { return kept }
        for part in parts.dropFirst() { merged = merged.merged(with: part) }
        for group in 0..<groupCount {
            let base = group * keep
            for slot in 0..<merged.filled[group] {
                kept.words.append(merged.words[base + slot])
                kept.positions.append(merged.positions[base + slot])
            }
        }
        return kept
    }

    /// `keep` slots a group, sorted by word (ties: the earlier position first).
    struct Buffers {
        let keep: Int
        var words: [UInt64]
        var positions: [Int32]
        var filled: [Int]

        init(groupCount: Int, keep: Int) {
            self.keep = keep
            words = [UInt64](repeating: 0, count: groupCount * keep)
            positions = [Int32](repeating: 0, count: groupCount * keep)
            filled = [Int](repeating: 0, count: groupCount)
        }

        /// The best of the positions in `range`.
        init(
            _ words: UnsafeBufferPointer<UInt64>, groupOf: UnsafeBufferPointer<Int32>, range: Range<Int>, groupCount: Int, keep: Int
        ) {
            self.init(groupCount: groupCount, keep: keep)
            self.words.withUnsafeMutableBufferPointer { bestWords in
                positions.withUnsafeMutableBufferPointer { bestPositions in
                    filled.withUnsafeMutableBufferPointer { filled in
                        for position in range {
                            let group = Int(groupOf[position])
                            let word = words[position]
                            let base = group * keep
                            var used = filled[group]
                            // Later positions lose ties: a full buffer takes only a smaller word.
                            if used == keep {
                                if word >= bestWords[base + keep - 1] { continue }
                                used -= 1
                            } else {
                                filled[group] = used + 1
                            }
                            var slot = used
                            while slot > 0, bestWords[base + slot - 1] > word {
                                bestWords[base + slot] = bestWords[base + slot - 1]
                                bestPositions[base + slot] = bestPositions[base + slot - 1]
                                slot -= 1
                            }
                            bestWords[base + slot] = word
                            bestPositions[base + slot] = Int32(truncatingIfNeeded: position)
                        }
                    }
                }
            }
        }

        /// Each group's best `keep` of both; on equal words this one's (earlier rows) first.
        func merged(with later: Buffers) -> Buffers {
            var result = Buffers(groupCount: filled.count, keep: keep)
            for group in 0..<filled.count {
                let base = group * keep
                var mine = 0
                var theirs = 0
                var slot = 0
                while slot < keep, mine < filled[group] || theirs < later.filled[group] {
                    let takeMine = theirs >= later.filled[group]
                        || (mine < filled[group] && words[base + mine] <= later.words[base + theirs])
                    if takeMine {
                        result.words[base + slot] = words[base + mine]
                        result.positions[base + slot] = positions[base + mine]
                        mine += 1
                    } else {
                        result.words[base + slot] = later.words[base + theirs]
                        result.positions[base + slot] = later.positions[base + theirs]
                        theirs += 1
                    }
                    slot += 1
                }
                result.filled[group] = slot
            }
            return result
        }
    }
}
