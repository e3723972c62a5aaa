import DossierSupport
import DossierDiagnostics
import DossierData

/// Decimal columns while they load (§6 "Numbers"): exact values held as 64-bit mantissas at one
/// scale for the column (the most digits after the point seen so far), each value remembering
/// its own digits so it prints as written. When a value cannot be held that way (more than 18
/// significant digits, or the common scale would overflow) the column becomes binary floating
/// point, keeping every value's text as the file wrote it.
extension ColumnAccumulator {
    /// Appends a decimal cell to a `.decimal` or `.float` column. False when the cell is not a
    /// number at all (nor a double: `1e400`).
    package mutating func appendNumber(_ cell: UnsafeBufferPointer<UInt8>, allowLeadingZeros: Bool) -> Bool {
        if kind == .decimal, let number = DecimalNumber.parse(cell, allowLeadingZeros: allowLeadingZeros) {
            if appendExact(number) { return true }
            convertToFloat()
        }
        guard let double = ValueParsing.decimal(cell, allowLeadingZeros: allowLeadingZeros) else { return false }
        if kind != .float { convertToFloat() }
        floats.append(double)
        codes.append(dictionary.intern(cell))
        return true
    }

    /// An exact value, when the column's scale can hold it (rescaling the column up to the
    /// value's digits if needed).
    @inline(__always)
    package mutating func appendExact(_ number: DecimalNumber) -> Bool {
        let scale = Int(number.scale)
        if scale == decimalScale {
            // The common case: every value written with the column's digits.
            mantissas.append(number.mantissa)
            writtenScales.append(UInt8(truncatingIfNeeded: scale))
            return true
        }
        if scale > decimalScale, !rescale(to: scale) { return false }
        guard let mantissa = number.mantissa(atScale: decimalScale) else { return false }
        mantissas.append(mantissa)
        writtenScales.append(UInt8(truncatingIfNeeded: scale))
        return true
    }

    /// Every mantissa so far at `scale` digits; false (nothing changed) on overflow. At most
    /// 18 rescales a column, since the scale only grows.
    private mutating func rescale(to scale: Int) -> Bool {
        let factor = DecimalNumber.powersOfTen[scale - decimalScale]
        var rescaled = mantissas
        for index in rescaled.indices {
            let (product, overflow) = rescaled[index].multipliedReportingOverflow(by: factor)
            if overflow { return false }
            rescaled[index] = product
        }
        mantissas = rescaled
        decimalScale = scale
        return true
    }

    /// An integer column meets its first decimal: the integers become mantissas at scale 0.
    package mutating func widenToDecimal() {
        mantissas = integers
        writtenScales = [UInt8](repeating: 0, count: integers.count)
        decimalScale = 0
        integers = []
        kind = .decimal
    }

    /// The values so far as doubles, each with its text as written.
    package mutating func convertToFloat() {
        let missing = hasMissing ? Bitmap(words: missingWords, count: rowCount) : nil
        var doubles = [Double](repeating: 0, count: rowCount)
        var texts = [UInt32](repeating: 0, count: rowCount)
        for row in 0..<rowCount where missing?[row] != true {
            let number: DecimalNumber
            switch kind {
            case .integer: number = DecimalNumber(integers[row])
            case .decimal: number = exactDecimal(at: row)
            default: continue
            }
            doubles[row] = number.doubleValue
            texts[row] = dictionary.intern(number.description)
        }
        floats = doubles
        codes = texts
        integers = []
        mantissas = []
        writtenScales = []
        decimalScale = 0
        kind = .float
    }

    /// Row `row` of a `.decimal` column, as written.
    package func exactDecimal(at row: Int) -> DecimalNumber {
        let written = Int(writtenScales[row])
        let divisor = DecimalNumber.powersOfTen[decimalScale - written]
        return DecimalNumber(uncheckedMantissa: mantissas[row] / divisor, scale: written)
    }

    /// The finished `.decimal` column; written scales are kept only where some value was
    /// written with fewer digits than the column's scale.
    package func buildDecimal(missing: Bitmap?) -> Column {
        let scale = UInt8(truncatingIfNeeded: decimalScale)
        var uniform = true
        for (row, written) in writtenScales.enumerated() where written != scale && missing?[row] != true {
            uniform = false
            break
        }
        return .decimal(DecimalColumn(
            mantissas: mantissas, scale: decimalScale, writtenScales: uniform ? nil : writtenScales, missing: missing))
    }
}
