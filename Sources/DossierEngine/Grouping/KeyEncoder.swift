import DossierSupport
import DossierDiagnostics
import DossierData

/// One grouping key turned into small unsigned integers, so that a group is found by comparing
/// words, never boxed values: equal values (by the grouping rules: exact text, numbers by
/// value) get equal codes, and code 0 is missing. Several keys pack into one 64-bit word when
/// their widths add up to 64 bits or less.
///
/// Text uses dictionary codes (merged where a dictionary holds one text twice); integers,
/// decimals and dates their offset from the smallest value present. Floating-point and list
/// keys have no encoding here: they take the boxed path (`ValueGrouping`).
package struct KeyEncoder {
    package enum Source {
        case text(codes: [UInt32], canonical: [UInt32]?)
        case integer(values: [Int64], missing: Bitmap?, minimum: Int64)
        case date(values: [Int32], missing: Bitmap?, minimum: Int32)
        case bool(values: [UInt8])
    }

    package let source: Source
    /// Bits a code needs (codes run 0...2^bits - 1).
    package let bits: Int

    /// An encoder for `column` as read at `rows`; nil for keys without an encoding.
    package init?(_ column: Column, rows: RowSet) {
        switch column {
        case .text(let text):
            let canonical = text.dictionary.isUnique ? nil : text.dictionary.canonicalCodes()
            source = .text(codes: text.codes, canonical: canonical)
            bits = KeyEncoder.width(UInt64(max(0, text.dictionary.codeCount - 1)))
        case .integer(let column), .datetime(let column):
            guard let (minimum, bits) = KeyEncoder.range(column.values, column.missing, rows) else { return nil }
            source = .integer(values: column.values, missing: column.missing, minimum: minimum)
            self.bits = bits
        case .decimal(let column):
            // One scale for the column: equal values have equal mantissas.
            guard let (minimum, bits) = KeyEncoder.range(column.mantissas, column.missing, rows) else { return nil }
            source = .integer(values: column.mantissas, missing: column.missing, minimum: minimum)
            self.bits = bits
        case .date(let column):
            var low = Int32.max
            var high = Int32.min
            rows.forEachRow { _, row in
                if let missing = column.missing, missing[row] { return }
                low = min(low, column.values[row])
                high = max(high, column.values[row])
            }
            if low > high { low = 0; high = 0 }
            source = .date(values: column.values, missing: column.missing, minimum: low)
            bits = KeyEncoder.width(UInt64(Int64(high) - Int64(low)) + 1)
        case .bool(let column):
            source = .bool(values: column.values)
            bits = 2
        case .float, .list:
            return nil
        }
    }

    /// Bits to hold `largest`.
    package static func width(_ largest: UInt64) -> Int {
        max(1, 64 - largest.leadingZeroBitCount)
    }

    /// The smallest present value and the bits of `value - minimum + 1`; nil when the span
    /// of values leaves no room for the missing code.
    private static func range(_ values: [Int64], _ missing: Bitmap?, _ rows: RowSet) -> (Int64, Int)? {
        var low = Int64.max
        var high = Int64.min
        values.withUnsafeBufferPointer { values in
            if missing == nil, case .all(let count) = rows {
                // Every row, nothing missing: a loop the compiler vectorizes.
                for value in values[0..<count] {
                    low = min(low, value)
                    high = max(high, value)
                }
                return
            }
            rows.forEachRow { _, row in
                if let missing, missing[row] { return }
                let value = values[row]
                if value < low { low = value }
                if value > high { high = value }
            }
        }
        if low > high { return (0, 1) }
        let span = UInt64(bitPattern: high &- low)
        if span == UInt64.max { return nil }
        return (low, width(span + 1))
    }

    /// The code of one column row.
    package func code(row: Int) -> UInt64 {
        switch source {
        case .text(let codes, let canonical):
            let code = codes[row]
            return UInt64(canonical.map { $0[Int(code)] } ?? code)
        case .integer(let values, let missing, let minimum):
            if let missing, missing[row] { return 0 }
            return UInt64(bitPattern: values[row] &- minimum) &+ 1
        case .date(let values, let missing, let minimum):
            if let missing, missing[row] { return 0 }
            return UInt64(bitPattern: Int64(values[row]) &- Int64(minimum)) &+ 1
        case .bool(let values):
            let value = values[row]
            return value == BoolColumn.missingCode ? 0 : UInt64(value) &+ 1
        }
    }

    /// The codes of these column rows.
    package func codes(rows: [Int32]) -> [UInt64] {
        var codes = [UInt64](repeating: 0, count: rows.count)
        codes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            write(rows: .some(rows), into: base, stride: 1, word: 0, shift: 0)
        }
        return codes
    }

    /// ORs each position's code, shifted left by `shift`, into `words[position * stride + word]`.
    package func write(
        rows: RowSet, in range: Range<Int>? = nil, into words: UnsafeMutablePointer<UInt64>, stride: Int, word: Int, shift: Int
    ) {
        let range = range ?? 0..<rows.count
        let shift = UInt64(shift)
        switch source {
        case .text(let codes, let canonical):
            codes.withUnsafeBufferPointer { codes in
                if let canonical {
                    canonical.withUnsafeBufferPointer { canonical in
                        rows.forEachRow(in: range) { position, row in
                            words[position &* stride &+ word] |= UInt64(canonical[Int(codes[row])]) << shift
                        }
                    }
                } else {
                    rows.forEachRow(in: range) { position, row in
                        words[position &* stride &+ word] |= UInt64(codes[row]) << shift
                    }
                }
            }
        case .integer(let values, let missing, let minimum):
            values.withUnsafeBufferPointer { values in
                rows.forEachRow(in: range) { position, row in
                    if let missing, missing[row] { return }
                    words[position &* stride &+ word] |= (UInt64(bitPattern: values[row] &- minimum) &+ 1) << shift
                }
            }
        case .date(let values, let missing, let minimum):
            values.withUnsafeBufferPointer { values in
                rows.forEachRow(in: range) { position, row in
                    if let missing, missing[row] { return }
                    words[position &* stride &+ word] |= (UInt64(bitPattern: Int64(values[row]) &- Int64(minimum)) &+ 1) << shift
                }
            }
        case .bool(let values):
            values.withUnsafeBufferPointer { values in
                rows.forEachRow(in: range) { position, row in
                    let value = values[row]
                    words[position &* stride &+ word] |= (value == BoolColumn.missingCode ? 0 : UInt64(value) &+ 1) << shift
                }
            }
        }
    }
}
