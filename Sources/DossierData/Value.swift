import DossierSupport
import DossierDiagnostics

/// One value, boxed. Used for literals, for results of computed expressions, and at the
/// edges (output, completion); hot loops work on typed columns instead.
public enum Value: Sendable, Hashable {
    case missing
    case text(String)
    case integer(Int64)
    /// Exact, with the digits after the point as written (`1.10`).
    case decimal(DecimalNumber)
    /// A decimal beyond 18 significant digits (`1e300`): binary floating point. Its type is
    /// still `decimal`; `describe` says the column holds such values.
    case float(Double)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
    /// Microseconds since 1970-01-01 00:00 UTC (`DatetimeText`).
    case datetime(Int64)
    /// Never empty: an empty list is missing.
    case list([String])

    public var type: ValueType? {
        switch self {
        case .missing: return nil
        case .text: return .text
        case .integer: return .integer
        case .decimal, .float: return .decimal
        case .bool: return .bool
        case .date: return .date
        case .datetime: return .datetime
        case .list: return .list
        }
    }

    /// A number as the nearest double (charts, binary floating point); nil for other values.
    public var doubleValue: Double? {
        switch self {
        case .integer(let number): return Double(number)
        case .decimal(let number): return number.doubleValue
        case .float(let number): return number
        default: return nil
        }
    }

    public var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// The value as people read it; lists joined with `separator`, missing as empty.
    public func formatted(listSeparator separator: String = ", ") -> String {
        switch self {
        case .missing: return ""
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .decimal(let value): return value.description
        case .float(let value): return NumberFormatting.float(value)
        case .bool(let value): return value ? "true" : "false"
        case .date(let days): return CivilDate.format(days)
        case .datetime(let microseconds): return DatetimeText.format(microseconds)
        case .list(let items): return items.joined(separator: separator)
        }
    }
}
