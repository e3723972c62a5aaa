#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// The built-in functions on values. Missing in, missing out; a value a function cannot take
/// (text that is not a number, for `number`) is missing too, never an error at run time.
/// The functions that choose (`if`, `coalesce`), read the clock or compile a pattern once are
/// compiled in `Evaluator`; text functions are in TextFunctions.swift, calendar ones in
/// CalendarFunctions.swift.
package enum Functions {
    package static func call(_ function: BuiltinFunction, _ arguments: [Value]) -> Value {
        if function == .concat { return TextFunctions.concat(arguments) }
        if function == .coalesce { return arguments.first { !$0.isMissing } ?? .missing }
        guard let value = arguments.first, !value.isMissing else { return .missing }
        if let result = TextFunctions.call(function, value, arguments) { return result }
        if let result = CalendarFunctions.call(function, value) { return result }
        switch (function, value) {
        case (.lower, .text(let text)): return .text(text.lowercased())
        case (.upper, .text(let text)): return .text(text.uppercased())
        // Characters as people see them: é is one, so is a flag.
        case (.len, .text(let text)): return .integer(Int64(text.count))
        case (.len, .list(let items)): return .integer(Int64(items.count))
        case (.round, _):
            var places = 0
            if arguments.count > 1, case .integer(let given) = arguments[1] { places = Int(given) }
            return round(value, places: places)
        case (.floor, .decimal(let number)): return .decimal(number.floor())
        case (.ceil, .decimal(let number)): return .decimal(number.ceil())
        case (.floor, .float(let number)): return Arithmetic.float(number.rounded(.down))
        case (.ceil, .float(let number)): return Arithmetic.float(number.rounded(.up))
        case (.floor, .integer), (.ceil, .integer): return value
        case (.abs, .integer(let number)):
            return number == .min ? Arithmetic.float(-Double(number)) : .integer(Swift.abs(number))
        case (.abs, .decimal(let number)): return number.magnitude.map(Value.decimal) ?? Arithmetic.float(-number.doubleValue)
        case (.abs, .float(let number)): return .float(Swift.abs(number))
        case (.sqrt, _): return squareRoot(value)
        case (.pow, _): return arguments.count > 1 ? power(value, arguments[1]) : .missing
        case (.number, .text(let text)): return NumberText.parse(text) ?? .missing
        case (.number, .integer), (.number, .decimal), (.number, .float): return value
        case (.date, _): return date(value, format: nil)
        case (.text, _): return .text(value.formatted())
        default: return .missing
        }
    }

    /// `sqrt(x)`: exact for perfect squares of integers (`sqrt(16)` is 4), else a double;
    /// missing for a negative x.
    static func squareRoot(_ value: Value) -> Value {
        guard let number = double(value), number >= 0 else { return .missing }
        let root = number.squareRoot()
        if case .integer(let whole) = value, let exact = Int64(exactly: root.rounded()), exact.multipliedReportingOverflow(by: exact) == (whole, false) {
            return .decimal(DecimalNumber(exact))
        }
        return Arithmetic.float(root)
    }

    /// `pow(x, y)`: exact for an integer raised to a whole power while it fits 64 bits, else a
    /// double; missing when the result is not a real number.
    static func power(_ base: Value, _ exponent: Value) -> Value {
        if case .integer(let whole) = base, case .integer(let times) = exponent, times >= 0, times <= 64 {
            var result: Int64 = 1
            var exact = true
            for _ in 0..<times {
                let (product, overflow) = result.multipliedReportingOverflow(by: whole)
                if overflow { exact = false; break }
                result = product
            }
            if exact { return .decimal(DecimalNumber(result)) }
        }
        guard let x = double(base), let y = double(exponent) else { return .missing }
        return Arithmetic.float(pow(x, y))
    }

    private static func double(_ value: Value) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .decimal(let number): return number.doubleValue
        case .float(let number): return number
        default: return nil
        }
    }

    /// `round(x, places)`: halves away from zero, as spreadsheets do; negative places round to
    /// tens, hundreds … An integer stays an integer.
    package static func round(_ value: Value, places: Int) -> Value {
        switch value {
        case .integer(let number):
            if places >= 0 { return value }
            guard let rounded = DecimalNumber(number).rounded(places: places), let whole = Int64(exactly: rounded.mantissa),
                rounded.scale == 0
            else { return Arithmetic.float((Double(number) / pow10(-places)).rounded(.toNearestOrAwayFromZero) * pow10(-places)) }
            return .integer(whole)
        case .decimal(let number):
            return number.rounded(places: places).map(Value.decimal) ?? .float(number.doubleValue)
        case .float(let number):
            let factor = pow10(places)
            return Arithmetic.float((number * factor).rounded(.toNearestOrAwayFromZero) / factor)
        default:
            return .missing
        }
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<Swift.abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// `date(x [, format])`: text read as a date; a date stays itself, a date and time is its day.
    package static func date(_ value: Value, format: DateText.Format?) -> Value {
        switch value {
        case .date: return value
        case .datetime(let instant): return .date(DatetimeText.split(instant).days)
        case .text(let text):
            let days = format.map { $0.parse(text) } ?? DateText.parse(text)
            return days.map(Value.date) ?? .missing
        default: return .missing
        }
    }
}
