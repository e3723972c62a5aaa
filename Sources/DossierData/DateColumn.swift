import DossierSupport
import DossierDiagnostics

public struct DateColumn: Sendable {
    /// Days since 1970-01-01.
    public var values: [Int32]
    public var missing: Bitmap?
    /// What each date stands for: itself, or the week, month, quarter or year it starts
    /// (`month_of(when)`), which is how it is shown (`2025-03`).
    public var period: CalendarPeriod

    package init(values: [Int32], missing: Bitmap?, period: CalendarPeriod = .day) {
        self.values = values
        self.missing = missing
        self.period = period
    }

    /// The period label of a present value, when the dates stand for periods longer than a day.
    @inline(__always)
    public func periodLabel(at row: Int) -> String? {
        period == .day ? nil : period.label(values[row])
    }
}
