import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `summarize`: aggregates per group, groups in key order. Without keys there is always one
/// row, even over no rows.
package enum Aggregation {
    package static func summarize(
        _ relation: Relation, aggregates: [BoundAggregate], keys: [BoundExpr], fields: [Field],
        cancellation: Cancellation?
    ) throws(Diagnostic) -> Relation {
        var groups = try GroupAssignment.make(relation, keys: keys, expandLists: true, cancellation: cancellation)
        if keys.isEmpty, groups.groupCount == 0 {
            // One group of no rows: an empty relation's sums are missing, its count 0.
            groups.firstPosition = [0]
        }
        var computed = GroupAggregates(groups, cancellation: cancellation)
        computed.prepareSums(for: aggregates)
        var results: [Column] = []
        for aggregate in aggregates {
            try cancellation?.check()
            results.append(try computed.column(aggregate))
        }
        let order = try GroupOrder.byKeys(groups, cancellation: cancellation)
        // Columns stay in group order; the result's rows put them in key order (no copy).
        let columns = (keys.isEmpty ? [] : Grouping.keyColumns(groups, fields: fields)) + results
        return Relation(fields: Grouping.typed(fields, columns), columns: columns, rows: .some(order))
    }

    /// Running state of one aggregate in one group, on boxed values (for `count`, `sum`,
    /// `avg`, `min` and `max`: the statistics run only typed): for the shapes the typed
    /// loops of `GroupAggregates` do not cover (lists, floating-point extremes).
    package struct Accumulator {
        package var rows: Int64 = 0
        package var present: Int64 = 0
        package var sum = ExactSum()
        package var extreme: Value = .missing
        package var distinct: Set<Value> = []

        package mutating func add(_ value: Value, _ aggregate: BoundAggregate) {
            rows += 1
            if value.isMissing { return }
            present += 1
            switch aggregate.function {
            case .count:
                if aggregate.isDistinct {
                    if case .list(let items) = value {
                        for item in items { distinct.insert(.text(item)) }
                    } else {
                        distinct.insert(value)
                    }
                }
            case .sum, .avg:
                sum.add(value)
            case .median, .quantile, .stddev, .variance, .corr:
                break
            case .min, .max:
                if extreme.isMissing {
                    extreme = value
                } else {
                    let order = ValueComparison.sortOrder(value, extreme)
                    if (aggregate.function == .min && order < 0) || (aggregate.function == .max && order > 0) {
                        extreme = value
                    }
                }
            }
        }

        package func result(_ aggregate: BoundAggregate) -> Value {
            switch aggregate.function {
            case .count:
                if aggregate.isDistinct { return .integer(Int64(distinct.count)) }
                return .integer(aggregate.argument == nil ? rows : present)
            case .sum:
                return present == 0 ? .missing : sum.total
            case .avg:
                return present == 0 ? .missing : sum.average(count: present)
            case .min, .max:
                return extreme
            case .median, .quantile, .stddev, .variance, .corr:
                return .missing
            }
        }
    }
}
