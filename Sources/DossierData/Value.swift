import DossierSupport
import DossierDiagnostics

/// The types of §6. Every value may also be missing.
public enum ValueType: String, Sendable, CaseIterable, Equatable {
    case text, integer, decimal, bool, date, list

    /// The names accepted in typed CSV headers (`people:int`).
    public init?(headerName: String) {
        switch headerName.lowercased() {
        case "text", "string", "str": self = .text
        case "int", "integer": self = .integer
        case "decimal", "double", "float", "number": self = .decimal
        case "bool", "boolean": self = .bool
        case "date": self = .date
        case "list": self = .list
        default: return nil
        }
    }

    /// The name written in typed CSV headers when saving.
    public var headerName: String {
        switch self {
        case .integer: return "int"
        default: return rawValue
        }
    }

    public var isNumeric: Bool { self == .integer || self == .decimal }
}

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
        case .list(let items): return items.joined(separator: separator)
        }
    }
}

package enum NumberFormatting {
    /// Shortest text that reads back as the same double; whole numbers keep a `.0` so a
    /// decimal column still looks decimal, and huge or tiny ones use exponents.
    package static func float(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }
}
