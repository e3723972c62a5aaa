import DossierSupport
import DossierDiagnostics

extension DecimalNumber {
    /// The nearest `Double`, ties to even (correctly rounded, like a correct `strtod`).
    public var doubleValue: Double {
        DecimalNumber.nearestDouble(
            magnitude: DecimalSupport.magnitude(mantissa), scale: digitsAfterPoint, negative: mantissa < 0)
    }

    /// The `Double` nearest to `±magnitude / 10^scale`, for `magnitude` < 2^128 and scale 0...18
    /// (nan for any other scale, which no caller passes).
    package static func nearestDouble(magnitude: UInt128, scale: Int, negative: Bool) -> Double {
        guard scale >= 0, scale <= DecimalSupport.maxScale else { return .nan }
        if magnitude == 0 { return 0 }
        // Fast path (Clinger): both operands are exact doubles, and one IEEE division rounds once.
        if magnitude < (1 << 53) {
            let value = Double(UInt64(truncatingIfNeeded: magnitude)) / powersOfTenAsDouble[scale]
            return negative ? -value : value
        }
        // Otherwise divide in integers: shifting the magnitude to the top of 128 bits first leaves
        // a quotient of at least 2^127 / 10^18 > 2^67, comfortably more than 53 bits plus a
        // rounding bit, and the remainder tells whether anything below was dropped.
        let shift = magnitude.leadingZeroBitCount
        let (quotient, remainder) = (magnitude << shift).quotientAndRemainder(
            dividingBy: DecimalSupport.pow10(scale))
        let value = roundToDouble(quotient, sticky: remainder != 0, binaryExponent: -shift)
        return negative ? -value : value
    }

    /// `quotient · 2^binaryExponent` (plus a little more when `sticky`) rounded to 53 bits, ties
    /// to even. `quotient` must have more than 54 bits, so the cut always falls inside it.
    private static func roundToDouble(_ quotient: UInt128, sticky: Bool, binaryExponent: Int) -> Double {
        let dropped = (128 - quotient.leadingZeroBitCount) - 53  // ≥ 14
        var significand = quotient >> dropped
        // Wrapping and smart-shift forms: the bound above makes them exact, and they cannot trap.
        let rest = quotient & ((1 << dropped) &- 1)
        let half: UInt128 = 1 << (dropped &- 1)
        if rest > half || (rest == half && (sticky || significand & 1 == 1)) {
            significand &+= 1  // may reach 2^53, which is still exact
        }
        // Scaling by a power of two is exact in the range reached here (2^-64 ... 2^128).
        return Double(
            sign: .plus, exponent: dropped + binaryExponent,
            significand: Double(UInt64(truncatingIfNeeded: significand)))
    }

    private static let powersOfTenAsDouble: [Double] = {
        var table: [Double] = []
        var value = 1.0
        for _ in 0...18 {
            table.append(value)
            value *= 10  // exact up to 10^22
        }
        return table
    }()

    /// -1, 0 or 1 as `a` is below, equal to or above `b`; nil when `b` is NaN. Exact for every
    /// finite `b` (9007199254740993 > 9007199254740992.0), and ±infinity are beyond every decimal.
    public static func compare(_ a: DecimalNumber, _ b: Double) -> Int? {
        if b.isNaN { return nil }
        // Correct rounding is monotonic: if a's nearest double differs from b, it is on the same
        // side of b as a itself.
        let nearest = a.doubleValue
        if nearest < b { return -1 }
        if nearest > b { return 1 }
        // Here b is finite and a rounds to it. Zero: a nonzero decimal is ≥ 10^-18 and never
        // rounds to ±0, so both are zero.
        if b == 0 { return 0 }
        return compareExactly(a, b)
    }

    /// Exact order of `a` and a finite nonzero `b` that `a` rounds to (so |b| is between about
    /// 10^-18 and 2^63). Writes b = M · 2^E with M odd and compares integers in 128 bits.
    private static func compareExactly(_ a: DecimalNumber, _ b: Double) -> Int {
        let negative = b < 0
        // The integer significand and exponent: b = ±M · 2^E.
        // From the raw fields (subnormals have no implicit bit and the exponent of the smallest
        // normal), so this does not depend on how `exponent` reports subnormals.
        var significand = b.significandBitPattern
        var power = -1074
        if b.exponentBitPattern != 0 {
            significand |= 1 << 52
            power = Int(b.exponentBitPattern) - 1075
        }
        let trailing = significand.trailingZeroBitCount
        significand >>= trailing
        power += trailing

        // Both have the same sign here (a rounds to b, which is nonzero); compare magnitudes,
        // then flip for negatives.
        let decimalMagnitude = DecimalSupport.magnitude(a.mantissa)
        let tenToScale = DecimalSupport.pow10(a.digitsAfterPoint)
        let left: UInt128  // |a| · 10^scale · 2^max(-E, 0)
        let right: UInt128  // M · 2^max(E, 0) · 10^scale
        if power >= 0 {
            // b is an integer below 2^64; times 10^18 < 2^60 it stays below 2^124.
            left = decimalMagnitude
            let (shifted, overflow1) = UInt128(significand).multipliedReportingOverflow(by: 1 << min(power, 127))
            let (scaled, overflow2) = shifted.multipliedReportingOverflow(by: tenToScale)
            if overflow1 || overflow2 || power > 127 { return negative ? 1 : -1 }
            right = scaled
        } else {
            // M < 2^53 and 10^18 < 2^60: the right side is below 2^113, and the left side is close
            // to it; if shifting would overflow, the left side is certainly larger.
            let bits = 128 - decimalMagnitude.leadingZeroBitCount
            if bits - power > 127 { return negative ? -1 : 1 }
            left = decimalMagnitude << -power
            right = UInt128(significand) &* tenToScale
        }
        let order = left < right ? -1 : (left > right ? 1 : 0)
        return negative ? -order : order
    }
}
