import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `join` and `left join`: a hash join on one key a side, with `=` semantics (text
/// case-insensitive, integers and decimals by value). A missing key matches nothing, as in
/// SQL: joining on "unknown" would pair every unknown with every other. Duplicate keys give
/// every pair; output keeps the pipeline's order, then the joined rows' order.
package enum Joiner {
    /// A key normalised so that equal-by-§4 values hash alike.
    private enum Key: Hashable {
        case text([UInt8])
        /// Integers and exact decimals, by value (`DecimalNumber` hashes by value: 2 = 2.0).
        case number(DecimalNumber)
        case float(Double)
        case date(Int32)
        case datetime(Int64)
        case bool(Bool)
    }

    private static func key(_ value: Value) -> Key? {
        switch value {
        case .missing, .list: return nil
        case .text(let text): return .text(TextFolding.fold(text))
        case .integer(let number): return .number(DecimalNumber(number))
        case .decimal(let number): return .number(number)
        case .float(let number):
            // A double that is a whole number meets the integer of that value, exactly.
            if let whole = Int64(exactly: number) { return .number(DecimalNumber(whole)) }
            return .float(number)
        case .date(let days): return .date(days)
        case .datetime(let microseconds): return .datetime(microseconds)
        case .bool(let flag): return .bool(flag)
        }
    }

    /// The joined rows a key meets: a list meets the rows of ANY of its items, each once, in
    /// the joined side's order.
    private static func matches(_ value: Value, in table: [Key: [Int32]]) -> [Int32] {
        guard case .list(let items) = value else { return key(value).flatMap { table[$0] } ?? [] }
        let found = Set(items.flatMap { key(.text($0)).flatMap { table[$0] } ?? [] })
        return found.sorted()
    }

    /// More result rows than this is an error, not gigabytes (§7).
    static let maximumRows = 50_000_000

    package static func join(_ left: Relation, _ right: Relation, _ join: BoundJoin, fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
        let leftView = ColumnView(column: left.columns[join.leftKey], rows: left.rows)
        let rightView = ColumnView(column: right.columns[join.rightKey], rows: right.rows)
        let (leftRows, rightRows): ([Int32], [Int32])
        if let keys = JoinKeys(left: leftView, right: rightView) {
            (leftRows, rightRows) = try pairs(keys, left: left.rows, right: right.rows, isLeft: join.isLeft, cancellation: cancellation)
        } else {
            (leftRows, rightRows) = try boxedPairs(left, right, join, cancellation: cancellation)
        }
        let columns = left.columns.map { $0.gather(leftRows) } + right.columns.map { $0.gather(rightRows) }
        // Each result row rests on a row of each side (a left join's unmatched row on one).
        let lineage = left.lineage.map { $0.gathered(leftRows) } + right.lineage.map { $0.gathered(rightRows) }
        return Relation(fields: fields, columns: columns, rows: .all(leftRows.count), lineage: lineage)
    }

    /// The matching pairs of rows, by grouping both sides' key words at once: a group with
    /// right rows is a key the left rows of the same group meet. Right rows of a key keep
    /// their order, so pairs come in the pipeline's order, then the joined side's.
    private static func pairs(
        _ keys: JoinKeys, left: RowSet, right: RowSet, isLeft: Bool, cancellation: Cancellation?
    ) throws(Diagnostic) -> ([Int32], [Int32]) {
        let rightCount = right.count
        let total = keys.words.count
        let assigned = try keys.words.withUnsafeBufferPointer { (words) throws(Diagnostic) in
            try GroupTable.assign(words, stride: 1, count: total, cancellation: cancellation)
        }
        let groupCount = assigned.firstPosition.count
        // The right rows of each group, side by side (counted, then placed in order).
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for position in 0..<rightCount where !keys.missing[position] { starts[Int(assigned.groupOf[position]) + 1] += 1 }
        for group in 0..<groupCount { starts[group + 1] += starts[group] }
        var placed = [Int32](repeating: 0, count: starts[groupCount])
        var cursor = starts
        right.forEachRow { position, row in
            if keys.missing[position] { return }
            let group = Int(assigned.groupOf[position])
            placed[cursor[group]] = Int32(truncatingIfNeeded: row)
            cursor[group] += 1
        }
        try cancellation?.check()
        var leftRows: [Int32] = []
        var rightRows: [Int32] = []
        leftRows.reserveCapacity(left.count)
        rightRows.reserveCapacity(left.count)
        var failure: Diagnostic?
        left.forEachRow { position, row in
            if failure != nil { return }
            let slot = rightCount + position
            let matches = keys.missing[slot] ? 0..<0 : starts[Int(assigned.groupOf[slot])]..<starts[Int(assigned.groupOf[slot]) + 1]
            if matches.isEmpty {
                if isLeft {
                    leftRows.append(Int32(truncatingIfNeeded: row))
                    rightRows.append(-1)
                }
                return
            }
            for match in matches {
                leftRows.append(Int32(truncatingIfNeeded: row))
                rightRows.append(placed[match])
            }
            if leftRows.count > maximumRows { failure = tooManyRows() }
            if position & 0xFFFF == 0, cancellation?.isCancelled == true { failure = DataMessages.cancelled() }
        }
        if let failure {
            try cancellation?.check()
            throw failure
        }
        return (leftRows, rightRows)
    }

    private static func tooManyRows() -> Diagnostic {
        Diagnostic(.tooLarge, "this join makes more than 50 million rows",
            hint: "join on a field whose values are more unique, or filter first")
    }

    /// Pairs by boxed keys, for key types without words (floating point, lists).
    private static func boxedPairs(
        _ left: Relation, _ right: Relation, _ join: BoundJoin, cancellation: Cancellation?
    ) throws(Diagnostic) -> ([Int32], [Int32]) {
        var table: [Key: [Int32]] = [:]
        let rightColumn = right.columns[join.rightKey]
        for position in 0..<right.count {
            if position & 0xFFF == 0 { try cancellation?.check() }
            let row = right.rows[position]
            guard let key = key(rightColumn.value(at: row)) else { continue }
            table[key, default: []].append(Int32(truncatingIfNeeded: row))
        }
        let leftColumn = left.columns[join.leftKey]
        var leftRows: [Int32] = []
        var rightRows: [Int32] = []
        for position in 0..<left.count {
            if position & 0xFFF == 0 { try cancellation?.check() }
            let row = left.rows[position]
            let matches = self.matches(leftColumn.value(at: row), in: table)
            if matches.isEmpty {
                if join.isLeft {
                    leftRows.append(Int32(truncatingIfNeeded: row))
                    rightRows.append(-1)
                }
                continue
            }
            for match in matches {
                leftRows.append(Int32(truncatingIfNeeded: row))
                rightRows.append(match)
                if leftRows.count & 0xFFFF == 0 { try cancellation?.check() }
            }
            if leftRows.count > maximumRows { throw tooManyRows() }
        }
        return (leftRows, rightRows)
    }
}
