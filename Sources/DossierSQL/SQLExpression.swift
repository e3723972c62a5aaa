import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// A part of a plan the compiler does not translate: what it is, as people wrote it.
package struct Untranslatable: Error, Sendable {
    package var construct: String

    /// A step that reads a field `SQLValue.isRounded` describes.
    static let readsRounded = Untranslatable(construct: "a later step reading a mean, quantile or quotient (dossier may hold it as a double)")
}

/// An expression in SQL, with the keys a text or list value is compared by.
package struct SQLValue {
    /// The value itself (NULL for missing).
    package var raw: String
    /// nil for the `missing` literal.
    package var type: ValueType?
    /// For text and lists: folded, order and sort keys (arrays of them for lists).
    package var keys: Keys?
    /// A `float8` holding one of dossier's binary floating-point numbers (a statistic):
    /// arithmetic on it is done in `float8`, as dossier does it in `Double`.
    package var isFloat = false
    /// A decimal rounded to 18 digits (a quotient, a mean, a quantile) that dossier keeps in a
    /// column whose scale is the largest of its values: with larger values beside it, that
    /// column is held as doubles, which only dossier knows. Shown as it is; never read by a
    /// later step on the server.
    package var isRounded = false

    package struct Keys {
        package var folded: String
        package var order: String
        package var sort: String
        /// The keys are the server's own functions of the value (`lower`, `convert_to`: a
        /// table dossier did not upload), so they can be computed again from it wherever they
        /// are needed instead of being carried, and grouped rows need not carry them at all.
        package var isDerived = false

        package init(folded: String, order: String, sort: String) {
            self.folded = folded
            self.order = order
            self.sort = sort
        }

        /// The keys of a text that the server folds with `lower()`.
        static func derived(from raw: String) -> Keys {
            let lowered = "lower(\(raw))"
            var keys = Keys(folded: lowered, order: "convert_to(\(lowered), 'UTF8')", sort: "convert_to(\(lowered), 'UTF8')")
            keys.isDerived = true
            return keys
        }
    }

    package var isText: Bool { type == .text }
    package var isList: Bool { type == .list }
    package var isNumeric: Bool { type?.isNumeric == true }
}

