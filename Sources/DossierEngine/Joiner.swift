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

    package static func join(_ left: Relation, _ right: Relation, _ join: BoundJoin, fields: [Field], cancellation: Cancellation?) throws(Diagnostic) -> Relation {
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
            if leftRows.count > 50_000_000 {
                throw Diagnostic(.tooLarge, "this join makes more than 50 million rows",
                    hint: "join on a field whose values are more unique, or filter first")
            }
        }
        let columns = left.columns.map { $0.gather(leftRows) } + right.columns.map { $0.gather(rightRows) }
        // Each result row rests on a row of each side (a left join's unmatched row on one).
        let lineage = left.lineage.map { $0.gathered(leftRows) } + right.lineage.map { $0.gathered(rightRows) }
        return Relation(fields: fields, columns: columns, rows: .all(leftRows.count), lineage: lineage)
    }
}
