import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `share`, `running total` and `change`: a column computed over the rows in their order,
/// within the groups of `per` (RowGroups), added after the relation's columns. Each runs as
/// one typed loop over the number's column: integers and decimals exactly in 128 bits,
/// doubles as doubles. Missing values: a share or change of a missing value is missing; a
/// running total skips it (the total so far, missing until a value comes), as SQL's do.
package enum WindowSteps {
    /// `share [of F] [per G]`: F × 100 / the total of F (in its group), to one digit after
    /// the point, halves away from zero; missing where the total is zero.
    package static func share(
        _ relation: Relation, value: BoundExpr, per keys: [BoundExpr], fields: [Field], cancellation: Cancellation?
    ) throws(Diagnostic) -> Relation {
        let (input, numbers, groupOf) = try prepare(relation, value, keys, cancellation)
        let count = input.count
        var missing: Bitmap?
        func markMissing(_ position: Int) {
            if missing == nil { missing = Bitmap(count: count) }
            missing?[position] = true
        }
        let column: Column
        switch numbers {
        case .exact(let values, _, let absent):
            var totals = [Int128](repeating: 0, count: groupCount(groupOf))
            for position in 0..<count where !(absent?[position] ?? false) {
                // At most 2^63 rows of 2^63 each: 128 bits hold any sum here.
                totals[Int(groupOf[position])] &+= Int128(values[position])
            }
            var shares = [Int64](repeating: 0, count: count)
            for position in 0..<count {
                if absent?[position] ?? false { markMissing(position); continue }
                // Percent to one digit: value × 1000 / total, rounded.
                guard let share = NumberValues.roundedQuotient(Int128(values[position]) * 1000, totals[Int(groupOf[position])]) else {
                    markMissing(position)
                    continue
                }
                shares[position] = share
            }
            column = .decimal(DecimalColumn(mantissas: shares, scale: 1, missing: missing))
        case .float(let values, let absent):
            var totals = [Double](repeating: 0, count: groupCount(groupOf))
            for position in 0..<count where !(absent?[position] ?? false) { totals[Int(groupOf[position])] += values[position] }
            var shares = [Double](repeating: 0, count: count)
            for position in 0..<count {
                let total = totals[Int(groupOf[position])]
                let share = NumberValues.oneDigit(values[position] / total * 100)
                if (absent?[position] ?? false) || total == 0 || !share.isFinite { markMissing(position); continue }
                shares[position] = share
            }
            column = .float(FloatColumn(values: shares, missing: missing))
        }
        try cancellation?.check()
        return finish(input, adding: [column], fields: fields)
    }

    /// `running total [of F] [per G]`: the sum of F's present values so far in the group.
    package static func runningTotal(
        _ relation: Relation, value: BoundExpr, per keys: [BoundExpr], fields: [Field], cancellation: Cancellation?
    ) throws(Diagnostic) -> Relation {
        let (input, numbers, groupOf) = try prepare(relation, value, keys, cancellation)
        let column: Column
        switch numbers {
        case .exact(let values, let scale, let absent):
            let (sums, missing) = runningSums(groupOf, absent) { Int128(values[$0]) }
            column = NumberValues.column(sums, scale: scale, missing: missing)
        case .float(let values, let absent):
            var (sums, missing) = runningSums(groupOf, absent) { values[$0] }
            for position in sums.indices where !sums[position].isFinite {
                if missing == nil { missing = Bitmap(count: sums.count) }
                missing?[position] = true
            }
            column = .float(FloatColumn(values: sums, missing: missing))
        }
        try cancellation?.check()
        return finish(input, adding: [column], fields: fields)
    }

    /// `change [of F] [per G]`: F minus F of the row before in its group (missing for a
    /// group's first row, or when either is missing), and that change × 100 / the value before,
    /// to one digit after the point (missing when the value before is zero).
    package static func change(
        _ relation: Relation, value: BoundExpr, per keys: [BoundExpr], fields: [Field], cancellation: Cancellation?
    ) throws(Diagnostic) -> Relation {
        let (input, numbers, groupOf) = try prepare(relation, value, keys, cancellation)
        let count = input.count
        let changeColumn: Column
        let percentColumn: Column
        switch numbers {
        case .exact(let values, let scale, let absent):
            let (changes, before, missing) = differences(groupOf, absent) { Int128(values[$0]) }
            var percentMissing = missing
            var percents = [Int64](repeating: 0, count: count)
            for position in 0..<count where !missing[position] {
                // Percent to one digit: change × 1000 / the value before, rounded.
                guard let percent = NumberValues.roundedQuotient(changes[position] * 1000, Int128(values[before[position]])) else {
                    percentMissing[position] = true
                    continue
                }
                percents[position] = percent
            }
            changeColumn = NumberValues.column(changes, scale: scale, missing: missing)
            percentColumn = .decimal(DecimalColumn(mantissas: percents, scale: 1, missing: percentMissing))
        case .float(let values, let absent):
            var (changes, before, missing) = differences(groupOf, absent) { values[$0] }
            var percentMissing = missing
            var percents = [Double](repeating: 0, count: count)
            for position in 0..<count where !missing[position] {
                let previous = values[before[position]]
                let percent = NumberValues.oneDigit(changes[position] / previous * 100)
                if previous == 0 || !percent.isFinite { percentMissing[position] = true } else { percents[position] = percent }
                if !changes[position].isFinite {
                    missing[position] = true
                    percentMissing[position] = true
                }
            }
            changeColumn = .float(FloatColumn(values: changes, missing: missing))
            percentColumn = .float(FloatColumn(values: percents, missing: percentMissing))
        }
        try cancellation?.check()
        return finish(input, adding: [changeColumn, percentColumn], fields: fields)
    }

    /// Each position's sum of the present values so far in its group; missing until the
    /// group's first present value.
    private static func runningSums<T: AdditiveArithmetic>(
        _ groupOf: [Int32], _ absent: Bitmap?, _ value: (Int) -> T
    ) -> ([T], Bitmap?) {
        let count = groupOf.count
        var totals = [T](repeating: .zero, count: groupCount(groupOf))
        var started = [Bool](repeating: false, count: totals.count)
        var sums = [T](repeating: .zero, count: count)
        var missing: Bitmap?
        for position in 0..<count {
            let group = Int(groupOf[position])
            if !(absent?[position] ?? false) {
                // Int128 totals of Int64 values cannot overflow; doubles become infinite.
                totals[group] += value(position)
                started[group] = true
            }
            sums[position] = totals[group]
            if !started[group] {
                if missing == nil { missing = Bitmap(count: count) }
                missing?[position] = true
            }
        }
        return (sums, missing)
    }

    /// Each position's value minus the value at the group's position before it, that
    /// position, and where there is no difference (a group's first row, a missing value).
    private static func differences<T: AdditiveArithmetic>(
        _ groupOf: [Int32], _ absent: Bitmap?, _ value: (Int) -> T
    ) -> (changes: [T], before: [Int], missing: Bitmap) {
        let count = groupOf.count
        var previous = [Int](repeating: -1, count: groupCount(groupOf))
        var changes = [T](repeating: .zero, count: count)
        var before = [Int](repeating: -1, count: count)
        var missing = Bitmap(count: count)
        for position in 0..<count {
            let group = Int(groupOf[position])
            let earlier = previous[group]
            previous[group] = position
            guard earlier >= 0, !(absent?[position] ?? false), !(absent?[earlier] ?? false) else {
                missing[position] = true
                continue
            }
            changes[position] = value(position) - value(earlier)
            before[position] = earlier
        }
        return (changes, before, missing)
    }

    // MARK: - Shared

    /// The relation with its rows made `0..<count` (the new columns line up with them), the
    /// number's values and each position's group.
    private static func prepare(
        _ relation: Relation, _ value: BoundExpr, _ keys: [BoundExpr], _ cancellation: Cancellation?
    ) throws(Diagnostic) -> (Relation, NumberValues, [Int32]) {
        let input = relation.compacted()
        let column = try Evaluator.materialize(value, relation: input, cancellation: cancellation)
        let groupOf = try RowGroups.of(input, keys: keys, cancellation: cancellation)
        // The checker lets only numbers through; a column of nothing but missing values reads as
        // whole numbers.
        let numbers = NumberValues(column) ?? .exact([Int64](repeating: 0, count: input.count), scale: 0, missing: allMissing(input.count))
        return (input, numbers, groupOf)
    }

    private static func allMissing(_ count: Int) -> Bitmap {
        var bitmap = Bitmap(count: count)
        for position in 0..<count { bitmap[position] = true }
        return bitmap
    }

    private static func groupCount(_ groupOf: [Int32]) -> Int {
        Int(groupOf.max() ?? -1) + 1
    }

    /// The input with `columns` after its own; the fields typed as the columns came out (a
    /// running total of integers that outgrew 64 bits is decimal).
    package static func finish(_ input: Relation, adding columns: [Column], fields: [Field]) -> Relation {
        var result = input
        result.columns += columns
        result.fields = fields
        for (offset, column) in columns.enumerated() {
            let index = input.columns.count + offset
            if index < result.fields.count { result.fields[index].type = column.type }
        }
        return result
    }
}
