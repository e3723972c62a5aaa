import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// A running sum that never depends on row order (§6 "Numbers"): integers and decimals add up
/// exactly in 128 bits at the largest scale seen, so `9223372036854775807 + 1 - 1` is
/// `9223372036854775807` and a column of money sums to the cent. Only binary floating-point
/// values (or a total beyond 128 bits) make it a double.
package struct ExactSum {
    private var mantissa: Int128 = 0
    private var scale = 0
    private var sawDecimal = false
    private var floating: Double = 0
    /// A float was added, or the exact total overflowed: the answer is `floating` + the exact part.
    private var approximate = false

    package mutating func add(_ value: Value) {
        switch value {
        case .integer(let number):
            addExact(Int128(number), scale: 0)
        case .decimal(let number):
            sawDecimal = true
            addExact(Int128(number.mantissa), scale: Int(number.scale))
        case .float(let number):
            approximate = true
            floating += number
        default:
            break
        }
    }

    private mutating func addExact(_ value: Int128, scale valueScale: Int) {
        if valueScale > scale {
            let factor = Int128(DecimalNumber.powersOfTen[valueScale - scale])
            let (rescaled, overflow) = mantissa.multipliedReportingOverflow(by: factor)
            if overflow { return spill(value, scale: valueScale) }
            mantissa = rescaled
            scale = valueScale
        }
        let factor = Int128(DecimalNumber.powersOfTen[scale - valueScale])
        let (shifted, overflow) = value.multipliedReportingOverflow(by: factor)
        if overflow { return spill(value, scale: valueScale) }
        let (sum, sumOverflow) = mantissa.addingReportingOverflow(shifted)
        if sumOverflow { return spill(value, scale: valueScale) }
        mantissa = sum
    }

    /// Past 128 bits: the value continues in binary floating point.
    private mutating func spill(_ value: Int128, scale valueScale: Int) {
        approximate = true
        floating += DecimalNumber.sumToDouble(value, scale: valueScale)
    }

    /// The sum: an integer when only integers were added and it fits, an exact decimal when it
    /// fits 64 bits at its scale, else a double.
    package var total: Value {
        if !approximate {
            if !sawDecimal, scale == 0, let integer = Int64(exactly: mantissa) { return .integer(integer) }
            if let decimal = DecimalNumber.fromSum(mantissa, scale: scale) { return .decimal(decimal) }
        }
        // A sum beyond the range of a double says `inf`, not nothing: the overflow stays visible.
        let total = floating + DecimalNumber.sumToDouble(mantissa, scale: scale)
        return total.isNaN ? .missing : .float(total)
    }

    /// The mean of `count` values: 18 significant digits, rounded half to even.
    package func average(count: Int64) -> Value {
        if !approximate, let mean = DecimalNumber.average(sum: mantissa, scale: scale, count: count) {
            return .decimal(mean)
        }
        let total = floating + DecimalNumber.sumToDouble(mantissa, scale: scale)
        return Arithmetic.float(total / Double(count))
    }
}
