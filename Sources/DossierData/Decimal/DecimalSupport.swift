import DossierSupport
import DossierDiagnostics

/// Powers of ten, digit counts and rounding on magnitudes, shared by the decimal code.
///
/// Everything here works on unsigned magnitudes: the callers split off the sign first, which
/// keeps `Int64.min` (whose magnitude is 2^63) from needing a special case in every function.
package enum DecimalSupport {
    /// The largest scale (digits after the point) a `DecimalNumber` holds.
    package static let maxScale = 18

    /// The largest mantissa magnitude a rounded result (division, average, rounded products) or a
    /// parsed literal may have: 18 digits.
    package static let maxRoundedMagnitude: UInt128 = 999_999_999_999_999_999

    /// 10^0 ... 10^38 (10^38 < 2^127, so every entry also fits in `Int128`).
    package static let powersOfTen: [UInt128] = {
        var table: [UInt128] = []
        var value: UInt128 = 1
        for _ in 0...38 {
            table.append(value)
            value &*= 10  // the last product (10^39) is never stored
        }
        return table
    }()

    /// 10^exponent as `UInt128`, or nil outside 0...38.
    @inline(__always)
    package static func powerOfTen(_ exponent: Int) -> UInt128? {
        guard exponent >= 0, exponent <= 38 else { return nil }
        return powersOfTen[exponent]
    }

    /// 10^exponent for an exponent the caller has already bounded to 0...38.
    /// Out-of-range exponents give 0 rather than trapping; every call site states its bound.
    @inline(__always)
    package static func pow10(_ exponent: Int) -> UInt128 {
        powerOfTen(exponent) ?? 0
    }

    /// The number of decimal digits of `value` (0 for 0).
    ///
    /// The bit length times log10(2) (1233/4096) is the digit count or one less; one comparison
    /// against the table settles which.
    package static func digitCount(_ value: UInt128) -> Int {
        let bits = 128 - value.leadingZeroBitCount
        let estimate = (bits &* 1233) >> 12  // ≤ 38 for bits ≤ 128
        return value >= pow10(estimate) ? estimate + 1 : estimate
    }

    /// `n / d` rounded to an integer, ties to even (d > 0; d == 0 gives 0).
    package static func divideHalfEven(_ n: UInt128, by d: UInt128) -> UInt128 {
        guard d > 0 else { return 0 }
        let (quotient, remainder) = n.quotientAndRemainder(dividingBy: d)
        let rest = d - remainder  // > 0, and comparing with it avoids doubling the remainder
        if remainder > rest || (remainder == rest && quotient & 1 == 1) { return quotient + 1 }
        return quotient
    }

    /// `n / d` rounded to an integer, ties away from zero (d > 0; d == 0 gives 0).
    package static func divideHalfUp(_ n: UInt128, by d: UInt128) -> UInt128 {
        guard d > 0 else { return 0 }
        let (quotient, remainder) = n.quotientAndRemainder(dividingBy: d)
        return remainder >= d - remainder ? quotient + 1 : quotient
    }

    /// The `Int64` with this sign and magnitude, or nil when it does not fit (magnitude 2^63
    /// fits only as a negative number).
    package static func int64(negative: Bool, magnitude: UInt128) -> Int64? {
        if negative {
            guard magnitude <= UInt128(Int64.max) + 1 else { return nil }
            // Two's complement: the low 64 bits of -magnitude, which is Int64.min for 2^63.
            return Int64(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt128(Int64.max) else { return nil }
        return Int64(truncatingIfNeeded: magnitude)
    }

    /// The magnitude of an `Int64` as `UInt128` (2^63 for `Int64.min`, without trapping).
    @inline(__always)
    package static func magnitude(_ value: Int64) -> UInt128 {
        UInt128(value.magnitude)
    }

    /// The magnitude of an `Int128` as `UInt128` (2^127 for `Int128.min`, without trapping).
    @inline(__always)
    package static func magnitude(_ value: Int128) -> UInt128 {
        value.magnitude
    }
}
