import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `column op constant` as a closed range of stored values, decided exactly before the row
/// loop, so the loop compares plain integers (or doubles) and never rounds: a decimal column
/// stores mantissas at one scale, so `price > 19.99` becomes `mantissa >= 1_999 + 1` at scale 2,
/// and `price > 19.995` (a constant between two mantissas) becomes `mantissa >= 2_000`.
package enum NumericBounds {
    /// The mantissas `m` (at `scale` digits) with `m / 10^scale op constant`. An empty range
    /// has `low > high`. Not for `!=` (the range of `=`, negated, is its answer).
    package static func mantissas(_ op: ComparisonOperator, scale: Int, constant: DecimalNumber) -> (low: Int64, high: Int64) {
        // x = constant × 10^scale, as floor(x) and whether x is whole, in 128 bits: |mantissa|
        // < 2^63 and the powers of ten involved are at most 10^18 < 2^60.
        let shift = scale - Int(constant.scale)
        let floor: Int128
        let whole: Bool
        if shift >= 0 {
            floor = Int128(constant.mantissa) * Int128(DecimalNumber.powersOfTen[shift])
            whole = true
        } else {
            let divisor = Int128(DecimalNumber.powersOfTen[-shift])
            let value = Int128(constant.mantissa)
            let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
            whole = remainder == 0
            floor = remainder < 0 ? quotient - 1 : quotient
        }
        let low: Int128
        let high: Int128
        let unbounded = Int128(Int64.max) + 1
        switch op {
        case .equal:
            guard whole else { return (1, 0) }
            (low, high) = (floor, floor)
        case .less: (low, high) = (-unbounded, whole ? floor - 1 : floor)
        case .lessEqual: (low, high) = (-unbounded, floor)
        case .greater: (low, high) = (floor + 1, unbounded)
        case .greaterEqual: (low, high) = (whole ? floor : floor + 1, unbounded)
        case .notEqual: (low, high) = (-unbounded, unbounded)
        }
        let clampedLow = max(low, Int128(Int64.min))
        let clampedHigh = min(high, Int128(Int64.max))
        if clampedLow > clampedHigh { return (1, 0) }
        return (Int64(clampedLow), Int64(clampedHigh))
    }

    /// The doubles `d` with `d op constant`, decided exactly: a decimal or an integer above
    /// 2^53 that no double holds lies strictly between two of them.
    package static func doubles(_ op: ComparisonOperator, exactly constant: DecimalNumber) -> (low: Double, high: Double) {
        let nearest = constant.doubleValue
        // Where the constant lies relative to its nearest double: -1 below, 0 on it, 1 above.
        let side = DecimalNumber.compare(constant, nearest) ?? 0
        switch op {
        case .equal: return side == 0 ? (nearest, nearest) : (1, 0)
        case .less: return (-.infinity, side > 0 ? nearest : nearest.nextDown)
        case .lessEqual: return (-.infinity, side < 0 ? nearest.nextDown : nearest)
        case .greater: return (side < 0 ? nearest : nearest.nextUp, .infinity)
        case .greaterEqual: return (side > 0 ? nearest.nextUp : nearest, .infinity)
        case .notEqual: return (-.infinity, .infinity)
        }
    }

    /// The doubles `d` with `d op constant` for a double constant.
    package static func doubles(_ op: ComparisonOperator, _ constant: Double) -> (low: Double, high: Double) {
        switch op {
        case .equal: return (constant, constant)
        case .less: return (-.infinity, constant.nextDown)
        case .lessEqual: return (-.infinity, constant)
        case .greater: return (constant.nextUp, .infinity)
        case .greaterEqual: return (constant, .infinity)
        case .notEqual: return (-.infinity, .infinity)
        }
    }

    /// A constant as an exact decimal, when it is one (integers are decimals of scale 0).
    package static func exact(_ constant: Value) -> DecimalNumber? {
        Arithmetic.exact(constant)
    }
}
