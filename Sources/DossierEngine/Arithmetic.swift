import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `+ - * /` on values (§6 "Numbers"): exact on integers and decimals, so `0.1 + 0.2` is `0.3`
/// and `19.99 * 3` is `59.97`; division gives 18 significant digits rounded half to even.
/// A result no exact decimal holds (integer overflow, more than 18 digits) falls back to binary
/// floating point, never a trap; division by zero and missing operands give missing.
package enum Arithmetic {
    package static func apply(_ op: ArithmeticOperator, _ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.text(let a), .text(let b)):
            // `+` on text joins it (the checker allows no other operator there); joining can
            // put a combining mark after a letter, so the result is made NFC again.
            return op == .add ? .text(TextFolding.nfc(a + b)) : .missing
        case (.date, _), (_, .date), (.datetime, _), (_, .datetime):
            return DateArithmetic.apply(op, left, right)
        case (.integer(let a), .integer(let b)):
            switch op {
            case .add:
                let (sum, overflow) = a.addingReportingOverflow(b)
                return overflow ? float(Double(a) + Double(b)) : .integer(sum)
            case .subtract:
                let (difference, overflow) = a.subtractingReportingOverflow(b)
                return overflow ? float(Double(a) - Double(b)) : .integer(difference)
            case .multiply:
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                return overflow ? float(Double(a) * Double(b)) : .integer(product)
            case .divide:
                return divide(DecimalNumber(a), DecimalNumber(b))
            }
        case (.float, _), (_, .float):
            guard let a = double(left), let b = double(right) else { return .missing }
            switch op {
            case .add: return float(a + b)
            case .subtract: return float(a - b)
            case .multiply: return float(a * b)
            case .divide: return b == 0 ? .missing : float(a / b)
            }
        default:
            guard let a = exact(left), let b = exact(right) else { return .missing }
            switch op {
            case .add: return a.adding(b).map(Value.decimal) ?? float(a.doubleValue + b.doubleValue)
            case .subtract: return a.subtracting(b).map(Value.decimal) ?? float(a.doubleValue - b.doubleValue)
            case .multiply: return a.multiplying(b).map(Value.decimal) ?? float(a.doubleValue * b.doubleValue)
            case .divide: return divide(a, b)
            }
        }
    }

    private static func divide(_ a: DecimalNumber, _ b: DecimalNumber) -> Value {
        if b.isZero { return .missing }
        return DecimalNumber.dividing(a, b).map(Value.decimal) ?? float(a.doubleValue / b.doubleValue)
    }

    /// A binary floating-point result; infinities and NaN are missing.
    package static func float(_ value: Double) -> Value {
        value.isFinite ? .float(value) : .missing
    }

    package static func negate(_ value: Value) -> Value {
        switch value {
        case .integer(let number):
            let (negated, overflow) = Int64(0).subtractingReportingOverflow(number)
            return overflow ? float(-Double(number)) : .integer(negated)
        case .decimal(let number):
            return number.negated().map(Value.decimal) ?? float(-number.doubleValue)
        case .float(let number):
            return .float(-number)
        default:
            return .missing
        }
    }

    /// An integer or an exact decimal as a decimal.
    package static func exact(_ value: Value) -> DecimalNumber? {
        switch value {
        case .integer(let number): return DecimalNumber(number)
        case .decimal(let number): return number
        default: return nil
        }
    }

    /// Any number as the nearest double (binary floating point).
    package static func double(_ value: Value) -> Double? { value.doubleValue }
}
