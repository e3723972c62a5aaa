import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `median`, `quantile`, `stddev`, `variance` and `corr` per group, over numeric columns.
/// Missing values are ignored; a group without enough values gives missing.
extension GroupAggregates {
    /// A numeric column read as exact mantissas at one scale, or as doubles.
    enum Numbers {
        case exact(values: [Int64], scale: Int, missing: Bitmap?)
        case floating(values: [Double], missing: Bitmap?)

        init?(_ column: Column) {
            switch column {
            case .integer(let column): self = .exact(values: column.values, scale: 0, missing: column.missing)
            case .decimal(let column): self = .exact(values: column.mantissas, scale: column.scale, missing: column.missing)
            case .float(let column): self = .floating(values: column.values, missing: column.missing)
            default: return nil
            }
        }

        @inline(__always)
        func isMissing(_ row: Int) -> Bool {
            switch self {
            case .exact(_, _, let missing), .floating(_, let missing): return missing?[row] ?? false
            }
        }

        /// The value at `row` as the nearest double: one division when the mantissa is below
        /// 2^53 (both operands exact, so the quotient is correctly rounded), else the exact
        /// conversion.
        @inline(__always)
        func double(_ row: Int) -> Double {
            switch self {
            case .exact(let values, let scale, _):
                let mantissa = values[row]
                if mantissa.magnitude < 1 << 53 { return Double(mantissa) / Numbers.powersOfTen[scale] }
                return DecimalNumber(uncheckedMantissa: mantissa, scale: scale).doubleValue
            case .floating(let values, _):
                return values[row]
            }
        }

        /// 10^0 ... 10^18, each exact as a double.
        static let powersOfTen: [Double] = (0...18).map { exponent in
            var value = 1.0
            for _ in 0..<exponent { value *= 10 }
            return value
        }
    }

    // MARK: - Quantiles

    /// `quantile(x, p)` per group, interpolated between the two nearest values (as DuckDB's
    /// `quantile_cont`, numpy's default and Python's `statistics.median`): exact for integers
    /// and decimals, whose result has the digits the interpolation needs and no trailing zeros.
    func quantiles(_ view: ColumnView, fraction: DecimalNumber) throws(Diagnostic) -> Column? {
        guard let numbers = Numbers(view.column) else { return nil }
        let groupCount = groups.groupCount
        // Each group's present values, side by side: counted, then placed, each core over its
        // range of rows (with few groups), its values after those of the ranges before it.
        let ranges = groupCount <= 1 << 16 ? Parallel.ranges(view.rows.count) : [0..<view.rows.count]
        let counts = groups.groupOf.withUnsafeBufferPointer { groupOf in
            Parallel.each(ranges) { range in
                var counts = [Int](repeating: 0, count: groupCount)
                counts.withUnsafeMutableBufferPointer { counts in
                    view.rows.forEachRow(in: range) { position, row in
                        if !numbers.isMissing(row) { counts[Int(groupOf[position])] += 1 }
                    }
                }
                return counts
            }
        }
        var starts = [Int](repeating: 0, count: groupCount + 1)
        var cursors = [[Int]](repeating: [], count: ranges.count)
        for group in 0..<groupCount {
            var next = starts[group]
            for part in ranges.indices {
                if cursors[part].isEmpty { cursors[part] = [Int](repeating: 0, count: groupCount) }
                cursors[part][group] = next
                next += counts[part][group]
            }
            starts[group + 1] = next
        }
        try cancellation?.check()
        switch numbers {
        case .exact(let values, let scale, _):
            let placed = place(values, numbers, view, ranges, cursors, total: starts[groupCount])
            let unit = Int128(DecimalNumber.powersOfTen[Int(fraction.scale)])
            let lowerIndex = { (count: Int) in Int((Int128(count - 1) * Int128(fraction.mantissa)) / unit) }
            return Column.build(.decimal, try eachGroupOrderedAround(placed, starts, lowerIndex) { slice in
                Self.exactQuantile(slice, scale: scale, fraction: fraction)
            })
        case .floating(let values, _):
            let placed = place(values, numbers, view, ranges, cursors, total: starts[groupCount])
            let share = fraction.doubleValue
            let lowerIndex = { (count: Int) in Int((Double(count - 1) * share).rounded(.down)) }
            return Column.build(.decimal, try eachGroupOrderedAround(placed, starts, lowerIndex) { slice in
                Self.floatingQuantile(slice, fraction: share)
            })
        }
    }

