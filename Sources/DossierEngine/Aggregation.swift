import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// `summarize`: aggregates per group. They ignore missing values; `count()` counts rows; a
/// sum of integers that would overflow continues as a decimal (§4).
package enum Aggregation {
    /// Running state of one aggregate in one group.
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
            }
        }
    }

    package static func summarize(
        _ relation: Relation, aggregates: [BoundAggregate], keys: [BoundExpr], fields: [Field],
        cancellation: Cancellation?
    ) throws(Diagnostic) -> Relation {
        let arguments = aggregates.map { aggregate in
            aggregate.argument.map { Evaluator.compile($0, columns: relation.columns, cancellation: cancellation) }
        }
        var states: [[Accumulator]] = []
        let fresh = [Accumulator](repeating: Accumulator(), count: aggregates.count)
        var groups = try Grouping.assign(relation, keys: keys, cancellation: cancellation) { group, row in
            if group == states.count { states.append(fresh) }
            for index in aggregates.indices {
                let value = arguments[index].map { $0(row) } ?? .integer(1)
                states[group][index].add(value, aggregates[index])
            }
        }
        // Without keys there is always one row, even over no rows.
        if keys.isEmpty, groups.keys.isEmpty {
            _ = groups.id(for: [])
            states.append(fresh)
        }
        let order = try Grouping.sortedGroups(groups.keys.count, cancellation: cancellation) {
            Grouping.keyLess(groups.keys[$0], groups.keys[$1])
        }
        var columns: [Column] = []
        for position in keys.indices {
            columns.append(Column.buildWidening(fields[position].type, order.map { groups.keys[$0][position] }))
        }
        for (index, aggregate) in aggregates.enumerated() {
            let values = order.map { states[$0][index].result(aggregate) }
            columns.append(Column.buildWidening(fields[keys.count + index].type, values))
        }
        var outputFields = fields
        for index in columns.indices { outputFields[index].type = columns[index].type }
        return Relation(fields: outputFields, columns: columns, rows: .all(order.count))
    }
}
