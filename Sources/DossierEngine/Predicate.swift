import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// Compiles a condition into a test on row ids, once per query. A comparison of a field with a
/// constant becomes a kernel over the typed column: for text, the comparison is evaluated once
/// per distinct value into a table indexed by dictionary code, so the row loop reads one byte.
/// Everything else falls back to `Evaluator` and `ValueComparison`, with the same semantics.
package enum Predicate {
    package typealias Test = (Int) -> Bool

    package static func compile(_ expression: BoundExpr, columns: [Column], cancellation: Cancellation?) -> Test {
        switch expression {
        case .constant(.bool(let flag)):
            return { _ in flag }
        case .constant:
            return { _ in false }
        case .field(let index, _):
            if case .bool(let column) = columns[index] {
                let values = column.values
                return { values[$0] == 1 }
            }
            return { _ in false }
        case .not(let operand):
            let test = compile(operand, columns: columns, cancellation: cancellation)
            return { !test($0) }
        case .and(let operands):
            let tests = operands.map { compile($0, columns: columns, cancellation: cancellation) }
            if tests.count == 2 {
                let (first, second) = (tests[0], tests[1])
                return { first($0) && second($0) }
            }
            return { row in tests.allSatisfy { $0(row) } }
        case .or(let operands):
            let tests = operands.map { compile($0, columns: columns, cancellation: cancellation) }
            if tests.count == 2 {
                let (first, second) = (tests[0], tests[1])
                return { first($0) || second($0) }
            }
            return { row in tests.contains { $0(row) } }
        case .compare(let op, let left, let right):
            if let index = left.fieldIndex, case .constant(let constant) = right {
                return fieldKernel(op, columns[index], constant, cancellation)
            }
            if let index = right.fieldIndex, case .constant(let constant) = left {
                return fieldKernel(op.flipped, columns[index], constant, cancellation)
            }
            let leftValue = Evaluator.compile(left, columns: columns, cancellation: cancellation)
            let rightValue = Evaluator.compile(right, columns: columns, cancellation: cancellation)
            return { ValueComparison.test(op, leftValue($0), rightValue($0)) }
        case .inList(let operand, let values, let negated):
            let test = inList(operand, values, columns: columns, cancellation: cancellation)
            return negated ? { !test($0) } : test
        case .between(let operand, let low, let high, let negated):
            let value = Evaluator.compile(operand, columns: columns, cancellation: cancellation)
            let lowValue = Evaluator.compile(low, columns: columns, cancellation: cancellation)
            let highValue = Evaluator.compile(high, columns: columns, cancellation: cancellation)
            let test: Test = { row in
                between(value(row), lowValue(row), highValue(row))
            }
            return negated ? { !test($0) } : test
        case .textMatch(let matcher, let operand, let negated):
            let test = textMatch(matcher, operand, columns: columns, cancellation: cancellation)
            return negated ? { !test($0) } : test
        case .isMissing(let operand, let negated):
            let test: Test
            if let index = operand.fieldIndex {
                let column = columns[index]
                test = { column.isMissing($0) }
            } else {
                let value = Evaluator.compile(operand, columns: columns, cancellation: cancellation)
                test = { value($0).isMissing }
            }
            return negated ? { !test($0) } : test
        case .arithmetic, .negate, .call:
            let value = Evaluator.compile(expression, columns: columns, cancellation: cancellation)
            return { if case .bool(true) = value($0) { return true } else { return false } }
        }
    }

    /// `low <= value <= high`; for a list, one element must be within both bounds.
    package static func between(_ value: Value, _ low: Value, _ high: Value) -> Bool {
        if case .list(let items) = value {
            return items.contains { between(.text($0), low, high) }
        }
        return ValueComparison.test(.greaterEqual, value, low) && ValueComparison.test(.lessEqual, value, high)
    }

    // MARK: - Field against constant

    private static func fieldKernel(_ op: ComparisonOperator, _ column: Column, _ constant: Value, _ cancellation: Cancellation?) -> Test {
        if case .missing = constant {
            switch op {
            case .equal: return { column.isMissing($0) }
            case .notEqual: return { !column.isMissing($0) }
            default: return { _ in false }
            }
        }
        switch (column, constant) {
        case (.text(let text), _):
            let table = textTable(op, text.dictionary, constant, cancellation)
            let codes = text.codes
            return { table[Int(codes[$0])] }
        case (.list(let list), _):
            return listKernel(op, list, constant, cancellation)
        case (.integer(let integers), .integer(let value)):
            return ordered(integers.values, integers.missing, op, value)
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
            // Stored integers (mantissas, for decimals) against the constant at the same
            // scale, decided exactly before the loop.
            let exact = NumericBounds.exact(constant) ?? DecimalNumber(0)
            let (values, missing, scale): ([Int64], Bitmap?, Int)
            switch column {
            case .decimal(let decimals): (values, missing, scale) = (decimals.mantissas, decimals.missing, decimals.scale)
            default: (values, missing, scale) = (integers(column), column.missingBitmap, 0)
            }
            let (low, high) = NumericBounds.mantissas(op == .notEqual ? .equal : op, scale: scale, constant: exact)
            if op == .notEqual {
                return { row in missing?[row] == true || values[row] < low || values[row] > high }
            }
            return { row in missing?[row] != true && values[row] >= low && values[row] <= high }
        case (.float(let floats), .integer), (.float(let floats), .decimal), (.float(let floats), .float):
            let (low, high): (Double, Double)
            if case .float(let value) = constant {
                (low, high) = NumericBounds.doubles(op == .notEqual ? .equal : op, value)
            } else {
                (low, high) = NumericBounds.doubles(op == .notEqual ? .equal : op, exactly: NumericBounds.exact(constant) ?? DecimalNumber(0))
            }
            let values = floats.values
            let missing = floats.missing
            if op == .notEqual {
                return { row in missing?[row] == true || !(values[row] >= low && values[row] <= high) }
            }
            return { row in missing?[row] != true && values[row] >= low && values[row] <= high }
        case (.date(let dates), .date(let value)):
            return ordered(dates.values, dates.missing, op, value)
        case (.datetime(let datetimes), .datetime(let value)):
            return ordered(datetimes.values, datetimes.missing, op, value)
        case (.bool(let bools), .bool(let value)):
            let values = bools.values
            let wanted: UInt8 = value ? 1 : 0
            switch op {
            case .equal: return { values[$0] == wanted }
            case .notEqual: return { values[$0] != wanted }
            default:
                return { row in
                    let present = values[row]
                    return present != BoolColumn.missingCode && op.accepts(present < wanted ? -1 : (present > wanted ? 1 : 0))
                }
            }
        default:
            return { row in ValueComparison.test(op, column.value(at: row), constant) }
        }
    }

    private static func integers(_ column: Column) -> [Int64] {
        if case .integer(let integers) = column { return integers.values }
        return []
    }

    /// A comparison on a sorted-comparable typed array with a missing mask.
    @inline(__always)
    private static func ordered<T: Comparable>(_ values: [T], _ missing: Bitmap?, _ op: ComparisonOperator, _ constant: T) -> Test {
        if let missing {
            switch op {
            case .equal: return { !missing[$0] && values[$0] == constant }
            case .notEqual: return { missing[$0] || values[$0] != constant }
            case .less: return { !missing[$0] && values[$0] < constant }
            case .lessEqual: return { !missing[$0] && values[$0] <= constant }
            case .greater: return { !missing[$0] && values[$0] > constant }
            case .greaterEqual: return { !missing[$0] && values[$0] >= constant }
            }
        }
        switch op {
        case .equal: return { values[$0] == constant }
        case .notEqual: return { values[$0] != constant }
        case .less: return { values[$0] < constant }
        case .lessEqual: return { values[$0] <= constant }
        case .greater: return { values[$0] > constant }
        case .greaterEqual: return { values[$0] >= constant }
        }
    }

    /// The answer of `entry op constant` for every dictionary code (code 0 = missing).
    package static func textTable(_ op: ComparisonOperator, _ dictionary: TextDictionary, _ constant: Value, _ cancellation: Cancellation?) -> [Bool] {
        let folded = TextFolding.fold(constant.formatted())
        switch op {
        case .equal:
            return dictionary.table(missingAnswer: false, cancellation: cancellation) { TextFolding.foldedEquals($0, folded) }
        case .notEqual:
            return dictionary.table(missingAnswer: true, cancellation: cancellation) { !TextFolding.foldedEquals($0, folded) }
        default:
            let bound = TextOrder.key(constant.formatted())
            return dictionary.table(missingAnswer: false, cancellation: cancellation) { entry in
                op.accepts(TextOrder.compare(TextOrder.key(entry), bound))
            }
        }
    }

    /// Lists: true if ANY element satisfies; `!=` true if NO element equals (§4).
    private static func listKernel(_ op: ComparisonOperator, _ list: ListColumn, _ constant: Value, _ cancellation: Cancellation?) -> Test {
        let positive = op == .notEqual ? ComparisonOperator.equal : op
        let table = textTable(positive, list.dictionary, constant, cancellation)
        let offsets = list.offsets
        let items = list.items
        let any: Test = { row in
            var index = Int(offsets[row])
            let end = Int(offsets[row + 1])
            while index < end {
                if table[Int(items[index])] { return true }
                index += 1
            }
            return false
        }
        return op == .notEqual ? { !any($0) } : any
    }

    private static func inList(_ operand: BoundExpr, _ values: [Value], columns: [Column], cancellation: Cancellation?) -> Test {
        let wantsMissing = values.contains { $0.isMissing }
        let present = values.filter { !$0.isMissing }
        if let index = operand.fieldIndex {
            switch columns[index] {
            case .text(let text):
                let folded = present.map { TextFolding.fold($0.formatted()) }
                let table = text.dictionary.table(missingAnswer: wantsMissing, cancellation: cancellation) { entry in
                    folded.contains { TextFolding.foldedEquals(entry, $0) }
                }
                let codes = text.codes
                return { table[Int(codes[$0])] }
            case .list(let list):
                let folded = present.map { TextFolding.fold($0.formatted()) }
                let table = list.dictionary.table(missingAnswer: false, cancellation: cancellation) { entry in
                    folded.contains { TextFolding.foldedEquals(entry, $0) }
                }
                let offsets = list.offsets
                let items = list.items
                return { row in
                    let start = Int(offsets[row])
                    let end = Int(offsets[row + 1])
                    if start == end { return wantsMissing }
                    return items[start..<end].contains { table[Int($0)] }
                }
            default:
                break
            }
        }
        let value = Evaluator.compile(operand, columns: columns, cancellation: cancellation)
        return { row in
            let current = value(row)
            return values.contains { ValueComparison.equals(current, $0) }
        }
    }

    private static func textMatch(_ matcher: TextMatcher, _ operand: BoundExpr, columns: [Column], cancellation: Cancellation?) -> Test {
        if let index = operand.fieldIndex {
            switch columns[index] {
            case .text(let text):
                let table = text.dictionary.table(missingAnswer: false, cancellation: cancellation) { matcher.test($0, cancellation: cancellation) }
                let codes = text.codes
                return { table[Int(codes[$0])] }
            case .list(let list):
                let table = list.dictionary.table(missingAnswer: false, cancellation: cancellation) { matcher.test($0, cancellation: cancellation) }
                let offsets = list.offsets
                let items = list.items
                return { row in items[Int(offsets[row])..<Int(offsets[row + 1])].contains { table[Int($0)] } }
            default:
                break
            }
        }
        let value = Evaluator.compile(operand, columns: columns, cancellation: cancellation)
        return { row in
            switch value(row) {
            case .missing: return false
            case .list(let items): return items.contains { matcher.test($0, cancellation: cancellation) }
            case .text(let text): return matcher.test(text, cancellation: cancellation)
            case let other: return matcher.test(other.formatted(), cancellation: cancellation)
            }
        }
    }

    // MARK: - Running

    /// The rows of `rows` that pass `test`, in order.
    package static func filter(_ rows: RowSet, _ test: Test, cancellation: Cancellation?) throws(Diagnostic) -> [Int32] {
        try RowFilter.select(rows, cancellation, test)
    }
}