    /// The present values in group order: each range of rows writes its values from its own
    /// cursor of each group (`cursors[part][group]`).
    private func place<T>(
        _ values: [T], _ numbers: Numbers, _ view: ColumnView, _ ranges: [Range<Int>], _ cursors: [[Int]], total: Int
    ) -> [T] {
        guard let first = values.first else { return [] }
        var placed = [T](repeating: first, count: total)
        groups.groupOf.withUnsafeBufferPointer { groupOf in
            values.withUnsafeBufferPointer { values in
                placed.withUnsafeMutableBufferPointer { placed in
                    // Safe: the ranges' cursors start where the previous range's values end, so
                    // each core writes its own places.
                    let shared = SharedPointer(placed.baseAddress)
                    _ = Parallel.each(ranges.indices.map { $0..<($0 + 1) }) { part in
                        guard let out = shared.pointer, let index = part.first else { return }
                        var cursor = cursors[index]
                        cursor.withUnsafeMutableBufferPointer { cursor in
                            view.rows.forEachRow(in: ranges[index]) { position, row in
                                if numbers.isMissing(row) { return }
                                let group = Int(groupOf[position])
                                out[cursor[group]] = values[row]
                                cursor[group] += 1
                            }
                        }
                    }
                }
            }
        }
        return placed
    }

    /// Each group's `value` of its values, put in order around the two a quantile reads (at
    /// `lowerIndex(count)` and the next) by a selection, linear on average, not a sort. The
    /// groups are shared between the cores by their numbers of values.
    private func eachGroupOrderedAround<T: Comparable>(
        _ placed: [T], _ starts: [Int], _ lowerIndex: (Int) -> Int, _ value: (UnsafeMutableBufferPointer<T>) -> Value
    ) throws(Diagnostic) -> [Value] {
        let groupCount = starts.count - 1
        var results = [Value](repeating: .missing, count: groupCount)
        let total = starts[groupCount]
        let middle = total >= Parallel.minimumRows ? starts.firstIndex { $0 >= total / 2 } ?? groupCount : groupCount
        let parts = middle > 0 && middle < groupCount ? [0..<middle, middle..<groupCount] : [0..<groupCount]
        var placed = placed
        let cancellation = self.cancellation
        try placed.withUnsafeMutableBufferPointer { (buffer) throws(Diagnostic) in
            try results.withUnsafeMutableBufferPointer { (results) throws(Diagnostic) in
                // Safe: each part writes the values and results of its own groups only.
                let sharedValues = SharedPointer(buffer)
                let sharedResults = SharedPointer(results.baseAddress)
                _ = try Parallel.map(parts.count) { (part) throws(Diagnostic) in
                    guard let out = sharedResults.pointer else { return }
                    for group in parts[part] {
                        if group & 0x3FF == 0 { try cancellation?.check() }
                        let slice = UnsafeMutableBufferPointer(rebasing: sharedValues.pointer[starts[group]..<starts[group + 1]])
                        if slice.isEmpty { continue }
                        Selection.orderAround(slice, min(max(0, lowerIndex(slice.count)), slice.count - 1))
                        out[group] = value(slice)
                    }
                }
            }
        }
        return results
    }

    /// `lower + (upper - lower) × r / 10^s` where `(n - 1) × p = q + r / 10^s`: exact in
    /// 128 bits, at the column's scale plus the fraction's.
    static func exactQuantile(_ sorted: UnsafeMutableBufferPointer<Int64>, scale: Int, fraction: DecimalNumber) -> Value {
        let fractionScale = Int(fraction.scale)
        let unit = Int128(DecimalNumber.powersOfTen[fractionScale])
        let (whole, remainder) = (Int128(sorted.count - 1) * Int128(fraction.mantissa)).quotientAndRemainder(dividingBy: unit)
        let lower = Int(whole)
        let low = Int128(sorted[lower])
        let high = Int128(sorted[min(lower + 1, sorted.count - 1)])
        var mantissa = low * unit + (high - low) * remainder
        var resultScale = scale + fractionScale
        while resultScale > 0, mantissa % 10 == 0 {
            mantissa /= 10
            resultScale -= 1
        }
        if resultScale <= 18, let narrow = Int64(exactly: mantissa), let exact = DecimalNumber(mantissa: narrow, scale: resultScale) {
            return .decimal(exact)
        }
        return Arithmetic.float(DecimalNumber.sumToDouble(mantissa, scale: min(18, resultScale)))
    }

    static func floatingQuantile(_ sorted: UnsafeMutableBufferPointer<Double>, fraction: Double) -> Value {
        let position = Double(sorted.count - 1) * fraction
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let share = position - Double(lower)
        return Arithmetic.float(sorted[lower] + (sorted[upper] - sorted[lower]) * share)
    }

    // MARK: - Spread and correlation

    /// The sample variance (or its square root) per group, by Welford's updates in doubles.
    func spread(_ view: ColumnView, squareRoot: Bool) -> Column? {
        guard let numbers = Numbers(view.column) else { return nil }
        let groupCount = groups.groupCount
        // Welford's updates, each core over its range of rows when the groups are few, the
        // parts joined by Chan's formula.
        let ranges = groupCount <= 1 << 16 ? Parallel.ranges(view.rows.count) : [0..<view.rows.count]
        let parts = groups.groupOf.withUnsafeBufferPointer { groupOf in
            Parallel.each(ranges) { range -> [Moments] in
                var moments = [Moments](repeating: Moments(), count: groupCount)
                moments.withUnsafeMutableBufferPointer { moments in
                    view.rows.forEachRow(in: range) { position, row in
                        if numbers.isMissing(row) { return }
                        moments[Int(groupOf[position])].add(numbers.double(row))
                    }
                }
                return moments
            }
        }
        guard var total = parts.first else { return nil }
        for part in parts.dropFirst() {
            for group in 0..<groupCount { total[group].merge(part[group]) }
        }
        var values = [Double](repeating: 0, count: groupCount)
        var missing: Bitmap?
        for group in 0..<groupCount {
            let variance = total[group].squares / (total[group].count - 1)
            let result = squareRoot ? variance.squareRoot() : variance
            if total[group].count < 2 || !result.isFinite {
                if missing == nil { missing = Bitmap(count: groupCount) }
                missing?[group] = true
            } else {
                values[group] = result
            }
        }
        return .float(FloatColumn(values: values, missing: missing))
    }

