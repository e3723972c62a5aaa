import DossierSupport
import DossierDiagnostics
import DossierData

public enum BuiltinFunction: String, Sendable, CaseIterable {
    case lower, upper, len, year, month
    case round, floor, ceil, abs, sqrt, pow
    case number, date, text

    /// How many arguments it takes.
    package var arity: ClosedRange<Int> {
        switch self {
        case .round, .date: return 1...2
        case .pow: return 2...2
        default: return 1...1
        }
    }

    package var summary: String {
        switch self {
        case .lower: return "lower(text): the text in lower case"
        case .upper: return "upper(text): the text in upper case"
        case .len: return "len(text or list): number of characters as people see them, or of items"
        case .year: return "year(date): the year as a number"
        case .month: return "month(date): the month as a number 1–12"
        case .round: return "round(x) or round(x, n): to n digits after the point (0 if left out; negative rounds to tens, hundreds …); halves away from zero"
        case .floor: return "floor(x): the largest whole number not above x"
        case .ceil: return "ceil(x): the smallest whole number not below x"
        case .abs: return "abs(x): x without its sign"
        case .sqrt: return "sqrt(x): the square root of x (missing for a negative x)"
        case .pow: return "pow(x, y): x to the power y (pow(r, 2) squares r)"
        case .number: return "number(x): text read as a number: 1,234  $1,234.50  12% (12)  (1,234) (-1234); else missing"
        case .date: return "date(x) or date(x, \"dd.mm.yyyy\"): text read as a date (ISO forms, or the format given); else missing"
        case .text: return "text(x): the value as text, as it is shown"
        }
    }
}
