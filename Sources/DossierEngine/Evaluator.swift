import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// Compiles a checked expression into a closure from row id to value: the general path, for
/// computed fields (`select upper(name)`, `people * 2`) and comparisons between fields.
/// Conditions on a field and a constant take the column kernels in `Predicate` instead.
package enum Evaluator {
    package typealias Compiled = (Int) -> Value

    package static func compile(_ expression: BoundExpr, columns: [Column], cancellation: Cancellation?) -> Compiled {
        switch expression {
        case .field(let index, _):
            let column = columns[index]
            return { column.value(at: $0) }
        case .constant(let value):
            return { _ in value }
        case .not, .and, .or, .compare, .inList, .between, .textMatch, .isMissing:
            let test = Predicate.compile(expression, columns: columns, cancellation: cancellation)
            return { .bool(test($0)) }
        case .arithmetic(let op, let left, let right, _):
            let leftValue = compile(left, columns: columns, cancellation: cancellation)
            let rightValue = compile(right, columns: columns, cancellation: cancellation)
            return { Arithmetic.apply(op, leftValue($0), rightValue($0)) }
        case .negate(let operand, _):
            let value = compile(operand, columns: columns, cancellation: cancellation)
            return { Arithmetic.negate(value($0)) }
        case .call(let function, let arguments, _):
            if let special = compileSpecial(function, arguments, columns: columns, cancellation: cancellation) { return special }
            let values = arguments.map { compile($0, columns: columns, cancellation: cancellation) }
            if function == .date, arguments.count == 2, case .constant(.text(let text)) = arguments[1] {
                // The format is read once, not per row.
                let format = DateText.Format(text)
                let value = values[0]
                return { row in Functions.date(value(row), format: format) }
            }
            if values.count == 1 {
                let value = values[0]
                return { Functions.call(function, [value($0)]) }
            }
            return { row in Functions.call(function, values.map { $0(row) }) }
        }
    }

    /// The functions compiled with more than their arguments' values: `if` evaluates only the
    /// value it chooses; `today()` and `now()` read the clock once a query, so every row sees
    /// one moment; `extract` compiles its pattern once.
    private static func compileSpecial(
        _ function: BuiltinFunction, _ arguments: [BoundExpr], columns: [Column], cancellation: Cancellation?
    ) -> Compiled? {
        switch function {
        case .if:
            guard arguments.count == 3 else { return nil }
            let condition = Predicate.compile(arguments[0], columns: columns, cancellation: cancellation)
            let then = compile(arguments[1], columns: columns, cancellation: cancellation)
            let otherwise = compile(arguments[2], columns: columns, cancellation: cancellation)
            return { row in condition(row) ? then(row) : otherwise(row) }
        case .coalesce:
            let values = arguments.map { compile($0, columns: columns, cancellation: cancellation) }
            return { row in
                for value in values {
                    let result = value(row)
                    if !result.isMissing { return result }
                }
                return .missing
            }
        case .today:
            let today = Value.date(SystemClock.today())
            return { _ in today }
        case .now:
            let now = Value.datetime(SystemClock.now())
            return { _ in now }
        case .extract:
            guard arguments.count == 2, case .constant(.text(let pattern)) = arguments[1], let regex = try? LinearRegex(pattern) else {
                return { _ in .missing }
            }
            let value = compile(arguments[0], columns: columns, cancellation: cancellation)
            return { row in TextFunctions.extract(value(row), regex, cancellation: cancellation) }
        default:
            return nil
        }
    }

    /// Evaluates `expression` for each row of `rows` into a new column (dense, in row order).
    package static func materialize(_ expression: BoundExpr, relation: Relation, cancellation: Cancellation?) throws(Diagnostic) -> Column {
        if let index = expression.fieldIndex {
            if case .all = relation.rows { return relation.columns[index] }
            return relation.columns[index].gather(relation.rows.indices)
        }
        let compiled = compile(expression, columns: relation.columns, cancellation: cancellation)
        var values: [Value] = []
        values.reserveCapacity(relation.count)
        for position in 0..<relation.count {
            if position & 0xFFF == 0 { try cancellation?.check() }
            values.append(compiled(relation.rows[position]))
        }
        // Integer arithmetic that overflowed produced decimals: the column is decimal then (§4).
        let column = Column.buildWidening(expression.type ?? .text, values)
        // A calendar bucket's dates stand for their periods, and show as them (`2025-03`).
        if case .call(let function, _, _) = expression, let period = function.period, case .date(var dates) = column {
            dates.period = period
            return .date(dates)
        }
        return column
    }
}

