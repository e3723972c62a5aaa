import DossierSupport
import DossierDiagnostics

/// Exact decimals at one scale: row `i` is `mantissas[i] / 10^scale`. Each value also keeps
/// how many digits after the point it was written with (`1.10`, `7`, `2.0` in one column), so
/// it prints and saves as written; comparisons and sums run on the mantissas alone.
public struct DecimalColumn: Sendable {
    public var mantissas: [Int64]
    /// Digits after the point shared by every mantissa, 0...18.
    public var scale: Int
    /// Digits after the point each value was written with (≤ `scale`); nil when every value
    /// was written with `scale` digits.
    public var writtenScales: [UInt8]?
    public var missing: Bitmap?

    public init(mantissas: [Int64], scale: Int, writtenScales: [UInt8]? = nil, missing: Bitmap? = nil) {
        self.mantissas = mantissas
        self.scale = scale
        self.writtenScales = writtenScales
        self.missing = missing
    }

    /// The value at `row` as written.
    @inline(__always)
    public func decimal(at row: Int) -> DecimalNumber {
        let mantissa = mantissas[row]
        guard let written = writtenScales?[row], Int(written) < scale else {
            return DecimalNumber(uncheckedMantissa: mantissa, scale: scale)
        }
        // The mantissa is a multiple of 10^(scale - written) by construction.
        let divisor = DecimalNumber.powersOfTen[scale - Int(written)]
        return DecimalNumber(uncheckedMantissa: mantissa / divisor, scale: Int(written))
    }
}
