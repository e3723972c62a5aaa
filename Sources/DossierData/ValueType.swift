import DossierSupport
import DossierDiagnostics

/// The types of §6. Every value may also be missing.
public enum ValueType: String, Sendable, CaseIterable, Equatable {
    case text, integer, decimal, bool, date, datetime, list

    /// The names accepted in typed CSV headers (`people:int`).
    public init?(headerName: String) {
        switch headerName.lowercased() {
        case "text", "string", "str": self = .text
        case "int", "integer": self = .integer
        case "decimal", "double", "float", "number": self = .decimal
        case "bool", "boolean": self = .bool
        case "date": self = .date
        case "datetime", "timestamp": self = .datetime
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

    /// A date, or a date and time: the types of the calendar functions and of date arithmetic.
    public var isTemporal: Bool { self == .date || self == .datetime }
}
