import DossierSupport
import DossierData

/// The periods of a time chart. The unit is the bucket's (`month_of`), else read off the dates: dates that are all
/// the first of a month are months (as a month bucket gives them), all 1 January are years,
/// all one weekday are weeks; else days. Every period between the first and the last is
/// drawn, so a month without rows shows as a gap instead of vanishing.
package enum TimeUnit: Sendable, Equatable {
    case day, week, month, quarter, year

    package var name: String {
        switch self {
        case .day: return "day"
        case .week: return "week"
        case .month: return "month"
        case .quarter: return "quarter"
        case .year: return "year"
        }
    }

    /// The unit of dates that are calendar buckets (`month_of(when)`); nil for plain days,
    /// whose unit is read off the dates.
    package init?(_ period: CalendarPeriod) {
        switch period {
        case .day: return nil
        case .week: self = .week
        case .month: self = .month
        case .quarter: self = .quarter
        case .year: self = .year
        }
    }

    package func plural(_ count: Int) -> String {
        count == 1 ? "1 \(name)" : "\(count) \(name)s"
    }

    /// The unit of the periods these dates (days since 1970) start.
    package static func of(_ dates: [Int32]) -> TimeUnit {
        let parts = dates.map(CivilDate.components)
        if !parts.isEmpty, parts.allSatisfy({ $0.day == 1 }) {
            if parts.allSatisfy({ $0.month == 1 }) { return .year }
            if parts.allSatisfy({ [1, 4, 7, 10].contains($0.month) }), dates.count > 1 { return .quarter }
            return .month
        }
        if dates.count > 1, let first = dates.first, dates.allSatisfy({ (Int($0) - Int(first)) % 7 == 0 }) { return .week }
        return .day
    }

    /// The start of the next period, or nil past the calendar's range.
    package func next(after date: Int32) -> Int32? {
        switch self {
        case .day: return date < Int32.max - 7 ? date + 1 : nil
        case .week: return date < Int32.max - 7 ? date + 7 : nil
        case .month: return adding(months: 1, to: date)
        case .quarter: return adding(months: 3, to: date)
        case .year: return adding(months: 12, to: date)
        }
    }

    private func adding(months: Int, to date: Int32) -> Int32? {
        let (year, month, day) = CivilDate.components(date)
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return CivilDate.days(year: newYear, month: index - newYear * 12 + 1, day: min(day, 28))
    }

    /// A period as people name it: `2025`, `2025-Q2`, `2025-03`, or the date (weeks by the day
    /// they start).
    package func label(_ date: Int32) -> String {
        let text = CivilDate.format(date)
        let (_, month, _) = CivilDate.components(date)
        switch self {
        case .day, .week: return text
        case .month: return String(text.dropLast(3))
        case .quarter: return String(text.dropLast(6)) + "-Q\((month - 1) / 3 + 1)"
        case .year: return String(text.dropLast(6))
        }
    }
}

/// The periods from the first date to the last, each with the value given for it (nil: a gap).
package enum TimeBuckets {
    /// More periods than this (days over decades) are not filled in: only the dates given are
    /// drawn, in order, so a long span cannot make a chart of millions of empty periods.
    package static let maximumPeriods = 5_000

    package static func fill(_ points: [(date: Int32, index: Int)], unit: TimeUnit) -> [(date: Int32, index: Int?)] {
        let sorted = points.sorted { $0.date < $1.date }
        guard let first = sorted.first, let last = sorted.last else { return [] }
        var byDate: [Int32: Int] = [:]
        for point in sorted { byDate[point.date] = point.index }
        var periods: [(Int32, Int?)] = []
        var date: Int32? = first.date
        while let current = date, current <= last.date {
            periods.append((current, byDate[current]))
            if periods.count > maximumPeriods { return sorted.map { ($0.date, $0.index) } }
            date = unit.next(after: current)
        }
        // Every given date must be a period start; if one is not, draw the dates as given.
        guard periods.filter({ $0.1 != nil }).count == sorted.count else { return sorted.map { ($0.date, $0.index) } }
        return periods
    }
}
