import DossierSupport
import DossierDiagnostics

/// §4's comparison rules on boxed values, for the general path (computed expressions,
/// field against field). The column kernels in `Predicate` implement the same rules on
/// typed columns; tests hold the two to the same answers.
public enum ValueComparison {
    /// Two-valued: every comparison is true or false.
    public static func test(_ op: ComparisonOperator, _ left: Value, _ right: Value) -> Bool {
        switch op {
        case .equal: return equals(left, right)
        case .notEqual: return !equals(left, right)
        case .less: return ordered(left, right) { $0 < 0 }
        case .lessEqual: return ordered(left, right) { $0 <= 0 }
        case .greater: return ordered(left, right) { $0 > 0 }
        case .greaterEqual: return ordered(left, right) { $0 >= 0 }
        }
    }

    /// Missing equals only missing; lists: ANY element equals; text: case-insensitive.
    public static func equals(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.missing, .missing): return true
        case (.missing, _), (_, .missing): return false
        case (.list(let items), .list(let others)):
            return items.contains { item in others.contains { equals(.text(item), .text($0)) } }
        case (.list(let items), _):
            return items.contains { equals(.text($0), right) }
        case (_, .list(let items)):
            return items.contains { equals(left, .text($0)) }
        default:
            return compare(left, right) == 0
        }
    }

    /// `<`-family: false when either side is missing; lists: ANY element satisfies.
    package static func ordered(_ left: Value, _ right: Value, _ accept: (Int) -> Bool) -> Bool {
        switch (left, right) {
        case (.missing, _), (_, .missing): return false
        case (.list(let items), _):
            return items.contains { ordered(.text($0), right, accept) }
        case (_, .list(let items)):
            return items.contains { ordered(left, .text($0), accept) }
        default:
            guard let order = compare(left, right) else { return false }
            return accept(order)
        }
    }

    /// -1, 0, 1 for two present scalar values of comparable types; nil if incomparable.
    public static func compare(_ left: Value, _ right: Value) -> Int? {
        switch (left, right) {
        case (.text(let a), .text(let b)):
            return TextOrder.compare(a, b)
        case (.integer, .integer), (.integer, .decimal), (.integer, .float), (.decimal, .integer), (.decimal, .decimal),
            (.decimal, .float), (.float, .integer), (.float, .decimal), (.float, .float):
            return compareNumbers(left, right)
        case (.date(let a), .date(let b)):
            return a < b ? -1 : (a > b ? 1 : 0)
        case (.datetime(let a), .datetime(let b)):
            return a < b ? -1 : (a > b ? 1 : 0)
        // A date against a date and time is its midnight.
        case (.date(let a), .datetime(let b)):
            let start = DatetimeText.midnight(a)
            return start < b ? -1 : (start > b ? 1 : 0)
        case (.datetime(let a), .date(let b)):
            let start = DatetimeText.midnight(b)
            return a < start ? -1 : (a > start ? 1 : 0)
        case (.bool(let a), .bool(let b)):
            return a == b ? 0 : (!a ? -1 : 1)
        case (.text(let a), _):
            return TextOrder.compare(a, right.formatted())
        case (_, .text(let b)):
            return TextOrder.compare(left.formatted(), b)
        default:
            return nil
        }
    }

    /// Two numbers by value, exactly: integers above 2^53 against decimals and doubles too.
    public static func compareNumbers(_ left: Value, _ right: Value) -> Int? {
        switch (left, right) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.decimal(let a), .decimal(let b)): return DecimalNumber.compare(a, b)
        case (.decimal(let a), .integer(let b)): return DecimalNumber.compare(a, b)
        case (.integer(let a), .decimal(let b)): return -DecimalNumber.compare(b, a)
        case (.decimal(let a), .float(let b)): return DecimalNumber.compare(a, b)
        case (.float(let a), .decimal(let b)): return DecimalNumber.compare(b, a).map { -$0 }
        case (.integer(let a), .float(let b)): return compareExactly(a, b)
        case (.float(let a), .integer(let b)): return compareExactly(b, a).map { -$0 }
        case (.float(let a), .float(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : (a > b ? 1 : 0)
        default: return nil
        }
    }

    /// Compares an integer with a double by value, exactly (no rounding of large integers).
    @inline(__always)
    public static func compareExactly(_ integer: Int64, _ double: Double) -> Int? {
        if double.isNaN { return nil }
        if double >= 9_223_372_036_854_775_808.0 { return -1 }
        if double < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = double.rounded(.towardZero)
        let wholeInteger = Int64(whole)
        if integer < wholeInteger { return -1 }
        if integer > wholeInteger { return 1 }
        let fraction = double - whole
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }

    /// Ascending by the sort rules: missing last, text alphabetically (§4), then as written.
    public static func sortOrder(_ left: Value, _ right: Value) -> Int {
        switch (left.isMissing, right.isMissing) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default: break
        }
        if case .text(let a) = left, case .text(let b) = right {
            return TextOrder.sortCompare(a, b)
        }
        return ValueComparison.compare(left, right) ?? 0
    }
}
