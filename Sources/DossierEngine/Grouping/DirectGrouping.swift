import DossierSupport
import DossierDiagnostics
import DossierData

/// Groups for keys whose packed codes span a small range (one integer key of 100 values, two
/// of 100 each): no word array of every row's key. Each core reads its rows in chunks that stay
/// in the cache, coding the keys into a small buffer: a first pass finds each code's first
/// position, the groups are numbered in first-seen order, and a second pass writes each
/// position's group. The key columns are read twice; the ten million packed words and the
/// merge of the cores' numberings are never written.
enum DirectGrouping {
    /// Codes up to this many bits, and spans up to twice the rows, take this path.
    static let maximumBits = 20

    /// Positions coded a chunk at a time: the chunk's words stay in the cache.
    private static let chunk = 1 << 14

    struct Groups {
        var groupOf: [Int32]
        var firstPosition: [Int32]
        /// Each group's packed key word.
        var words: [UInt64]
    }

    static func applies(bits: Int, count: Int) -> Bool {
        bits <= maximumBits && (1 << bits) <= max(1 << 16, 2 * count)
    }

    /// Groups `count` positions whose keys `encoders` code (read at `rows`), packed into one
    /// word by `layout`'s shifts, in codes below `1 << bits`.
    static func assign(
        encoders: [KeyEncoder], rows: [RowSet], shifts: [Int], bits: Int, count: Int, cancellation: Cancellation?
    ) throws(Diagnostic) -> Groups {
        let span = 1 << bits
        let ranges = Parallel.ranges(count)
        // Pass 1: each code's first position, per core.
        let firsts = try Parallel.map(ranges.count) { (part) throws(Diagnostic) -> [Int32] in
            var first = [Int32](repeating: Int32.max, count: span)
            try first.withUnsafeMutableBufferPointer { (first) throws(Diagnostic) in
                try forEachCode(encoders, rows, shifts, mask: UInt64(span - 1), in: ranges[part], cancellation) { position, code in
                    if first[code] == Int32.max { first[code] = Int32(truncatingIfNeeded: position) }
                }
            }
            return first
        }
        // Groups in first-seen order: the codes met, by first position.
        var met: [(position: Int32, code: Int32)] = []
        for code in 0..<span {
            var position = Int32.max
            for part in firsts { position = min(position, part[code]) }
            if position != Int32.max { met.append((position, Int32(truncatingIfNeeded: code))) }
        }
        met.sort { $0.position < $1.position }
        var groupOfCode = [Int32](repeating: 0, count: span)
        for (group, entry) in met.enumerated() { groupOfCode[Int(entry.code)] = Int32(truncatingIfNeeded: group) }
        // Pass 2: each position's group.
        var groupOf = [Int32](repeating: 0, count: count)
        try groupOf.withUnsafeMutableBufferPointer { (groupOf) throws(Diagnostic) in
            let shared = SharedPointer(groupOf.baseAddress)
            _ = try groupOfCode.withUnsafeBufferPointer { (groupOfCode) throws(Diagnostic) in
                try Parallel.map(ranges.count) { (part) throws(Diagnostic) in
                    guard let out = shared.pointer else { return }
                    try forEachCode(encoders, rows, shifts, mask: UInt64(span - 1), in: ranges[part], cancellation) { position, code in
                        out[position] = groupOfCode[code]
                    }
                }
            }
        }
        return Groups(groupOf: groupOf, firstPosition: met.map(\.position), words: met.map { UInt64($0.code) })
    }

    /// One integer or text key read at every row, nothing missing: its codes come straight
    /// from the column (the value's offset, or the dictionary code), with no buffer between.
    /// False when the key is not of that kind.
    @inline(__always)
    private static func directLoop(
        _ encoder: KeyEncoder, mask: UInt64, in range: Range<Int>, _ cancellation: Cancellation?, _ body: (Int, Int) -> Void
    ) throws(Diagnostic) -> Bool {
        switch encoder.source {
        case .integer(let values, nil, let minimum):
            try values.withUnsafeBufferPointer { (values) throws(Diagnostic) in
                try Chunks.forEach(range, size: chunk, cancellation: cancellation) { part in
                    for position in part {
                        body(position, Int(truncatingIfNeeded: (UInt64(bitPattern: values[position] &- minimum) &+ 1) & mask))
                    }
                }
            }
            return true
        case .text(let codes, nil):
            try codes.withUnsafeBufferPointer { (codes) throws(Diagnostic) in
                try Chunks.forEach(range, size: chunk, cancellation: cancellation) { part in
                    for position in part { body(position, Int(truncatingIfNeeded: UInt64(codes[position]) & mask)) }
                }
            }
            return true
        default:
            return false
        }
    }

    /// `body(position, code)` for the positions in `range`, coded a chunk at a time.
    @inline(__always)
    private static func forEachCode(
        _ encoders: [KeyEncoder], _ rows: [RowSet], _ shifts: [Int], mask: UInt64, in range: Range<Int>,
        _ cancellation: Cancellation?, _ body: (Int, Int) -> Void
    ) throws(Diagnostic) {
        if encoders.count == 1, shifts.first == 0, case .all = rows[0],
            try directLoop(encoders[0], mask: mask, in: range, cancellation, body)
        {
            return
        }
        let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { return }
        try Chunks.forEach(range, size: chunk, cancellation: cancellation) { part in
            buffer.initialize(repeating: 0)
            // The encoders write at absolute positions: the buffer stands for the part.
            // Safe: they write only the part's positions, which land inside the buffer.
            let shifted = base - part.lowerBound
            for (index, encoder) in encoders.enumerated() {
                encoder.write(rows: rows[index], in: part, into: shifted, stride: 1, word: 0, shift: shifts[index])
            }
            // Codes are below 1 << bits by the encoders' widths; the mask keeps the tables' reads
            // inside them whatever happens.
            for position in part { body(position, Int(truncatingIfNeeded: base[position - part.lowerBound] & mask)) }
        }
    }
}
