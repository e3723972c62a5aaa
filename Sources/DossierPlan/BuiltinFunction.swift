import DossierSupport
import DossierDiagnostics
import DossierData

/// The functions of expressions. Every one gives missing for a missing argument unless its
/// summary says otherwise (`concat` and `coalesce` skip missing values; `if` takes a missing
/// condition as false), and a value it cannot take (text that is not a number, for `number`)
/// is missing too, never an error while rows are read.
public enum BuiltinFunction: String, Sendable, CaseIterable {
    case lower, upper, len
    case trim, replace, substring, left, right, split, concat, extract, unaccent
    case year, month, day, weekday, quarter, week, hour, minute
    case today, now
    case dayOf = "day_of", weekOf = "week_of", monthOf = "month_of", quarterOf = "quarter_of", yearOf = "year_of"
    case round, floor, ceil, abs, sqrt, pow
    case number, date, datetime, text
    case `if`, coalesce

    /// How many arguments it takes.
    package var arity: ClosedRange<Int> {
        switch self {
        case .today, .now: return 0...0
        case .round, .date: return 1...2
        case .substring: return 2...3
        case .left, .right, .split, .extract, .pow: return 2...2
        case .replace, .if: return 3...3
        case .concat, .coalesce: return 1...Self.manyArguments
        default: return 1...1
        }
    }

    /// As many arguments as anyone writes.
    package static let manyArguments = 1_000

    /// The calendar buckets: a date (or a date and time) to the first day of its period.
    public var period: CalendarPeriod? {
        switch self {
        case .dayOf: return .day
        case .weekOf: return .week
        case .monthOf: return .month
        case .quarterOf: return .quarter
        case .yearOf: return .year
        default: return nil
        }
    }

    package var summary: String {
        switch self {
        case .lower: return "lower(text): the text in lower case"
        case .upper: return "upper(text): the text in upper case"
        case .len: return "len(text or list): number of characters as people see them, or of items"
        case .trim: return "trim(text): without spaces (and tabs, line breaks) at either end"
        case .replace: return "replace(text, \"a\", \"b\"): every \"a\" replaced by \"b\" (exactly as written, case counts)"
        case .substring: return "substring(text, start, length): the characters from start (1 is the first), length of them or to the end"
        case .left: return "left(text, n): the first n characters"
        case .right: return "right(text, n): the last n characters"
        case .split: return "split(text, \",\"): a list of the parts between the separators, trimmed, empty parts left out"
        case .concat: return "concat(a, b, ...): the values as text, one after the other; missing values are skipped"
        case .extract: return "extract(text, \"regex\"): the first match (or its first group, when it has one); missing when none"
        case .unaccent: return "unaccent(text): without accents: Côte → Cote, Łódź → Lodz, straße → strasse"
        case .year: return "year(date): the year as a number"
        case .month: return "month(date): the month as a number 1–12"
        case .day: return "day(date): the day of the month 1–31"
        case .weekday: return "weekday(date): 1 for Monday … 7 for Sunday"
        case .quarter: return "quarter(date): 1–4"
        case .week: return "week(date): the ISO week number 1–53 (weeks start on Monday)"
        case .hour: return "hour(datetime): 0–23"
        case .minute: return "minute(datetime): 0–59"
        case .today: return "today(): today's date (this computer's clock)"
        case .now: return "now(): the date and time now, in UTC"
        case .dayOf: return "day_of(datetime): the date of a date and time"
        case .weekOf: return "week_of(date): the Monday the week starts on, shown as that date"
        case .monthOf: return "month_of(date): the month, a date shown 2025-03 that sorts and charts in time order"
        case .quarterOf: return "quarter_of(date): the quarter, shown 2025-Q1"
        case .yearOf: return "year_of(date): the year, shown 2025, as a date that charts in time order"
        case .round: return "round(x) or round(x, n): to n digits after the point (0 if left out; negative rounds to tens, hundreds …); halves away from zero"
        case .floor: return "floor(x): the largest whole number not above x"
        case .ceil: return "ceil(x): the smallest whole number not below x"
        case .abs: return "abs(x): x without its sign"
        case .sqrt: return "sqrt(x): the square root of x (missing for a negative x)"
        case .pow: return "pow(x, y): x to the power y (pow(r, 2) squares r)"
        case .number: return "number(x): text read as a number: 1,234  $1,234.50  12% (12)  (1,234) (-1234); else missing"
        case .date: return "date(x) or date(x, \"dd.mm.yyyy\"): text read as a date (ISO forms, or the format given); else missing"
        case .datetime: return "datetime(x): text read as a date and time (2025-03-01T14:30, 2025-03-01 14:30:05+02:00); a date is its midnight"
        case .text: return "text(x): the value as text, as it is shown"
        case .if: return "if(condition, a, b): a where the condition is true, else b (a missing condition is false)"
        case .coalesce: return "coalesce(a, b, ...): the first of the values that is not missing"
        }
    }
}
