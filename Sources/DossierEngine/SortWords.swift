import DossierSupport
import DossierDiagnostics
import DossierData

/// A full `sort by` as a radix sort: each row's keys become order codes packed into words
/// (most significant first), so rows sort by integer digits and never compare values pair by
/// pair. A key is a missing flag (when the column has missing values: missing last in both
/// directions) and a code: integers, decimals and dates as their offset from the smallest
/// value, text as its alphabet rank, doubles as their order-preserving bits; `desc`
/// complements the code. The radix sort is stable, so tied rows keep their input order.
extension Sorter {
    /// The positions of `rows` in sorted order.
    static func radixOrder(_ keys: [(KeyColumn, Bool)], rows: RowSet, cancellation: Cancellation?) throws(Diagnostic) -> [Int32] {
        let words = try sortWords(keys, rows: rows, cancellation: cancellation)
        guard !words.isEmpty else { return (0..<Int32(truncatingIfNeeded: rows.count)).map { $0 } }
        return RadixSort.order(words: words)
    }

    /// Each position's sort key as words, most significant first (none when every row ties).
    static func sortWords(_ keys: [(KeyColumn, Bool)], rows: RowSet, cancellation: Cancellation?) throws(Diagnostic) -> [[UInt64]] {
        var parts: [(codes: [UInt64], width: Int)] = []
        for (key, descending) in keys {
            let (codes, missing, width) = orderCodes(key, rows: rows)
            if let missing { parts.append((missing, 1)) }
            if width > 0 {
                if descending {
                    let mask: UInt64 = width >= 64 ? UInt64.max : (1 << UInt64(width)) - 1
                    parts.append((codes.map { ~$0 & mask }, width))
                } else {
                    parts.append((codes, width))
                }
            }
            try cancellation?.check()
        }
        var words: [[UInt64]] = []
        var used = 64
        for (codes, width) in parts {
            if used + width > 64 {
                words.append(codes)
                used = width
                continue
            }
            let last = words.count - 1
            codes.withUnsafeBufferPointer { codes in
                words[last].withUnsafeMutableBufferPointer { packed in
                    for index in 0..<packed.count { packed[index] = packed[index] << UInt64(width) | codes[index] }
                }
            }
            used += width
        }
        try cancellation?.check()
        return words
    }

    /// Each position's code (0 when missing), the missing flags (nil when none is missing),
    /// and the bits the codes need.
    private static func orderCodes(_ key: KeyColumn, rows: RowSet) -> ([UInt64], [UInt64]?, Int) {
        var codes = [UInt64](repeating: 0, count: rows.count)
        var flags: [UInt64]?
        var largest: UInt64 = 0
        @inline(__always) func flag(_ position: Int) {
            if flags == nil { flags = [UInt64](repeating: 0, count: rows.count) }
            flags?[position] = 1
        }
        switch key {
        case .integer(let values, let missing):
            var low = Int64.max
            rows.forEachRow { _, row in
                if let missing, missing[row] { return }
                low = min(low, values[row])
            }
            rows.forEachRow { position, row in
                if let missing, missing[row] { return flag(position) }
                let code = UInt64(bitPattern: values[row] &- low)
                codes[position] = code
                largest = max(largest, code)
            }
        case .date(let values, let missing):
            var low = Int32.max
            rows.forEachRow { _, row in
                if let missing, missing[row] { return }
                low = min(low, values[row])
            }
            rows.forEachRow { position, row in
                if let missing, missing[row] { return flag(position) }
                let code = UInt64(Int64(values[row]) - Int64(low))
                codes[position] = code
                largest = max(largest, code)
            }
        case .decimal(let values, let missing):
            rows.forEachRow { position, row in
                if let missing, missing[row] { return flag(position) }
                // -0 sorts with 0; then the sign bit flipped (or all bits, for negatives).
                let value = values[row] == 0 ? 0 : values[row]
                let bits = value.bitPattern
                codes[position] = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
            }
            largest = UInt64.max
        case .ranked(let textCodes, let ranks):
            rows.forEachRow { position, row in
                let code = textCodes[row]
                if code == 0 { return flag(position) }
                let rank = UInt64(ranks[Int(code)])
                codes[position] = rank
                largest = max(largest, rank)
            }
        case .bool(let values):
            rows.forEachRow { position, row in
                let value = values[row]
                if value == BoolColumn.missingCode { return flag(position) }
                codes[position] = UInt64(value)
                largest = max(largest, UInt64(value))
            }
        }
        let width = largest == 0 ? 0 : 64 - largest.leadingZeroBitCount
        return (codes, flags, width)
    }
}
