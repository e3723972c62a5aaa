import DossierSupport
import DossierDiagnostics

extension DecimalNumber {
    /// `self + other`, exactly, at the larger of the two scales (1.10 + 2.345 = 3.445,
    /// 0.1 + 0.2 = 0.3). Nil when the exact result does not fit in an `Int64` mantissa.
    public func adding(_ other: DecimalNumber) -> DecimalNumber? {
        DecimalNumber.combine(self, other, negateSecond: false)
    }

    /// `self - other`, exactly, at the larger of the two scales. Nil when it does not fit.
    public func subtracting(_ other: DecimalNumber) -> DecimalNumber? {
        DecimalNumber.combine(self, other, negateSecond: true)
    }

    private static func combine(_ a: DecimalNumber, _ b: DecimalNumber, negateSecond: Bool) -> DecimalNumber? {
        // In 128 bits: each side is below 2^63 · 10^18 < 2^123, so neither the scaling nor the
        // sum can wrap; only the final narrowing can fail.
        let scale = max(a.digitsAfterPoint, b.digitsAfterPoint)
        let left = Int128(a.mantissa) &* Int128(DecimalSupport.pow10(scale - a.digitsAfterPoint))
        let right = Int128(b.mantissa) &* Int128(DecimalSupport.pow10(scale - b.digitsAfterPoint))
        let total = negateSecond ? left &- right : left &+ right
        guard let mantissa = Int64(exactly: total) else { return nil }
        return DecimalNumber(uncheckedMantissa: mantissa, scale: scale)
    }

    /// `self × other`. Exact at the sum of the scales when that is at most 18 and the mantissa
    /// fits in an `Int64` (19.99 × 3 = 59.97, 0.5 × 0.2 = 0.10).
    ///
    /// Otherwise the product is rounded, half to even, to the largest scale (at most 18) at which
    /// it has at most 18 significant digits: 0.1234567891 × 0.1234567891 has 20 places and
    /// becomes 0.015241578774881879 (18 places). Nil when even scale 0 needs more than 18 digits.
    public func multiplying(_ other: DecimalNumber) -> DecimalNumber? {
        // |mantissa| ≤ 2^63 on both sides, so the full product is at most 2^126: it fits.
        let product = Int128(mantissa) &* Int128(other.mantissa)
        let scale = digitsAfterPoint + other.digitsAfterPoint  // 0...36
        if scale <= DecimalSupport.maxScale, let exact = Int64(exactly: product) {
            return DecimalNumber(uncheckedMantissa: exact, scale: scale)
        }
        let magnitude = product.magnitude
        let digits = DecimalSupport.digitCount(magnitude)
        // Keep 18 significant digits, but no more places than the product has, nor than 18.
        var target = min(scale, DecimalSupport.maxScale, 18 - digits + scale)
        guard target >= 0 else { return nil }
        // scale - target is 0...36: the table covers it.
        var rounded = DecimalSupport.divideHalfEven(magnitude, by: DecimalSupport.pow10(scale - target))
        if rounded > DecimalSupport.maxRoundedMagnitude {
            // Rounding carried into a 19th digit (999…9.5 → 1000…0): one place fewer, exactly.
            target -= 1
            guard target >= 0 else { return nil }
            rounded /= 10
        }
        guard let mantissa = DecimalSupport.int64(negative: product < 0, magnitude: rounded) else { return nil }
        return DecimalNumber(uncheckedMantissa: mantissa, scale: target)
    }

    /// `round(x, places)`, ties AWAY from zero (2.5 → 3, -2.5 → -3), as spreadsheets and
    /// PostgreSQL's `round(numeric, int)` do, rather than the ties-to-even of division.
    ///
    /// The result has scale `max(places, 0)`: round(2.5, 2) = 2.50, round(1234, -2) = 1200,
    /// round(1234.5, 0) = 1235. Two corners keep the value and bend the scale instead: places
    /// above 18 give scale 18, and when padding with zeros would overflow the mantissa the value
    /// keeps its own scale (the value is exact either way). Nil only when the rounded value
    /// overflows (round(9223372036854775807, -1)).
    public func rounded(places: Int) -> DecimalNumber? {
        let scale = digitsAfterPoint
        if places >= scale {
            // Nothing to round: only pad with zeros, as far as the target scale.
            return mantissa(atScale: min(places, DecimalSupport.maxScale))
                .map { DecimalNumber(uncheckedMantissa: $0, scale: min(places, DecimalSupport.maxScale)) } ?? self
        }
        // |value| < 10^19, so rounding to 10^21 or coarser gives 0; clamping keeps `drop` small.
        let places = max(places, -21)
        let drop = scale - places  // 1...39 digits removed
        guard let unit = DecimalSupport.powerOfTen(drop) else {
            return DecimalNumber(uncheckedMantissa: 0, scale: 0)
        }
        let units = DecimalSupport.divideHalfUp(DecimalSupport.magnitude(mantissa), by: unit)
        // Back to scale max(places, 0): negative places put zeros after the rounded units.
        var magnitude = units
        if places < 0 {
            guard let zeros = DecimalSupport.powerOfTen(-places) else { return nil }
            let (padded, overflow) = units.multipliedReportingOverflow(by: zeros)
            guard !overflow else { return nil }
            magnitude = padded
        }
        guard let result = DecimalSupport.int64(negative: mantissa < 0, magnitude: magnitude) else { return nil }
        return DecimalNumber(uncheckedMantissa: result, scale: max(places, 0))
    }

    /// The largest integer ≤ self, at scale 0 (-1.5 → -2). Always fits: it is no further from
    /// zero than the mantissa.
    public func floor() -> DecimalNumber {
        let unit = Int64(truncatingIfNeeded: DecimalSupport.pow10(digitsAfterPoint))  // ≤ 10^18
        // Swift's division truncates toward zero; a negative remainder means we went up.
        let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: unit)
        return DecimalNumber(uncheckedMantissa: remainder < 0 ? quotient &- 1 : quotient, scale: 0)
    }

    /// The smallest integer ≥ self, at scale 0 (1.2 → 2, -1.5 → -1). Always fits, so it is not
    /// optional: with a fraction the integer part is at most 2^63 / 10 in magnitude.
    public func ceil() -> DecimalNumber {
        let unit = Int64(truncatingIfNeeded: DecimalSupport.pow10(digitsAfterPoint))
        let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: unit)
        return DecimalNumber(uncheckedMantissa: remainder > 0 ? quotient &+ 1 : quotient, scale: 0)
    }
}
