import DossierSupport
import DossierDiagnostics

extension DecimalNumber {
    /// `a / b` to 18 significant digits, ties to even, trailing zeros removed:
    /// 10 / 4 = 2.5, 1 / 3 = 0.333333333333333333, 2 / 3 = 0.666666666666666667, 6 / 2 = 3.
    ///
    /// The scale is capped at 18, so quotients below 0.1 keep fewer significant digits
    /// (1 / 3000 = 0.000333333333333333) and quotients below 0.5·10^-18 round to 0.
    /// Nil when `b` is zero (the caller makes the result missing) or when the quotient is 10^18
    /// or more in magnitude, which 18 digits at scale ≥ 0 cannot hold (the caller uses `Double`).
    public static func dividing(_ a: DecimalNumber, _ b: DecimalNumber) -> DecimalNumber? {
        guard b.mantissa != 0 else { return nil }
        // a / b = (|ma| / |mb|) · 10^(sb - sa); the exponent is -18...18.
        return roundedQuotient(
            DecimalSupport.magnitude(a.mantissa),
            timesPowerOfTen: b.digitsAfterPoint - a.digitsAfterPoint,
            over: DecimalSupport.magnitude(b.mantissa),
            negative: (a.mantissa < 0) != (b.mantissa < 0))
    }

    /// `sum × 10^-scale / count`, the mean of `count` values whose mantissas at `scale` add up to
    /// `sum`: 18 significant digits, ties to even, trailing zeros removed, like `dividing`.
    /// Nil when `count` is not positive, `scale` is outside 0...18, or the mean is 10^18 or more.
    public static func average(sum: Int128, scale: Int, count: Int64) -> DecimalNumber? {
        guard count > 0, scale >= 0, scale <= DecimalSupport.maxScale else { return nil }
        return roundedQuotient(
            DecimalSupport.magnitude(sum), timesPowerOfTen: -scale,
            over: UInt128(count.magnitude), negative: sum < 0)
    }

    /// `n · 10^exponent / d` rounded, ties to even, to at most 18 significant digits and at most 18
    /// places, trailing zeros removed. `n` < 2^128, 0 < `d` < 2^64 and `exponent` in -18...18
    /// (what `dividing` and `average` pass); nil outside that or when the quotient is ≥ 10^18.
    private static func roundedQuotient(
        _ n: UInt128, timesPowerOfTen exponent: Int, over d: UInt128, negative: Bool
    ) -> DecimalNumber? {
        guard d > 0, d <= UInt128(UInt64.max), exponent >= -18, exponent <= 18 else { return nil }
        if n == 0 { return DecimalNumber(uncheckedMantissa: 0, scale: 0) }

        // floor(log10(n / d)): the digit counts give it to within one, a comparison settles it.
        let shift = DecimalSupport.digitCount(n) - DecimalSupport.digitCount(d)  // -19...38
        let atLeast: Bool  // n / d ≥ 10^shift
        if shift >= 0 {
            let (scaled, overflow) = d.multipliedReportingOverflow(by: DecimalSupport.pow10(shift))
            atLeast = !overflow && n >= scaled  // an overflowing d·10^shift exceeds any n
        } else {
            // n · 10^-shift < 10^digits(d) ≤ 10^20: no overflow.
            let (scaled, overflow) = n.multipliedReportingOverflow(by: DecimalSupport.pow10(-shift))
            atLeast = overflow || scaled >= d
        }
        let log10 = atLeast ? shift : shift - 1
        // The quotient has log10 + 1 + exponent digits before the point; keep 18 in all, ≤ 18 places.
        var places = min(DecimalSupport.maxScale, 17 - log10 - exponent)
        guard places >= 0 else { return nil }

        // Scale the quotient by 10^places. Since it is then below 10^18, the numerator is below
        // 10^18 · d < 2^124, and a negative total exponent (≥ -18) only multiplies d < 2^64.
        let total = exponent + places
        var numerator = n
        var denominator = d
        if total >= 0 {
            guard let factor = DecimalSupport.powerOfTen(total) else { return nil }
            let (product, overflow) = n.multipliedReportingOverflow(by: factor)
            guard !overflow else { return nil }
            numerator = product
        } else {
            guard let factor = DecimalSupport.powerOfTen(-total) else { return nil }
            let (product, overflow) = d.multipliedReportingOverflow(by: factor)
            guard !overflow else { return nil }
            denominator = product
        }
        var rounded = DecimalSupport.divideHalfEven(numerator, by: denominator)
        if rounded > DecimalSupport.maxRoundedMagnitude {
            // 999…9.5 carried into a 19th digit: the value is exactly 10^18 units, one place fewer.
            places -= 1
            guard places >= 0 else { return nil }
            rounded /= 10
        }
        while places > 0, rounded % 10 == 0 {
            rounded /= 10
            places -= 1
        }
        guard let mantissa = DecimalSupport.int64(negative: negative, magnitude: rounded) else { return nil }
        return DecimalNumber(uncheckedMantissa: mantissa, scale: places)
    }
}
