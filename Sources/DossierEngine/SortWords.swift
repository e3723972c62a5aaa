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
            let (codes, missing, width) = orderCodes(key, descending: descending, rows: rows)
            if let missing { parts.append((missing, 1)) }
            if width > 0 { parts.append((codes, width)) }
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

    /// Each position's code (0 when missing; complemented within its width for `desc`), the
    /// missing flags (nil when none is missing), and the bits the codes need. Each core codes
    /// its own range of positions.
    private static func orderCodes(_ key: KeyColumn, descending: Bool, rows: RowSet) -> ([UInt64], [UInt64]?, Int) {
        let count = rows.count
        var codes = [UInt64](repeating: 0, count: count)
        let ranges = Parallel.ranges(count)
        // Integers and dates are coded from the smallest (or, for desc, from the largest) value.
        let bounds = Parallel.each(ranges) { range in key.bounds(rows: rows, in: range) }
        let low = bounds.map(\.low).min() ?? 0
        let high = bounds.map(\.high).max() ?? 0
        let written = codes.withUnsafeMutableBufferPointer { codes in
            let shared = SharedPointer(codes.baseAddress)
            return Parallel.each(ranges) { range in
                guard let codes = shared.pointer else { return (largest: UInt64(0), sawMissing: false) }
                return key.writeCodes(rows: rows, in: range, low: low, high: high, descending: descending, into: codes)
            }
        }
        let largest = written.map(\.largest).max() ?? 0
        var flags: [UInt64]?
        if written.contains(where: \.sawMissing) {
            var missing = [UInt64](repeating: 0, count: count)
            missing.withUnsafeMutableBufferPointer { missing in
                rows.forEachRow { position, row in if key.isMissing(row) { missing[position] = 1 } }
            }
            flags = missing
        }
        let width = largest == 0 ? 0 : 64 - largest.leadingZeroBitCount
        if descending, key.complementsAfter, width > 0 {
            // Text ranks, booleans and doubles: complemented once the width is known.
            let mask: UInt64 = width >= 64 ? UInt64.max : (1 << UInt64(width)) - 1
            let missing = flags
            codes.withUnsafeMutableBufferPointer { codes in
                for position in 0..<codes.count where missing?[position] != 1 { codes[position] = ~codes[position] & mask }
            }
        }
        return (codes, flags, width)
    }
}

extension Sorter.KeyColumn {
    func isMissing(_ row: Int) -> Bool {
        switch self {
        case .integer(_, let missing), .decimal(_, let missing), .date(_, let missing): return missing?[row] ?? false
        case .ranked(let codes, _): return codes[row] == 0
        case .bool(let values): return values[row] == BoolColumn.missingCode
        }
    }

    /// Whether `desc` is applied after coding (the codes' width is known only then).
    var complementsAfter: Bool {
        switch self {
        case .integer, .date: return false
        case .decimal, .ranked, .bool: return true
        }
    }

    /// The smallest and largest present integer or date in `range` (0, 0 for other keys).
    func bounds(rows: RowSet, in range: Range<Int>) -> (low: Int64, high: Int64) {
        var low = Int64.max
        var high = Int64.min
        switch self {
        case .integer(let values, let missing):
            values.withUnsafeBufferPointer { values in
                rows.forEachRow(in: range) { _, row in
                    if let missing, missing[row] { return }
                    low = Swift.min(low, values[row])
                    high = Swift.max(high, values[row])
                }
            }
        case .date(let values, let missing):
            values.withUnsafeBufferPointer { values in
                rows.forEachRow(in: range) { _, row in
                    if let missing, missing[row] { return }
                    low = Swift.min(low, Int64(values[row]))
                    high = Swift.max(high, Int64(values[row]))
                }
            }
        default:
            return (0, 0)
        }
        return low > high ? (0, 0) : (low, high)
    }

    /// Writes the codes of the positions in `range` (missing ones stay 0); returns the largest
    /// and whether a missing value was met.
    func writeCodes(
        rows: RowSet, in range: Range<Int>, low: Int64, high: Int64, descending: Bool, into codes: UnsafeMutablePointer<UInt64>
    ) -> (largest: UInt64, sawMissing: Bool) {
        var largest: UInt64 = 0
        var sawMissing = false
        switch self {
        case .integer(let values, let missing):
            values.withUnsafeBufferPointer { values in
                rows.forEachRow(in: range) { position, row in
                    if let missing, missing[row] { return sawMissing = true }
                    // Within [low, high], so the difference fits: wrapping subtraction is exact.
                    let code = UInt64(bitPattern: descending ? high &- values[row] : values[row] &- low)
                    codes[position] = code
                    largest = Swift.max(largest, code)
                }
            }
        case .date(let values, let missing):
            values.withUnsafeBufferPointer { values in
                rows.forEachRow(in: range) { position, row in
                    if let missing, missing[row] { return sawMissing = true }
                    let value = Int64(values[row])
                    let code = UInt64(descending ? high - value : value - low)
                    codes[position] = code
                    largest = Swift.max(largest, code)
                }
            }
        case .decimal(let values, let missing):
            values.withUnsafeBufferPointer { values in
                rows.forEachRow(in: range) { position, row in
                    if let missing, missing[row] { return sawMissing = true }
                    // -0 sorts with 0; then the sign bit flipped (or all bits, for negatives).
                    let value = values[row] == 0 ? 0 : values[row]
                    let bits = value.bitPattern
                    codes[position] = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
                }
            }
            largest = UInt64.max
        case .ranked(let textCodes, let ranks):
            textCodes.withUnsafeBufferPointer { textCodes in
                ranks.withUnsafeBufferPointer { ranks in
                    rows.forEachRow(in: range) { position, row in
                        let code = textCodes[row]
                        if code == 0 { return sawMissing = true }
                        let rank = UInt64(ranks[Int(code)])
                        codes[position] = rank
                        largest = Swift.max(largest, rank)
                    }
                }
            }
        case .bool(let values):
            rows.forEachRow(in: range) { position, row in
                let value = values[row]
                if value == BoolColumn.missingCode { return sawMissing = true }
                codes[position] = UInt64(value)
                largest = Swift.max(largest, UInt64(value))
            }
        }
        return (largest, sawMissing)
    }
}