    /// Count, mean and sum of squared deviations of one group's values.
    struct Moments {
        var count = 0.0
        var mean = 0.0
        var squares = 0.0

        @inline(__always)
        mutating func add(_ value: Double) {
            count += 1
            let delta = value - mean
            mean += delta / count
            squares += delta * (value - mean)
        }

        /// Joins the moments of another part of the group's values (Chan et al.).
        mutating func merge(_ other: Moments) {
            guard other.count > 0 else { return }
            guard count > 0 else {
                self = other
                return
            }
            let joined = count + other.count
            let delta = other.mean - mean
            mean += delta * other.count / joined
            squares += other.squares + delta * delta * count * other.count / joined
            count = joined
        }
    }

    /// Running co-moments of one group (Welford's updates for two variables).
    struct Comoments {
        var count = 0.0
        var meanX = 0.0
        var meanY = 0.0
        var squaresX = 0.0
        var squaresY = 0.0
        var products = 0.0

        @inline(__always)
        mutating func add(_ x: Double, _ y: Double) {
            count += 1
            let deltaX = x - meanX
            meanX += deltaX / count
            let deltaY = y - meanY
            meanY += deltaY / count
            products += deltaX * (y - meanY)
            squaresX += deltaX * (x - meanX)
            squaresY += deltaY * (y - meanY)
        }

        /// The moments of both parts' pairs together (Chan, Golub and LeVeque's update).
        func merged(with other: Comoments) -> Comoments {
            if other.count == 0 { return self }
            if count == 0 { return other }
            let total = count + other.count
            let deltaX = other.meanX - meanX
            let deltaY = other.meanY - meanY
            let weight = count * other.count / total
            var result = Comoments()
            result.count = total
            result.meanX = meanX + deltaX * other.count / total
            result.meanY = meanY + deltaY * other.count / total
            result.squaresX = squaresX + other.squaresX + deltaX * deltaX * weight
            result.squaresY = squaresY + other.squaresY + deltaY * deltaY * weight
            result.products = products + other.products + deltaX * deltaY * weight
            return result
        }

        /// Pearson's r; nil with fewer than two pairs or no spread.
        var correlation: Double? {
            let result = products / (squaresX * squaresY).squareRoot()
            return count < 2 || !result.isFinite ? nil : min(1, max(-1, result))
        }
    }

    /// Pearson's correlation per group over the rows where both values are present.
    func correlations(_ first: ColumnView, _ second: ColumnView) -> Column? {
        guard let xs = Numbers(first.column), let ys = Numbers(second.column) else { return nil }
        let groupCount = groups.groupCount
        // With few groups each core takes its own range of rows, and the parts are merged.
        let ranges = groupCount <= 1 << 16 ? Parallel.ranges(groups.groupOf.count) : [0..<groups.groupOf.count]
        let parts: [[Comoments]] = (try? Parallel.map(ranges.count) { (part) throws(Diagnostic) -> [Comoments] in
            var moments = [Comoments](repeating: Comoments(), count: groupCount)
            groups.groupOf.withUnsafeBufferPointer { groupOf in
                moments.withUnsafeMutableBufferPointer { moments in
                    for position in ranges[part] {
                        let rowX = first.rows[position]
                        let rowY = second.rows[position]
                        if xs.isMissing(rowX) || ys.isMissing(rowY) { continue }
                        moments[Int(groupOf[position])].add(xs.double(rowX), ys.double(rowY))
                    }
                }
            }
            return moments
        }) ?? []
        guard var moments = parts.first else { return nil }
        for part in parts.dropFirst() {
            for group in 0..<groupCount { moments[group] = moments[group].merged(with: part[group]) }
        }
        var values = [Double](repeating: 0, count: groupCount)
        var missing: Bitmap?
        for group in 0..<groupCount {
            if let correlation = moments[group].correlation {
                values[group] = correlation
            } else {
                if missing == nil { missing = Bitmap(count: groupCount) }
                missing?[group] = true
            }
        }
        return .float(FloatColumn(values: values, missing: missing))
    }
}

extension AggregateFunction {
    /// Has a boxed accumulator (`Aggregation.Accumulator`) for shapes the typed loops skip.
    var hasBoxedForm: Bool {
        switch self {
        case .count, .sum, .avg, .min, .max: return true
        case .median, .quantile, .stddev, .variance, .corr: return false
        }
    }
}
