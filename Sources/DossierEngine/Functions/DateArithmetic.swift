import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `+` and `-` with dates (the checker allows only these): `date - date` is whole days,
/// a difference with a time in it is days with a fraction (`1.5`), `date ± n` moves by whole
/// days and `datetime ± n` by days and parts of them. A result outside the calendar dossier
/// holds (years -9999 to 9999), or an overflow on the way, is missing: never a trap.
package enum DateArithmetic {
    private static let firstDay = Int64(CivilDate.days(year: -9999, month: 1, day: 1) ?? Int32.min)
    private static let lastDay = Int64(CivilDate.days(year: 9999, month: 12, day: 31) ?? Int32.max)
    private static let perDay = DatetimeText.microsecondsPerDay

    package static func apply(_ op: ArithmeticOperator, _ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.date(let a), .date(let b)) where op == .subtract:
            return .integer(Int64(a) - Int64(b))
        case (.date, .datetime), (.datetime, .date), (.datetime, .datetime):
            guard op == .subtract, let a = microseconds(left), let b = microseconds(right) else { return .missing }
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            guard !overflow else { return .missing }
            return days(ofMicroseconds: difference)
        case (.date(let days), _):
            return moveDate(days, by: right, subtracting: op == .subtract)
        case (_, .date(let days)) where op == .add:
            return moveDate(days, by: left, subtracting: false)
        case (.datetime(let instant), _):
            return moveDatetime(instant, by: right, subtracting: op == .subtract)
        case (_, .datetime(let instant)) where op == .add:
            return moveDatetime(instant, by: left, subtracting: false)
        default:
            return .missing
        }
    }

    private static func microseconds(_ value: Value) -> Int64? {
        switch value {
        case .date(let days): return DatetimeText.midnight(days)
        case .datetime(let instant): return instant
        default: return nil
        }
    }

    /// Microseconds as days: exact when they divide, else 18 significant digits.
    private static func days(ofMicroseconds difference: Int64) -> Value {
        if difference % perDay == 0 { return .decimal(DecimalNumber(difference / perDay)) }
        return DecimalNumber.dividing(DecimalNumber(difference), DecimalNumber(perDay)).map(Value.decimal) ?? .missing
    }

    private static func moveDate(_ days: Int32, by amount: Value, subtracting: Bool) -> Value {
        guard case .integer(let count) = amount else { return .missing }
        let (moved, overflow) = subtracting
            ? Int64(days).subtractingReportingOverflow(count) : Int64(days).addingReportingOverflow(count)
        guard !overflow, moved >= firstDay, moved <= lastDay else { return .missing }
        return .date(Int32(truncatingIfNeeded: moved))
    }

    private static func moveDatetime(_ instant: Int64, by amount: Value, subtracting: Bool) -> Value {
        guard let delta = microseconds(inDays: amount) else { return .missing }
        let (moved, overflow) = subtracting ? instant.subtractingReportingOverflow(delta) : instant.addingReportingOverflow(delta)
        guard !overflow, moved >= firstDay * perDay, moved < (lastDay + 1) * perDay else { return .missing }
        return .datetime(moved)
    }

    /// A number of days as microseconds, rounded to the nearest (halves away from zero).
    private static func microseconds(inDays amount: Value) -> Int64? {
        switch amount {
        case .integer(let count):
            let (product, overflow) = count.multipliedReportingOverflow(by: perDay)
            return overflow ? nil : product
        case .decimal(let number):
            guard let product = number.multiplying(DecimalNumber(perDay)), let whole = product.rounded(places: 0) else {
                return nil
            }
            return whole.mantissa(atScale: 0)
        case .float(let number):
            let product = (number * Double(perDay)).rounded(.toNearestOrAwayFromZero)
            guard product.isFinite, abs(product) < 9.2e18 else { return nil }
            return Int64(product)
        default:
            return nil
        }
    }
}
