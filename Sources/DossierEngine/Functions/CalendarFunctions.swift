import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// Parts of dates and times, calendar periods, and text read as a date and time. A date and
/// time is taken apart on its own clock (UTC for one written with a zone).
package enum CalendarFunctions {
    /// The function's value for a present argument, or nil when it is not one of these.
    package static func call(_ function: BuiltinFunction, _ value: Value) -> Value? {
        switch function {
        case .year, .month, .day, .weekday, .quarter, .week:
            guard let days = day(of: value) else { return .missing }
            return .integer(Int64(part(function, of: days)))
        case .hour, .minute:
            guard case .datetime(let instant) = value else { return .missing }
            let seconds = DatetimeText.split(instant).time / DatetimeText.microsecondsPerSecond
            return .integer(function == .hour ? seconds / 3600 : seconds / 60 % 60)
        case .dayOf, .weekOf, .monthOf, .quarterOf, .yearOf:
            guard let days = day(of: value), let period = function.period else { return .missing }
            return .date(period.start(of: days))
        case .datetime:
            switch value {
            case .datetime: return value
            case .date(let days): return .datetime(DatetimeText.midnight(days))
            case .text(let text):
                let trimmed = text.trimmingSpaces
                if let instant = DatetimeText.parse(trimmed) { return .datetime(instant) }
                return DateText.parse(trimmed).map { .datetime(DatetimeText.midnight($0)) } ?? .missing
            default: return .missing
            }
        default:
            return nil
        }
    }

    /// The day of a date, or of a date and time.
    private static func day(of value: Value) -> Int32? {
        switch value {
        case .date(let days): return days
        case .datetime(let instant): return DatetimeText.split(instant).days
        default: return nil
        }
    }

    private static func part(_ function: BuiltinFunction, of days: Int32) -> Int {
        let (year, month, day) = CivilDate.components(days)
        switch function {
        case .year: return year
        case .month: return month
        case .day: return day
        case .weekday: return CalendarPeriod.weekday(days)
        case .quarter: return (month - 1) / 3 + 1
        default: return CalendarPeriod.isoWeek(days)
        }
    }
}
