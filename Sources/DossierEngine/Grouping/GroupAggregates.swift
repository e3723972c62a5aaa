import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// Aggregates over assigned groups, one typed loop over a column per aggregate: no boxed value
/// per row. Results come in group order (group 0 first). They ignore missing values; `count()`
/// counts rows; sums are exact (`ExactSum`'s rules: integers stay integers while they fit,
/// decimals keep the digits they were written with). Shapes without a typed loop (lists,
/// floating point extremes) use the boxed accumulator.
package struct GroupAggregates {
    let groups: GroupAssignment
    let sizes: [Int64]
    let cancellation: Cancellation?
    /// Sums of several fields made in one pass (`prepareSums`), by field.
    var fusedSums: [Int: ExactSums] = [:]

    package init(_ groups: GroupAssignment, cancellation: Cancellation?) {
        self.groups = groups
        self.cancellation = cancellation
        self.sizes = GroupAggregates.sizes(groups.groupOf, groupCount: groups.groupCount)
    }

    /// The rows in each group: counted by each core over its range when the groups are few
    /// (each core's counts then stay in its cache), else in one pass.
    private static func sizes(_ groupOf: [Int32], groupCount: Int) -> [Int64] {
        let ranges = groupCount <= 1 << 16 ? Parallel.ranges(groupOf.count) : [0..<groupOf.count]
        let parts = groupOf.withUnsafeBufferPointer { groupOf in
            Parallel.each(ranges) { range in
                var sizes = [Int64](repeating: 0, count: groupCount)
                sizes.withUnsafeMutableBufferPointer { sizes in
                    for position in range { sizes[Int(groupOf[position])] &+= 1 }
                }
                return sizes
            }
        }
        guard var total = parts.first else { return [Int64](repeating: 0, count: groupCount) }
        for part in parts.dropFirst() {
            for group in 0..<groupCount { total[group] &+= part[group] }
        }
        return total
    }

    /// The rows in each group.
    package var rowCounts: [Int64] { sizes }

    package func column(_ aggregate: BoundAggregate) throws(Diagnostic) -> Column {
        guard let argument = aggregate.argument else {
            return .integer(IntegerColumn(values: sizes, missing: nil))
        }
        let view = try ColumnView(argument, in: groups.relation, cancellation: cancellation)
        try cancellation?.check()
        switch aggregate.function {
        case .count:
            if aggregate.isDistinct {
                if let counts = try distinctCounts(view) { return .integer(IntegerColumn(values: counts, missing: nil)) }
            } else {
                return .integer(IntegerColumn(values: presentCounts(view), missing: nil))
            }
        case .sum:
            if let column = sums(view, field: argument.fieldIndex) { return column }
        case .avg:
            if let column = averages(view, field: argument.fieldIndex) { return column }
        case .min, .max:
            if let best = try extremes(view, largest: aggregate.function == .max) {
                return view.column.gather(best)
            }
        case .median, .quantile:
            if let column = try quantiles(view, fraction: aggregate.fraction ?? DecimalNumber(uncheckedMantissa: 5, scale: 1)) {
                return column
            }
        case .stddev, .variance:
            if let column = spread(view, squareRoot: aggregate.function == .stddev) { return column }
        case .corr:
            if let second = aggregate.second {
                let other = try ColumnView(second, in: groups.relation, cancellation: cancellation)
                if let column = correlations(view, other) { return column }
            }
        }
        if !aggregate.function.hasBoxedForm {
            // Only numbers reach these (the checker sees to it); nothing numeric: all missing.
            return Column.build(.decimal, [Value](repeating: .missing, count: groups.groupCount))
        }
        return try boxed(aggregate, view)
    }

    // MARK: - Counting

    private func presentCounts(_ view: ColumnView) -> [Int64] {
        var counts = [Int64](repeating: 0, count: groups.groupCount)
        let column = view.column
        groups.groupOf.withUnsafeBufferPointer { groupOf in
            counts.withUnsafeMutableBufferPointer { counts in
                switch column {
                case .text(let text):
                    text.codes.withUnsafeBufferPointer { codes in
                        view.rows.forEachRow { position, row in
                            if codes[row] != 0 { counts[Int(groupOf[position])] &+= 1 }
                        }
                    }
                case .bool(let bools):
                    view.rows.forEachRow { position, row in
                        if bools.values[row] != BoolColumn.missingCode { counts[Int(groupOf[position])] &+= 1 }
                    }
                case .list(let list):
                    view.rows.forEachRow { position, row in
                        if list.offsets[row] != list.offsets[row + 1] { counts[Int(groupOf[position])] &+= 1 }
                    }
                default:
                    let missing = column.missingBitmap
                    view.rows.forEachRow { position, row in
                        if let missing, missing[row] { return }
                        counts[Int(groupOf[position])] &+= 1
                    }
                }
            }
        }
        return counts
    }

    /// Distinct present values per group: the (group, value code) pairs grouped once more.
    private func distinctCounts(_ view: ColumnView) throws(Diagnostic) -> [Int64]? {
        guard let encoder = KeyEncoder(view.column, rows: view.rows) else { return nil }
        let count = groups.relation.count
        let groupBits = KeyEncoder.width(UInt64(groups.groupCount))
        let stride = groupBits + encoder.bits <= 64 ? 1 : 2
        var words = [UInt64](repeating: 0, count: count * stride)
        words.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            encoder.write(rows: view.rows, into: base, stride: stride, word: 0, shift: 0)
            let shift = stride == 1 ? UInt64(encoder.bits) : 0
            let word = stride - 1
            for position in 0..<count {
                base[position * stride + word] |= UInt64(groups.groupOf[position]) << shift
            }
        }
        let pairs = try words.withUnsafeBufferPointer { (words) throws(Diagnostic) in
            try GroupTable.assign(words, stride: stride, count: count, cancellation: cancellation)
        }
        var counts = [Int64](repeating: 0, count: groups.groupCount)
        let mask: UInt64 = encoder.bits >= 64 ? UInt64.max : (1 << UInt64(encoder.bits)) - 1
        for position in pairs.firstPosition {
            let code = words[Int(position) * stride] & (stride == 1 ? mask : UInt64.max)
            if code != 0 { counts[Int(groups.groupOf[Int(position)])] += 1 }
        }
        return counts
    }

    // MARK: - Sums and means

    /// Exact sums per group of an integer or decimal column: 128-bit mantissas at the
    /// column's scale, with how many digits each group's values were written with.
    struct ExactSums {
        var sums: [Int128]
        var present: [Int64]
        /// The most digits after the point among each group's values as written.
        var scales: [UInt8]
        var scale = 0
        var isDecimal = false

        /// The sums of the positions in `range`. The common case, nothing missing and every
        /// value written with the column's digits, is a loop of one add and one count a row.
        static func sum(
            _ values: [Int64], missing: Bitmap?, written: [UInt8]?, scale: Int, rows: RowSet, in range: Range<Int>,
            groupOf: [Int32], groupCount: Int
        ) -> ExactSums {
            var sums = [Int128](repeating: 0, count: groupCount)
            var present = [Int64](repeating: 0, count: groupCount)
            var scales = [UInt8](repeating: 0, count: groupCount)
            let columnScale = UInt8(truncatingIfNeeded: scale)
            groupOf.withUnsafeBufferPointer { groupOf in
                values.withUnsafeBufferPointer { values in
                    sums.withUnsafeMutableBufferPointer { sums in
                        present.withUnsafeMutableBufferPointer { present in
                            scales.withUnsafeMutableBufferPointer { scales in
                                if missing == nil, written == nil {
                                    // Every row counts, so the counts are the group sizes (the
                                    // caller fills them in). 64-bit sums while none overflows:
                                    // half the memory a row touches when groups outgrow the cache.
                                    if let narrow = narrowSums(values, rows: rows, in: range, groupOf: groupOf, groupCount: groupCount) {
                                        for group in 0..<groupCount { sums[group] = Int128(narrow[group]) }
                                    } else {
                                        rows.forEachRow(in: range) { position, row in
                                            sums[Int(groupOf[position])] &+= Int128(values[row])
                                        }
                                    }
                                    for group in 0..<groupCount { scales[group] = columnScale }
                                    return
                                }
                                rows.forEachRow(in: range) { position, row in
                                    if let missing, missing[row] { return }
                                    let group = Int(groupOf[position])
                                    sums[group] &+= Int128(values[row])
                                    present[group] &+= 1
                                    let writtenScale = written?[row] ?? columnScale
                                    if writtenScale > scales[group] { scales[group] = writtenScale }
                                }
                            }
                        }
                    }
                }
            }
            return ExactSums(sums: sums, present: present, scales: scales)
        }

        /// Sums in 64 bits, or nil when one overflowed on the way (the caller then adds in
        /// 128 bits): the overflow flags are or-ed, so the loop has no branch.
        private static func narrowSums(
            _ values: UnsafeBufferPointer<Int64>, rows: RowSet, in range: Range<Int>,
            groupOf: UnsafeBufferPointer<Int32>, groupCount: Int
        ) -> [Int64]? {
            var sums = [Int64](repeating: 0, count: groupCount)
            var overflowed = false
            sums.withUnsafeMutableBufferPointer { sums in
                rows.forEachRow(in: range) { position, row in
                    let group = Int(groupOf[position])
                    let (sum, overflow) = sums[group].addingReportingOverflow(values[row])
                    sums[group] = sum
                    overflowed = overflowed || overflow
                }
            }
            return overflowed ? nil : sums
        }
    }

    private func exactSums(_ view: ColumnView) -> ExactSums? {
        let groupCount = groups.groupCount
        let values: [Int64], missing: Bitmap?, scale: Int, written: [UInt8]?, isDecimal: Bool
        switch view.column {
        case .integer(let column):
            (values, missing, scale, written, isDecimal) = (column.values, column.missing, 0, nil, false)
        case .decimal(let column):
            (values, missing, scale, written, isDecimal) = (column.mantissas, column.missing, column.scale, column.writtenScales, true)
        default:
            return nil
        }
        // With few groups, each core sums its own range of rows and the parts are added up.
        let ranges = groupCount <= 1 << 16 ? Parallel.ranges(groups.relation.count) : [0..<groups.relation.count]
        let parts = (try? Parallel.map(ranges.count) { (part) throws(Diagnostic) in
            ExactSums.sum(values, missing: missing, written: written, scale: scale, rows: view.rows, in: ranges[part],
                groupOf: groups.groupOf, groupCount: groupCount)
        }) ?? []
        guard var total = parts.first else { return nil }
        if missing == nil, written == nil {
            // The fast loop leaves the counts to us: with nothing missing they are the sizes.
            total.present = sizes
            for part in parts.dropFirst() {
                for group in 0..<groupCount { total.sums[group] &+= part.sums[group] }
            }
            total.scale = scale
            total.isDecimal = isDecimal
            return total
        }
        for part in parts.dropFirst() {
            for group in 0..<groupCount {
                total.sums[group] &+= part.sums[group]
                total.present[group] &+= part.present[group]
                total.scales[group] = max(total.scales[group], part.scales[group])
            }
        }
        total.scale = scale
        total.isDecimal = isDecimal
        return total
    }

    private func sums(_ view: ColumnView, field: Int?) -> Column? {
        if case .float(let column) = view.column {
            var totals = [Double](repeating: 0, count: groups.groupCount)
            var present = [Bool](repeating: false, count: groups.groupCount)
            view.rows.forEachRow { position, row in
                if let missing = column.missing, missing[row] { return }
                let group = Int(groups.groupOf[position])
                totals[group] += column.values[row]
                present[group] = true
            }
            return Column.build(.decimal, totals.indices.map { present[$0] && !totals[$0].isNaN ? .float(totals[$0]) : .missing })
        }
        guard let exact = field.flatMap({ fusedSums[$0] }) ?? exactSums(view) else { return nil }
        if !exact.isDecimal {
            // Sums of integers: an integer column while every sum fits 64 bits (§4).
            var values = [Int64](repeating: 0, count: exact.sums.count)
            var missing: Bitmap?
            var fits = true
            for group in exact.sums.indices {
                if exact.present[group] == 0 {
                    if missing == nil { missing = Bitmap(count: values.count) }
                    missing?[group] = true
                } else if let value = Int64(exactly: exact.sums[group]) {
                    values[group] = value
                } else {
                    fits = false
                    break
                }
            }
            if fits { return .integer(IntegerColumn(values: values, missing: missing)) }
        }
        if exact.isDecimal, let column = decimalColumn(exact) { return column }
        var results: [Value] = []
        results.reserveCapacity(exact.sums.count)
        for group in exact.sums.indices {
            guard exact.present[group] > 0 else {
                results.append(.missing)
                continue
            }
            // As `ExactSum`: the digits of the most precisely written value.
            let drop = exact.scale - Int(exact.scales[group])
            let mantissa = drop == 0 ? exact.sums[group] : exact.sums[group] / Int128(DecimalNumber.powersOfTen[drop])
            let scale = exact.isDecimal ? Int(exact.scales[group]) : 0
            if !exact.isDecimal, let integer = Int64(exactly: mantissa) {
                results.append(.integer(integer))
            } else if let decimal = DecimalNumber.fromSum(mantissa, scale: scale) {
                results.append(.decimal(decimal))
            } else {
                results.append(.float(DecimalNumber.sumToDouble(mantissa, scale: scale)))
            }
        }
        return Column.buildWidening(.decimal, results)
    }

    /// Decimal sums as a decimal column at the column's scale, each keeping the digits its
    /// group's values were written with; nil when a sum does not fit 64 bits at that scale.
    private func decimalColumn(_ exact: ExactSums) -> Column? {
        let count = exact.sums.count
        var mantissas = [Int64](repeating: 0, count: count)
        var missing: Bitmap?
        var writtenDiffers = false
        for group in 0..<count {
            if exact.present[group] == 0 {
                if missing == nil { missing = Bitmap(count: count) }
                missing?[group] = true
                continue
            }
            guard let mantissa = Int64(exactly: exact.sums[group]) else { return nil }
            mantissas[group] = mantissa
            if Int(exact.scales[group]) != exact.scale { writtenDiffers = true }
        }
        return .decimal(DecimalColumn(mantissas: mantissas, scale: exact.scale,
            writtenScales: writtenDiffers ? exact.scales : nil, missing: missing))
    }

    private func averages(_ view: ColumnView, field: Int?) -> Column? {
        guard let exact = field.flatMap({ fusedSums[$0] }) ?? exactSums(view) else { return nil }
        var results: [Value] = []
        results.reserveCapacity(exact.sums.count)
        for group in exact.sums.indices {
            let count = exact.present[group]
            guard count > 0 else {
                results.append(.missing)
                continue
            }
            // At the digits the group's values were written with, as `ExactSum` divides.
            let drop = exact.scale - Int(exact.scales[group])
            let sum = drop == 0 ? exact.sums[group] : exact.sums[group] / Int128(DecimalNumber.powersOfTen[drop])
            if let mean = DecimalNumber.average(sum: sum, scale: Int(exact.scales[group]), count: count) {
                results.append(.decimal(mean))
            } else {
                results.append(Arithmetic.float(DecimalNumber.sumToDouble(exact.sums[group], scale: exact.scale) / Double(count)))
            }
        }
        return Column.buildWidening(.decimal, results)
    }

    // MARK: - Extremes

    /// The row of each group's smallest (largest) value, the first such row on ties; -1 for a
    /// group with no value. Nil for columns compared only boxed.
    private func extremes(_ view: ColumnView, largest: Bool) throws(Diagnostic) -> [Int32]? {
        switch view.column {
        case .integer(let column), .datetime(let column):
            return best(view, missing: column.missing, largest: largest) { column.values[$0] }
        case .decimal(let column):
            return best(view, missing: column.missing, largest: largest) { column.mantissas[$0] }
        case .date(let column):
            return best(view, missing: column.missing, largest: largest) { Int64(column.values[$0]) }
        case .bool(let column):
            return best(view, missing: nil, largest: largest, skip: { column.values[$0] == BoolColumn.missingCode }) {
                Int64(column.values[$0])
            }
        case .text(let text):
            let ranks = try text.dictionary.sortRanks(cancellation: cancellation)
            return best(view, missing: nil, largest: largest, skip: { text.codes[$0] == 0 }) { Int64(ranks[Int(text.codes[$0])]) }
        case .float, .list:
            return nil
        }
    }

    @inline(__always)
    private func best(
        _ view: ColumnView, missing: Bitmap?, largest: Bool, skip: (Int) -> Bool = { _ in false }, _ key: (Int) -> Int64
    ) -> [Int32] {
        var rows = [Int32](repeating: -1, count: groups.groupCount)
        var keys = [Int64](repeating: 0, count: groups.groupCount)
        groups.groupOf.withUnsafeBufferPointer { groupOf in
            view.rows.forEachRow { position, row in
                if let missing, missing[row] { return }
                if skip(row) { return }
                let group = Int(groupOf[position])
                let value = key(row)
                if rows[group] < 0 || (largest ? value > keys[group] : value < keys[group]) {
                    rows[group] = Int32(truncatingIfNeeded: row)
                    keys[group] = value
                }
            }
        }
        return rows
    }

    // MARK: - Boxed

    private func boxed(_ aggregate: BoundAggregate, _ view: ColumnView) throws(Diagnostic) -> Column {
        var states = [Aggregation.Accumulator](repeating: Aggregation.Accumulator(), count: groups.groupCount)
        for position in 0..<groups.relation.count {
            if position & 0xFFF == 0 { try cancellation?.check() }
            states[Int(groups.groupOf[position])].add(view.value(at: position), aggregate)
        }
        return Column.buildWidening(aggregate.resultType, states.map { $0.result(aggregate) })
    }
}
