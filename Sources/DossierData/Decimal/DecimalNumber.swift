import DossierSupport
import DossierDiagnostics

/// An exact decimal number: `mantissa × 10^-scale`.
///
/// The rules (see README.md in this package for the reasoning):
/// - `scale` is the number of digits after the point as written, 0...18, trailing zeros kept, so
///   `1.10` prints as `1.10` and `2.0` as `2.0`. Equality, hashing and ordering are by value.
/// - `mantissa` may be any `Int64`, including 19-digit values and `Int64.min`, so every integer
///   is a decimal (`init(_:)` cannot fail) and exact sums and products that fit in 64 bits stay
///   exact. Results that are *rounded* (division, average, products that had to be rounded) and
///   parsed literals have at most 18 significant digits.
/// - There is no negative zero: `-0.0` is zero at scale 1 and prints `0.0`.
/// - Every operation that cannot give an exact (or, for division, correctly rounded) decimal
///   returns nil, and the caller falls back to `Double`.
public struct DecimalNumber: Sendable {
    /// The digits as an integer: `1.10` has mantissa 110.
    public let mantissa: Int64
    /// Digits after the point, 0...18.
    public let scale: Int8

    /// `mantissa × 10^-scale`, or nil when `scale` is outside 0...18.
    public init?(mantissa: Int64, scale: Int) {
        guard scale >= 0, scale <= DecimalSupport.maxScale else { return nil }
        self.mantissa = mantissa
        self.scale = Int8(truncatingIfNeeded: scale)
    }

    /// For callers inside the module that have already checked `scale`.
    package init(uncheckedMantissa mantissa: Int64, scale: Int) {
        self.mantissa = mantissa
        self.scale = Int8(truncatingIfNeeded: scale)
    }

    /// An integer is a decimal of scale 0.
    public init(_ integer: Int64) {
        self.init(uncheckedMantissa: integer, scale: 0)
    }

    /// The scale as an `Int`, for arithmetic.
    @inline(__always)
    package var digitsAfterPoint: Int { Int(scale) }

    /// True for zero at any scale.
    public var isZero: Bool { mantissa == 0 }

    /// -1, 0 or 1.
    public var signum: Int { mantissa < 0 ? -1 : (mantissa > 0 ? 1 : 0) }

    /// The same value with trailing zeros after the point removed: 1.100 → 1.1, 2.0 → 2.
    public var normalized: DecimalNumber {
        var mantissa = mantissa
        var scale = digitsAfterPoint
        while scale > 0, mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        return DecimalNumber(uncheckedMantissa: mantissa, scale: scale)
    }

    /// The absolute value; nil only for a mantissa of `Int64.min`.
    public var magnitude: DecimalNumber? {
        mantissa >= 0 ? self : negated()
    }

    /// `-self`; nil only for a mantissa of `Int64.min`.
    public func negated() -> DecimalNumber? {
        let (result, overflow) = Int64(0).subtractingReportingOverflow(mantissa)
        return overflow ? nil : DecimalNumber(uncheckedMantissa: result, scale: digitsAfterPoint)
    }

    /// The mantissa when the value is written with `scale` digits after the point (for columns,
    /// which store every value at one common scale): 1.5 at scale 3 is 1500.
    /// Nil when `scale` is below `self.scale` (digits would be lost), above 18, or the result
    /// overflows `Int64`.
    public func mantissa(atScale scale: Int) -> Int64? {
        guard scale >= digitsAfterPoint, scale <= DecimalSupport.maxScale else { return nil }
        // The difference is 0...18, so the power of ten fits in Int64.
        let factor = Int64(truncatingIfNeeded: DecimalSupport.pow10(scale - digitsAfterPoint))
        let (result, overflow) = mantissa.multipliedReportingOverflow(by: factor)
        return overflow ? nil : result
    }
}

// MARK: - Comparison by value

extension DecimalNumber: Equatable, Hashable, Comparable {
    /// -1, 0 or 1 as `a` is below, equal to or above `b`, exactly.
    public static func compare(_ a: DecimalNumber, _ b: DecimalNumber) -> Int {
        // Bring both to the larger scale in 128 bits: |mantissa| ≤ 2^63 and 10^18 < 2^60,
        // so the products stay below 2^123 and cannot wrap.
        let scale = max(a.digitsAfterPoint, b.digitsAfterPoint)
        let left = Int128(a.mantissa) &* Int128(DecimalSupport.pow10(scale - a.digitsAfterPoint))
        let right = Int128(b.mantissa) &* Int128(DecimalSupport.pow10(scale - b.digitsAfterPoint))
        return left < right ? -1 : (left > right ? 1 : 0)
    }

    /// -1, 0 or 1 as `a` is below, equal to or above the integer `b`, exactly (also for
    /// integers above 2^53, which a `Double` comparison would get wrong).
    public static func compare(_ a: DecimalNumber, _ b: Int64) -> Int {
        // |b| ≤ 2^63, 10^18 < 2^60: below 2^123.
        let right = Int128(b) &* Int128(DecimalSupport.pow10(a.digitsAfterPoint))
        let left = Int128(a.mantissa)
        return left < right ? -1 : (left > right ? 1 : 0)
    }

    /// By value: `1.10 == 1.1`, `2 == 2.0`.
    public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
        compare(a, b) == 0
    }

    /// By value: `1.09 < 1.1`.
    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
        compare(a, b) < 0
    }

    /// Hashes the normalized form, so values that are `==` hash alike whatever their scale.
    public func hash(into hasher: inout Hasher) {
        let canonical = normalized
        hasher.combine(canonical.mantissa)
        hasher.combine(canonical.scale)
    }
}

// MARK: - Printing

extension DecimalNumber: CustomStringConvertible {
    /// The number as written, never in exponent notation: "1.10", "-0.05", "7", "0.0025".
    /// Zero has no sign: "-0.0" was read as zero and prints "0.0".
    public var description: String {
        let negative = mantissa < 0
        let scale = digitsAfterPoint
        var rest = mantissa.magnitude
        let digitCount = DecimalSupport.digitCount(UInt128(rest))
        // "0.0025": at least one digit before the point.
        let integerDigits = max(digitCount - scale, 1)
        let length = (negative ? 1 : 0) + integerDigits + (scale > 0 ? scale + 1 : 0)
        // Filled from the right: the fraction digits, the point, then the integer digits.
        return String(unsafeUninitializedCapacity: length) { buffer in
            var position = length
            func emitDigit() {
                let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
                position -= 1
                buffer[position] = UInt8(truncatingIfNeeded: digit) &+ UInt8(ascii: "0")
                rest = quotient
            }
            for _ in 0..<scale { emitDigit() }
            if scale > 0 {
                position -= 1
                buffer[position] = UInt8(ascii: ".")
            }
            repeat { emitDigit() } while rest > 0
            if negative { buffer[0] = UInt8(ascii: "-") }
            return length
        }
    }
}

extension DecimalNumber {
    /// 10^0 ... 10^18 as `Int64`: rescaling mantissas in column loops (copy it to a local
    /// before a hot loop; a global's lazy initialisation is checked on every read).
    public static let powersOfTen: [Int64] = {
        var powers: [Int64] = [1]
        for _ in 1...18 { powers.append((powers.last ?? 1) &* 10) }
        return powers
    }()
}
