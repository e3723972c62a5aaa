#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics

/// Parsing cell bytes into typed values without making Strings. The inference rules of §6
/// live here: a leading zero (`08`, `0123`) is not a number, so codes are never mangled.
package enum ValueParsing {
    /// An integer: optional sign, digits, no leading zero (unless the whole number is `0`).
    /// `allowLeadingZeros` is for declared `:int` columns, where `08` means 8.
    @inline(__always)
    package static func integer(_ bytes: UnsafeBufferPointer<UInt8>, allowLeadingZeros: Bool = false) -> Int64? {
        var index = 0
        let count = bytes.count
        var negative = false
        if count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        let digits = count - index
        // More than 19 digits never fits in 64 bits: not an integer (text keeps every digit).
        guard digits > 0, digits <= 19 else { return nil }
        if !allowLeadingZeros, digits > 1, bytes[index] == UInt8(ascii: "0") { return nil }
        // Accumulated toward the sign, so Int64.min parses too.
        var value: Int64 = 0
        while index < count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative
                ? product.subtractingReportingOverflow(Int64(digit)) : product.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        return value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A decimal: `-3.5`, `1e6`, `0.25`; not `01.5`, `.5`, `1.`, `inf` or `nan`.
    package static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, allowLeadingZeros: Bool = false) -> Double? {
        var index = 0
        let count = bytes.count
        var negative = false
        if count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        let integerStart = index
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        while index < count, bytes[index] &- 0x30 < 10 {
            if significant < 19 {
                mantissa = mantissa * 10 + UInt64(bytes[index] - 0x30)
                if mantissa > 0 { significant += 1 }
            } else {
                exponent += 1
            }
            index += 1
        }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return nil }
        if !allowLeadingZeros, integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count, bytes[index] &- 0x30 < 10 {
                if significant < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[index] - 0x30)
                    if mantissa > 0 { significant += 1 }
                    exponent -= 1
                }
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            var written = 0
            while index < count, bytes[index] &- 0x30 < 10 {
                if written < 10_000 { written = written * 10 + Int(bytes[index] - 0x30) }
                index += 1
            }
            guard index > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == count else { return nil }
        // Exact when the digits fit in 53 bits and the power of ten is exact (Clinger's fast path).
        if mantissa < (1 << 53), abs(exponent) <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
            return negative ? -value : value
        }
        return slowDecimal(bytes)
    }

    private static func slowDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var buffer = [CChar](repeating: 0, count: bytes.count + 1)
        for index in 0..<bytes.count { buffer[index] = CChar(bitPattern: bytes[index]) }
        let value = strtod(buffer, nil)
        return value.isFinite ? value : nil
    }

    /// `true` / `false`, any case. Declared `:bool` columns also take yes/no and 1/0.
    package static func bool(_ bytes: UnsafeBufferPointer<UInt8>, lenient: Bool = false) -> Bool? {
        let count = bytes.count
        guard count <= 5 else { return nil }
        var lowered: UInt64 = 0
        for index in 0..<count {
            lowered = lowered << 8 | UInt64(TextFolding.lowerASCII(bytes[index]))
        }
        switch lowered {
        case 0x74_72_75_65: return true  // "true"
        case 0x66_61_6C_73_65: return false  // "false"
        default: break
        }
        guard lenient else { return nil }
        switch lowered {
        case 0x79_65_73, 0x31, 0x79: return true  // "yes", "1", "y"
        case 0x6E_6F, 0x30, 0x6E: return false  // "no", "0", "n"
        default: return nil
        }
    }
}
