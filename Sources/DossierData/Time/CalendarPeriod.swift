import DossierSupport
import DossierDiagnostics

/// The calendar periods a date can stand for: a day, or the week, month, quarter or year
/// that starts on it. `month_of(when)` gives the first day of each date's month, a date
/// that sorts, groups and charts in time order and shows as its period (`2025-03`).
public enum CalendarPeriod: UInt8, Sendable, CaseIterable {
    case day, week, month, quarter, year

    /// The first day of the period holding `days` (weeks start on Monday, as ISO 8601's do).
    public func start(of days: Int32) -> Int32 {
        switch self {
        case .day:
            return days
        case .week:
            return days &- Int32(CalendarPeriod.weekday(days) - 1)
        case .month, .quarter, .year:
            let (year, month, _) = CivilDate.components(days)
            let first: Int
            switch self {
            case .month: first = month
            case .quarter: first = (month - 1) / 3 * 3 + 1
            default: first = 1
            }
            // Every date dossier holds has a year in -9999...9999, so the first day exists.
            return CivilDate.days(year: year, month: first, day: 1) ?? days
        }
    }

    /// The period as people name it: `2025-03-01` (a day, or the Monday a week starts on),
    /// `2025-03`, `2025-Q1`, `2025`.
    public func label(_ days: Int32) -> String {
        let text = CivilDate.format(days)
        switch self {
        case .day, .week: return text
        case .month: return String(text.dropLast(3))
        case .quarter:
            let month = CivilDate.components(days).month
            return String(text.dropLast(6)) + "-Q\((month - 1) / 3 + 1)"
        case .year: return String(text.dropLast(6))
        }
    }

    /// 1 for Monday … 7 for Sunday (ISO 8601). 1970-01-01 was a Thursday.
    public static func weekday(_ days: Int32) -> Int {
        let shifted = (Int(days) + 3) % 7
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }

    /// The ISO 8601 week number, 1...53: weeks start on Monday, and week 1 is the one with the
    /// year's first Thursday (so 2021-01-01, a Friday, is in week 53 of 2020).
    public static func isoWeek(_ days: Int32) -> Int {
        let thursday = Int(days) - (weekday(days) - 1) + 3
        let year = CivilDate.components(Int32(truncatingIfNeeded: thursday)).year
        guard let january1 = CivilDate.days(year: year, month: 1, day: 1) else { return 1 }
        return (thursday - Int(january1)) / 7 + 1
    }
}