/// Compiles bound expressions to PostgreSQL, reproducing §4 exactly: two-valued logic (a
/// condition is never NULL), missing equals only missing (`IS NOT DISTINCT FROM`), text
/// compared by the folded and order keys, ANY semantics on lists, exact numbers (numeric).
package struct ExpressionCompiler {
    /// The input's columns, by field position.
    package var columns: [SQLValue]

    package init(columns: [SQLValue]) {
        self.columns = columns
    }

    // MARK: - Values

    package func value(_ expression: BoundExpr) throws(Untranslatable) -> SQLValue {
        switch expression {
        case .field(let index, _):
            guard columns.indices.contains(index) else { throw Untranslatable(construct: "a field reference") }
            if columns[index].isRounded { throw Untranslatable.readsRounded }
            return columns[index]
        case .constant(let value):
            return try constant(value)
        case .not, .and, .or, .compare, .inList, .between, .textMatch, .isMissing:
            return SQLValue(raw: try condition(expression), type: .bool)
        case .arithmetic(let op, let left, let right, let type):
            return try arithmetic(op, left, right, type)
        case .negate(let operand, let type):
            let inner = try value(operand)
            guard inner.isNumeric else { throw Untranslatable(construct: "`-` on \(inner.type?.rawValue ?? "missing")") }
            if inner.isFloat { return SQLValue(raw: "(-(\(inner.raw)))", type: type, isFloat: true) }
            return SQLValue(raw: "(-(CAST(\(inner.raw) AS numeric)))", type: type, isRounded: inner.isRounded)
        case .call(let function, let arguments, let type):
            return try call(function, arguments, type)
        }
    }

    package func constant(_ value: Value) throws(Untranslatable) -> SQLValue {
        switch value {
        case .text(let text):
            return SQLValue(raw: SQLText.string(text), type: .text, keys: SQLValue.Keys(
                folded: SQLText.string(bytes: TextKeys.folded(text)), order: SQLText.bytea(TextKeys.order(text)),
                sort: SQLText.bytea(TextKeys.sort(text))))
        case .list:
            throw Untranslatable(construct: "a list constant")
        default:
            guard let literal = SQLText.literal(value) else { throw Untranslatable(construct: "the number \(value.formatted())") }
            return SQLValue(raw: literal, type: value.type)
        }
    }

    private func arithmetic(_ op: ArithmeticOperator, _ left: BoundExpr, _ right: BoundExpr, _ type: ValueType) throws(Untranslatable) -> SQLValue {
        let a = try value(left)
        let b = try value(right)
        guard (a.isNumeric || a.type == nil), (b.isNumeric || b.type == nil) else {
            throw Untranslatable(construct: "`\(op.rawValue)` on \(a.type?.rawValue ?? "missing") and \(b.type?.rawValue ?? "missing")")
        }
        if a.isFloat || b.isFloat {
            // dossier computes in Double as soon as one side is one; so does float8, operation
            // for operation (IEEE 754 both).
            if op == .divide { return SQLValue(raw: ExactQuotient.floating(a.raw, b.raw), type: type, isFloat: true) }
            return SQLValue(raw: "(CAST(\(a.raw) AS float8) \(op.rawValue) CAST(\(b.raw) AS float8))", type: type, isFloat: true)
        }
        if op == .divide {
            // 18 significant digits, half to even, as dossier divides (not numeric's own rule).
            return SQLValue(raw: ExactQuotient.sql(a.raw, b.raw), type: type, isRounded: true)
        }
        // numeric is exact and never overflows where bigint would (dossier widens instead).
        return SQLValue(raw: "(CAST(\(a.raw) AS numeric) \(op.rawValue) CAST(\(b.raw) AS numeric))", type: type,
            isRounded: a.isRounded || b.isRounded)
    }

    private func call(_ function: BuiltinFunction, _ arguments: [BoundExpr], _ type: ValueType) throws(Untranslatable) -> SQLValue {
        let values = try arguments.map { (argument) throws(Untranslatable) in try value(argument) }
        guard let first = values.first else { throw Untranslatable(construct: "`\(function.rawValue)()`") }
        // Rounding a Double is dossier's own arithmetic (`round` scales by powers of ten in Double).
        if values.contains(where: \.isFloat) { throw Untranslatable(construct: "`\(function.rawValue)` of a statistic") }
        switch function {
        case .year, .month:
            guard first.type == .date else { throw Untranslatable(construct: "`\(function.rawValue)` of \(first.type?.rawValue ?? "missing")") }
            return SQLValue(raw: "CAST(extract(\(function.rawValue) FROM \(first.raw)) AS bigint)", type: .integer)
        case .abs, .floor, .ceil:
            guard first.isNumeric else { throw Untranslatable(construct: "`\(function.rawValue)` of \(first.type?.rawValue ?? "missing")") }
            return SQLValue(raw: "\(function.rawValue)(CAST(\(first.raw) AS numeric))", type: type, isRounded: first.isRounded)
        case .round:
            guard first.isNumeric else { throw Untranslatable(construct: "`round` of \(first.type?.rawValue ?? "missing")") }
            // PostgreSQL rounds numeric halves away from zero, as dossier does; the places
            // must be a constant that fits the server's integer.
            var places: Int64 = 0
            if arguments.count > 1 {
                guard case .constant(.integer(let n)) = arguments[1], (-1000...1000).contains(n) else {
                    throw Untranslatable(construct: "`round` with places that are not a small whole number")
                }
                places = n
            }
            return SQLValue(raw: "round(CAST(\(first.raw) AS numeric), \(places))", type: type, isRounded: first.isRounded)
        case .len where first.isList:
            // Items as dossier reads them (an empty or NULL item is none; no items is missing).
            return SQLValue(raw: "NULLIF((SELECT count(*) FROM unnest(\(first.raw)) AS e WHERE e <> ''), 0)", type: .integer)
        case .sqrt, .pow:
            // dossier keeps perfect squares and whole powers exact and otherwise uses doubles;
            // the server's numeric gives other digits, so these stay in dossier.
            throw Untranslatable(construct: "`\(function.rawValue)(…)`")
        case .lower, .upper, .len, .number, .date, .text, .trim, .replace, .substring, .left, .right, .split, .concat, .extract,
            .unaccent, .day, .weekday, .quarter, .week, .hour, .minute, .today, .now, .dayOf, .weekOf, .monthOf, .quarterOf,
            .yearOf, .datetime, .if, .coalesce:
            // Their rules (full case mapping, graphemes, number and date reading, calendar
            // periods, the clock) are dossier's: the step finishes in dossier.
            throw Untranslatable(construct: "`\(function.rawValue)(…)`")
        }
    }

    // MARK: - Conditions (never NULL)

    package func condition(_ expression: BoundExpr) throws(Untranslatable) -> String {
        switch expression {
        case .constant(.bool(let flag)):
            return flag ? "TRUE" : "FALSE"
        case .constant:
            return "FALSE"
        case .field(let index, let type):
            guard type == .bool else { return "FALSE" }
            return "coalesce(\(try value(.field(index, type)).raw), FALSE)"
        case .not(let operand):
            return "(NOT \(try condition(operand)))"
        case .and(let operands):
            return "(" + (try operands.map { (operand) throws(Untranslatable) in try condition(operand) }).joined(separator: " AND ") + ")"
        case .or(let operands):
            return "(" + (try operands.map { (operand) throws(Untranslatable) in try condition(operand) }).joined(separator: " OR ") + ")"
        case .compare(let op, let left, let right):
            return try compare(op, try value(left), try value(right))
        case .inList(let operand, let values, let negated):
            let test = try inList(try value(operand), values)
            return negated ? "(NOT \(test))" : test
        case .between(let operand, let low, let high, let negated):
            let test = try between(try value(operand), try value(low), try value(high))
            return negated ? "(NOT \(test))" : test
        case .textMatch(let matcher, let operand, let negated):
            let test = try textMatch(matcher, try value(operand))
            return negated ? "(NOT \(test))" : test
        case .isMissing(let operand, let negated):
            return "(\(try value(operand).raw) IS \(negated ? "NOT " : "")NULL)"
        case .arithmetic, .negate, .call:
            let computed = try value(expression)
            return computed.type == .bool ? "coalesce(\(computed.raw), FALSE)" : "FALSE"
        }
    }

    /// §4 on two values: missing equals only missing; ordering with a missing side is false.
    package func compare(_ op: ComparisonOperator, _ a: SQLValue, _ b: SQLValue) throws(Untranslatable) -> String {
        if a.type == nil || b.type == nil {
            let other = a.type == nil ? b : a
            switch op {
            case .equal: return "(\(other.raw) IS NULL)"
            case .notEqual: return "(\(other.raw) IS NOT NULL)"
            default: return "FALSE"
            }
        }
        if a.isFloat || b.isFloat {
            // dossier compares a Double with a decimal by exact value; float8 would round the decimal.
            throw Untranslatable(construct: "comparing a statistic")
        }
        if a.isList || b.isList {
            return try compareLists(op, a, b)
        }
        let (left, right): (String, String)
        switch (a.type, b.type) {
        case (.text?, .text?):
            guard let ak = a.keys, let bk = b.keys else { throw Untranslatable(construct: "comparing computed text") }
            (left, right) = op == .equal || op == .notEqual ? (ak.folded, bk.folded) : (ak.order, bk.order)
        case _ where a.isNumeric && b.isNumeric:
            (left, right) = (a.raw, b.raw)
        case (.date?, .date?), (.bool?, .bool?):
            (left, right) = (a.raw, b.raw)
        default:
            throw Untranslatable(construct: "comparing \(a.type?.rawValue ?? "missing") with \(b.type?.rawValue ?? "missing")")
        }
        switch op {
        case .equal: return "(\(left) IS NOT DISTINCT FROM \(right))"
        case .notEqual: return "(\(left) IS DISTINCT FROM \(right))"
        default: return "coalesce(\(left) \(op.rawValue) \(right), FALSE)"
        }
    }

    /// A list matches if ANY item does; `!=` if NO item equals; an empty list is missing (NULL).
    private func compareLists(_ op: ComparisonOperator, _ a: SQLValue, _ b: SQLValue) throws(Untranslatable) -> String {
        guard let ak = a.keys, let bk = b.keys, a.isList || a.isText, b.isList || b.isText else {
            throw Untranslatable(construct: "comparing a list with \(a.isList ? b.type?.rawValue ?? "missing" : a.type?.rawValue ?? "missing")")
        }
        let bothMissing = "(\(a.raw) IS NULL AND \(b.raw) IS NULL)"
        let equal: String
        switch (a.isList, b.isList) {
        case (true, true): equal = "coalesce(\(ak.folded) && \(bk.folded), \(bothMissing))"
        case (true, false): equal = "coalesce(\(bk.folded) = ANY(\(ak.folded)), \(bothMissing))"
        default: equal = "coalesce(\(ak.folded) = ANY(\(bk.folded)), \(bothMissing))"
        }
        switch op {
        case .equal: return equal
        case .notEqual: return "(NOT \(equal))"
        default:
            let left = a.isList ? "x.k" : ak.order
            let right = b.isList ? "y.k" : bk.order
            var from: [String] = []
            if a.isList { from.append("unnest(\(ak.order)) AS x(k)") }
            if b.isList { from.append("unnest(\(bk.order)) AS y(k)") }
            return "coalesce(EXISTS (SELECT 1 FROM \(from.joined(separator: ", ")) WHERE \(left) \(op.rawValue) \(right)), FALSE)"
        }
    }

    private func inList(_ operand: SQLValue, _ values: [Value]) throws(Untranslatable) -> String {
        if operand.isFloat { throw Untranslatable(construct: "`in` on a statistic") }
        let wantsMissing = values.contains { $0.isMissing } ? "TRUE" : "FALSE"
        let present = values.filter { !$0.isMissing }
        guard !present.isEmpty else { return "(\(operand.raw) IS NULL AND \(wantsMissing))" }
        let test: String
        switch operand.type {
        case .text?, .list?:
            guard let keys = operand.keys else { throw Untranslatable(construct: "`in` on computed text") }
            let folded = present.map { SQLText.string(bytes: TextKeys.folded($0.formatted())) }
            test = operand.isList
                ? "(\(keys.folded) && ARRAY[\(folded.joined(separator: ", "))]::text[])"
                : "(\(keys.folded) IN (\(folded.joined(separator: ", "))))"
        case nil:
            return "(\(wantsMissing))"
        default:
            var literals: [String] = []
            for value in present {
                guard value.type == operand.type || (value.type?.isNumeric == true && operand.isNumeric),
                    let literal = SQLText.literal(value)
                else { throw Untranslatable(construct: "`in` with values of another type") }
                literals.append(literal)
            }
            test = "(\(operand.raw) IN (\(literals.joined(separator: ", "))))"
        }
        return "(CASE WHEN \(operand.raw) IS NULL THEN \(wantsMissing) ELSE coalesce(\(test), FALSE) END)"
    }

    private func between(_ operand: SQLValue, _ low: SQLValue, _ high: SQLValue) throws(Untranslatable) -> String {
        if operand.isList {
            guard let keys = operand.keys, let lowKeys = low.keys, let highKeys = high.keys, low.isText, high.isText else {
                throw Untranslatable(construct: "`between` on a list with bounds that are not text")
            }
            return "coalesce(EXISTS (SELECT 1 FROM unnest(\(keys.order)) AS x(k) WHERE x.k >= \(lowKeys.order) AND x.k <= \(highKeys.order)), FALSE)"
        }
        return "(\(try compare(.greaterEqual, operand, low)) AND \(try compare(.lessEqual, operand, high)))"
    }

    private func textMatch(_ matcher: TextMatcher, _ operand: SQLValue) throws(Untranslatable) -> String {
        guard operand.isText || operand.isList, let keys = operand.keys else {
            throw Untranslatable(construct: "`contains`, `like` or `matches` on \(operand.type?.rawValue ?? "missing")")
        }
        let test: (String) -> String
        switch matcher {
        case .contains(let needle):
            let literal = SQLText.string(bytes: needle)
            test = { "strpos(\($0), \(literal)) > 0" }
        case .like(let pattern):
            // `?` is one character as people see it (ß, a flag); LIKE's `_` is one code point
            // of the folded text, so a pattern with `?` stays in dossier.
            guard !pattern.contains(UInt8(ascii: "?")) else { throw Untranslatable(construct: "`like` with `?`") }
            let literal = SQLText.string(likePattern(pattern))
            test = { "\($0) LIKE \(literal)" }
        case .startsWith, .endsWith, .mentions:
            // Prefixes of folded text and accent-insensitive search are dossier's own folding.
            throw Untranslatable(construct: "`starts with`, `ends with` or `mentions`")
        case .matches:
            // dossier's regular expressions run in linear time with their own syntax (\b, (?i)
            // anywhere); PostgreSQL's differ, so `matches` stays in dossier.
            throw Untranslatable(construct: "`matches`")
        case .never:
            return "FALSE"
        }
        if operand.isList {
            return "coalesce(EXISTS (SELECT 1 FROM unnest(\(keys.folded)) AS x(k) WHERE \(test("x.k"))), FALSE)"
        }
        return "coalesce(\(test(keys.folded)), FALSE)"
    }

    /// dossier's glob (`*`, `?`) over folded text as a LIKE pattern: LIKE's own `%`, `_` and
    /// `\` in the text are escaped.
    private func likePattern(_ pattern: [UInt8]) -> String {
        var result: [UInt8] = []
        for byte in pattern {
            switch byte {
            case UInt8(ascii: "*"): result.append(UInt8(ascii: "%"))
            case UInt8(ascii: "?"): result.append(UInt8(ascii: "_"))
            case UInt8(ascii: "%"), UInt8(ascii: "_"), UInt8(ascii: "\\"):
                result.append(UInt8(ascii: "\\"))
                result.append(byte)
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
