import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// A `where` condition as a chain of column kernels: `a and b and c` filters the rows by `a`,
/// then only the survivors by `b`, and so on, each kernel a tight loop over one typed column
/// with the comparison decided before the loop (a dictionary-code table for text, a value
/// range for numbers and dates). Conditions without a kernel (`or`, computed values) run as
/// one compiled test (`Predicate`), with the same meaning.
package enum RowFilter {
    case everything
    case nothing
    /// Text: `table[code]` says whether the row passes.
    case codeTable(codes: [UInt32], table: [Bool])
    /// Integers within `low...high` (missing rows fail).
    case integerRange(values: [Int64], missing: Bitmap?, low: Int64, high: Int64)
    case decimalRange(values: [Double], missing: Bitmap?, low: Double, high: Double)
    case dateRange(values: [Int32], missing: Bitmap?, low: Int32, high: Int32)
    case test(Predicate.Test)
    indirect case chain([RowFilter])

    package static func compile(_ condition: BoundExpr, columns: [Column], cancellation: Cancellation?) -> RowFilter {
        switch condition {
        case .constant(.bool(true)):
            return .everything
        case .constant:
            return .nothing
        case .and(let operands):
            return .chain(operands.map { compile($0, columns: columns, cancellation: cancellation) })
        case .compare(let op, let left, let right):
            if let index = left.fieldIndex, case .constant(let constant) = right,
                let kernel = kernel(op, columns[index], constant, cancellation)
            {
                return kernel
            }
            if let index = right.fieldIndex, case .constant(let constant) = left,
                let kernel = kernel(op.flipped, columns[index], constant, cancellation)
            {
                return kernel
            }
        case .inList(let operand, let values, let negated):
            if let index = operand.fieldIndex, case .text(let text) = columns[index] {
                let wantsMissing = values.contains { $0.isMissing }
                let folded = values.filter { !$0.isMissing }.map { TextFolding.fold($0.formatted()) }
                let table = text.dictionary.table(missingAnswer: wantsMissing != negated, cancellation: cancellation) { entry in
                    folded.contains { TextFolding.foldedEquals(entry, $0) } != negated
                }
                return .codeTable(codes: text.codes, table: table)
            }
        default:
            break
        }
        return .test(Predicate.compile(condition, columns: columns, cancellation: cancellation))
    }

    /// A kernel for `field op constant`, when the column kind has one.
    private static func kernel(_ op: ComparisonOperator, _ column: Column, _ constant: Value, _ cancellation: Cancellation?) -> RowFilter? {
        if constant.isMissing { return nil }
        switch (column, constant) {
        case (.text(let text), _):
            return .codeTable(codes: text.codes, table: Predicate.textTable(op, text.dictionary, constant, cancellation))
        case (.integer(let integers), .integer(let value)), (.datetime(let integers), .datetime(let value)):
            guard op != .notEqual else { return nil }
            let (low, high) = integerBounds(op, value)
            return low > high ? .nothing : .integerRange(values: integers.values, missing: integers.missing, low: low, high: high)
        case (.integer(let integers), .decimal(let value)):
            guard op != .notEqual else { return nil }
            let (low, high) = NumericBounds.mantissas(op, scale: 0, constant: value)
            return low > high ? .nothing : .integerRange(values: integers.values, missing: integers.missing, low: low, high: high)
        case (.decimal(let decimals), .integer), (.decimal(let decimals), .decimal):
            guard op != .notEqual, let exact = NumericBounds.exact(constant) else { return nil }
            let (low, high) = NumericBounds.mantissas(op, scale: decimals.scale, constant: exact)
            return low > high ? .nothing : .integerRange(values: decimals.mantissas, missing: decimals.missing, low: low, high: high)
        case (.float(let floats), .integer), (.float(let floats), .decimal):
            guard op != .notEqual, let exact = NumericBounds.exact(constant) else { return nil }
            let (low, high) = NumericBounds.doubles(op, exactly: exact)
            return low > high ? .nothing : .decimalRange(values: floats.values, missing: floats.missing, low: low, high: high)
        case (.float(let floats), .float(let value)):
            guard op != .notEqual, value.isFinite else { return nil }
            let (low, high) = NumericBounds.doubles(op, value)
            return .decimalRange(values: floats.values, missing: floats.missing, low: low, high: high)
        case (.date(let dates), .date(let value)):
            guard op != .notEqual else { return nil }
            let (low, high) = integerBounds(op, Int64(value))
            guard low <= high, low <= Int64(Int32.max), high >= Int64(Int32.min) else { return .nothing }
            return .dateRange(values: dates.values, missing: dates.missing, low: Int32(clamping: low), high: Int32(clamping: high))
        default:
            return nil
        }
    }

    /// The closed range of integers satisfying `x op value`.
    private static func integerBounds(_ op: ComparisonOperator, _ value: Int64) -> (Int64, Int64) {
        switch op {
        case .equal: return (value, value)
        case .less: return value == .min ? (1, 0) : (.min, value - 1)
        case .lessEqual: return (.min, value)
        case .greater: return value == .max ? (1, 0) : (value + 1, .max)
        case .greaterEqual: return (value, .max)
        case .notEqual: return (.min, .max)
        }
    }

    // MARK: - Running

    /// The rows of `rows` that pass, in order.
    package func apply(_ rows: RowSet, cancellation: Cancellation?) throws(Diagnostic) -> [Int32] {
        switch self {
        case .everything:
            return rows.indices
        case .nothing:
            return []
        case .chain(let filters):
            var current = rows
            for filter in filters {
                let kept = try filter.apply(current, cancellation: cancellation)
                if kept.isEmpty { return [] }
                current = .some(kept)
            }
            return current.indices
        case .codeTable(let codes, let table):
            return try RowFilter.select(rows, cancellation) { table[Int(codes[$0])] }
        case .integerRange(let values, let missing, let low, let high):
            if let missing {
                return try RowFilter.select(rows, cancellation) { !missing[$0] && values[$0] >= low && values[$0] <= high }
            }
            return try RowFilter.select(rows, cancellation) { values[$0] >= low && values[$0] <= high }
        case .decimalRange(let values, let missing, let low, let high):
            if let missing {
                return try RowFilter.select(rows, cancellation) { !missing[$0] && values[$0] >= low && values[$0] <= high }
            }
            return try RowFilter.select(rows, cancellation) { values[$0] >= low && values[$0] <= high }
        case .dateRange(let values, let missing, let low, let high):
            if let missing {
                return try RowFilter.select(rows, cancellation) { !missing[$0] && values[$0] >= low && values[$0] <= high }
            }
            return try RowFilter.select(rows, cancellation) { values[$0] >= low && values[$0] <= high }
        case .test(let test):
            return try Predicate.filter(rows, test, cancellation: cancellation)
        }
    }

    /// The selection loop, specialised for each kernel's test (inlined, not called through).
    @inline(__always)
    package static func select(
        _ rows: RowSet, _ cancellation: Cancellation?, _ passes: (Int) -> Bool
    ) throws(Diagnostic) -> [Int32] {
        var kept: [Int32] = []
        switch rows {
        case .all(let count):
            kept.reserveCapacity(min(count, 1 << 16))
            var start = 0
            while start < count {
                try cancellation?.check()
                let end = min(count, start + 65_536)
                for row in start..<end where passes(row) { kept.append(Int32(truncatingIfNeeded: row)) }
                start = end
            }
        case .some(let indices):
            kept.reserveCapacity(min(indices.count, 1 << 16))
            var start = 0
            while start < indices.count {
                try cancellation?.check()
                let end = min(indices.count, start + 65_536)
                for position in start..<end where passes(Int(indices[position])) { kept.append(indices[position]) }
                start = end
            }
        }
        return kept
    }
}
