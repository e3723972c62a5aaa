import DossierSupport
import DossierDiagnostics

/// An exact running sum of mantissas that share one scale (a column's values), for SUM and AVG.
///
/// The total is kept in 128 bits, so the result never depends on row order and is exact
/// whenever it fits: 9223372036854775807, 1 and -1 sum to 9223372036854775807 in any order.
/// Each addend is at most 2^63 in magnitude and the total holds 2^127, so 2^64 rows cannot
/// overflow it; past that (not reachable in practice) `overflowed` is set and every result is nil.
public struct DecimalSum: Sendable, Equatable {
    /// The exact sum of the mantissas added so far.
    public private(set) var total: Int128 = 0
    /// How many values were added (for the average).
    public private(set) var count: Int64 = 0
    /// Set if the total or count ever wrapped; then the results are nil.
    public private(set) var overflowed = false

    /// An empty sum.
    public init() {}

    /// A sum already computed elsewhere (for example a column's stored total).
    public init(total: Int128, count: Int64) {
        self.total = total
        self.count = count
    }

    /// Adds one mantissa (at the sum's scale).
    @inline(__always)
    public mutating func add(_ mantissa: Int64) {
        let (total, totalOverflow) = self.total.addingReportingOverflow(Int128(mantissa))
        let (count, countOverflow) = self.count.addingReportingOverflow(1)
        self.total = total
        self.count = count
        if totalOverflow || countOverflow { overflowed = true }
    }

    /// Adds another partial sum at the same scale (for sums computed in parallel).
    public mutating func add(_ other: DecimalSum) {
        let (total, totalOverflow) = self.total.addingReportingOverflow(other.total)
        let (count, countOverflow) = self.count.addingReportingOverflow(other.count)
        self.total = total
        self.count = count
        if totalOverflow || countOverflow || other.overflowed { overflowed = true }
    }

    /// The total as an `Int64` (for integer columns, scale 0); nil when it does not fit.
    public var int64Value: Int64? {
        overflowed ? nil : Int64(exactly: total)
    }

    /// The total as a decimal at `scale`; nil when it does not fit or `scale` is outside 0...18.
    public func decimalValue(scale: Int) -> DecimalNumber? {
        overflowed ? nil : DecimalNumber.fromSum(total, scale: scale)
    }

    /// The total at `scale` as the nearest `Double` (correctly rounded, also when the total is
    /// beyond 64 bits); nan when `scale` is outside 0...18 or the sum overflowed.
    public func doubleValue(scale: Int) -> Double {
        overflowed ? .nan : DecimalNumber.sumToDouble(total, scale: scale)
    }

    /// The mean at `scale`: 18 significant digits, ties to even (see `DecimalNumber.average`).
    /// Nil when nothing was added, or the mean is 10^18 or more.
    public func average(scale: Int) -> DecimalNumber? {
        overflowed ? nil : DecimalNumber.average(sum: total, scale: scale, count: count)
    }
}

extension DecimalNumber {
    /// The 128-bit sum `mantissa × 10^-scale` as a decimal: exact if the mantissa fits in an
    /// `Int64` and `scale` is 0...18, else nil (the caller then uses `sumToDouble`).
    public static func fromSum(_ mantissa: Int128, scale: Int) -> DecimalNumber? {
        guard let narrow = Int64(exactly: mantissa) else { return nil }
        return DecimalNumber(mantissa: narrow, scale: scale)
    }

    /// The `Double` nearest to `mantissa × 10^-scale` for a 128-bit sum (nan when `scale` is
    /// outside 0...18).
    public static func sumToDouble(_ mantissa: Int128, scale: Int) -> Double {
        nearestDouble(magnitude: DecimalSupport.magnitude(mantissa), scale: scale, negative: mantissa < 0)
    }
}
