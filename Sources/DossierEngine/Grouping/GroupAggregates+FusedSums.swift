import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// Two or three `sum`s and `avg`s in one pass over the rows (q4: three averages by one key):
/// each row's group is read once for all of them, and the groups' sums sit side by side. (A
/// loop over any number of them was slower than separate passes: the loops are written out.)
extension GroupAggregates {
    /// Makes the sums of the fields that `aggregates` sum or average together, when two or
    /// more qualify: integer or decimal fields with nothing missing and every value written
    /// with the column's digits, and few groups. 64-bit sums; if one overflows, nothing is
    /// kept and each is summed on its own (in 128 bits where needed).
    mutating func prepareSums(for aggregates: [BoundAggregate]) {
        let groupCount = groups.groupCount
        guard groupCount <= 1 << 16 else { return }
        var fields: [Int] = []
        var columns: [(values: [Int64], scale: Int, isDecimal: Bool)] = []
        for aggregate in aggregates where aggregate.function == .sum || aggregate.function == .avg {
            guard let field = aggregate.argument?.fieldIndex, !fields.contains(field) else { continue }
            switch groups.relation.columns[field] {
            case .integer(let column) where column.missing == nil:
                columns.append((column.values, 0, false))
            case .decimal(let column) where column.missing == nil && column.writtenScales == nil:
                columns.append((column.mantissas, column.scale, true))
            default:
                continue
            }
            fields.append(field)
            // Loops written out for two and three sums; a fourth is summed on its own.
            if fields.count == 3 { break }
        }
        let width = columns.count
        guard width >= 2 else { return }
        let rows = groups.relation.rows
        let ranges = Parallel.ranges(rows.count)
        let parts = GroupAggregates.withBases(columns.map(\.values)) { bases in
            groups.groupOf.withUnsafeBufferPointer { groupOf in
            Parallel.each(ranges) { range -> [Int64]? in
                // Group g's sums at g * width ..< (g + 1) * width.
                var sums = [Int64](repeating: 0, count: groupCount * width)
                var overflowed = false
                sums.withUnsafeMutableBufferPointer { sums in
                    if width == 3 {
                        // The common case (three sums), with nothing indexed by a loop.
                        let (first, second, third) = (bases[0], bases[1], bases[2])
                        rows.forEachRow(in: range) { position, row in
                            let base = Int(groupOf[position]) &* 3
                            let (a, o1) = sums[base].addingReportingOverflow(first[row])
                            let (b, o2) = sums[base &+ 1].addingReportingOverflow(second[row])
                            let (c, o3) = sums[base &+ 2].addingReportingOverflow(third[row])
                            sums[base] = a
                            sums[base &+ 1] = b
                            sums[base &+ 2] = c
                            overflowed = overflowed || o1 || o2 || o3
                        }
                        return
                    }
                    let (first, second) = (bases[0], bases[1])
                    rows.forEachRow(in: range) { position, row in
                        let base = Int(groupOf[position]) &* 2
                        let (a, o1) = sums[base].addingReportingOverflow(first[row])
                        let (b, o2) = sums[base &+ 1].addingReportingOverflow(second[row])
                        sums[base] = a
                        sums[base &+ 1] = b
                        overflowed = overflowed || o1 || o2
                    }
                }
                return overflowed ? nil : sums
            }
            }
        }
        guard let parts else { return }
        var total = [Int128](repeating: 0, count: groupCount * width)
        for part in parts {
            guard let part else { return }
            for index in total.indices { total[index] &+= Int128(part[index]) }
        }
        for (index, field) in fields.enumerated() {
            let scale = columns[index].scale
            fusedSums[field] = ExactSums(
                sums: (0..<groupCount).map { total[$0 * width + index] }, present: sizes,
                scales: [UInt8](repeating: UInt8(truncatingIfNeeded: scale), count: groupCount), scale: scale,
                isDecimal: columns[index].isDecimal)
        }
    }

    /// `body` with the first element of each array, the arrays held for as long as it runs;
    /// nil when one is empty.
    private static func withBases<R>(_ arrays: [[Int64]], _ body: ([UnsafePointer<Int64>]) -> R) -> R? {
        func nest(_ index: Int, _ bases: [UnsafePointer<Int64>]) -> R? {
            guard index < arrays.count else { return body(bases) }
            return arrays[index].withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { nest(index + 1, bases + [$0]) }
            }
        }
        return nest(0, [])
    }
}
