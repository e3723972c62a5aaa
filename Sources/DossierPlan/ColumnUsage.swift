import DossierSupport
import DossierDiagnostics
import DossierData

/// Which fields of its source a plan reads: a loader can build only those columns (JSON Lines
/// read lazily), and a SQL backend can select only those. Worked out backwards from the
/// result, which needs every field it shows.
public enum ColumnUsage {
    /// The source fields `plan` reads, by position in `plan.sourceFields`.
    public static func sourceFields(of plan: LogicalPlan) -> Set<Int> {
        needed(plan, output: Set(plan.fields.indices))
    }

    /// The source fields needed for `output` (positions in the plan's result).
    static func needed(_ plan: LogicalPlan, output: Set<Int>) -> Set<Int> {
        var needed = output
        for (index, step) in plan.steps.enumerated().reversed() {
            let inputCount = index == 0 ? plan.sourceFields.count : plan.steps[index - 1].fields.count
            switch step.kind {
            case .filter(let condition):
                needed.formUnion(condition.referencedFields)
            case .project(let expressions):
                needed = Set(needed.filter { $0 < expressions.count }.flatMap { expressions[$0].referencedFields })
            case .sort(let keys), .topK(let keys, _, _):
                for key in keys { needed.formUnion(key.expression.referencedFields) }
            case .limit, .chart:
                break
            case .limitPer(_, _, let keys, let sortedBy):
                needed.formUnion(keys.flatMap(\.referencedFields))
                for key in sortedBy { needed.formUnion(key.expression.referencedFields) }
            case .distinct(let keys, let wholeRow):
                needed = wholeRow ? needed : Set(keys.flatMap(\.referencedFields))
            case .count(let keys):
                needed = Set(keys.flatMap(\.referencedFields))
            case .summarize(let aggregates, let keys):
                needed = Set(keys.flatMap(\.referencedFields))
                for aggregate in aggregates { needed.formUnion(aggregate.referencedFields) }
            case .share(let value, let keys), .runningTotal(let value, let keys), .change(let value, let keys):
                // The fields the step adds come after its input's.
                needed = Set(needed.filter { $0 < inputCount })
                needed.formUnion(value.referencedFields)
                needed.formUnion(keys.flatMap(\.referencedFields))
            case .rank(let sortKeys, let keys):
                needed = Set(needed.filter { $0 < inputCount })
                for key in sortKeys { needed.formUnion(key.expression.referencedFields) }
                needed.formUnion(keys.flatMap(\.referencedFields))
            case .expand(let field):
                needed.insert(field)
            case .join(let join):
                // The joined side's fields come after the pipeline's; its own plan says what
                // of its source they need.
                needed = Set(needed.filter { $0 < inputCount })
                needed.insert(join.leftKey)
            }
        }
        return needed.filter { $0 < plan.sourceFields.count }
    }

    /// Every dataset `plan` reads (its source, through named queries, and each joined side's),
    /// with the fields of it that it reads: a deferred column is built only when listed here.
    public static func datasetFields(of plan: LogicalPlan) -> [(dataset: Dataset, fields: Set<Int>)] {
        var found: [(dataset: Dataset, fields: Set<Int>)] = []
        collect(plan, output: Set(plan.fields.indices), into: &found)
        return found
    }

    private static func collect(_ plan: LogicalPlan, output: Set<Int>, into found: inout [(dataset: Dataset, fields: Set<Int>)]) {
        let fields = needed(plan, output: output)
        switch plan.source {
        case .dataset(let dataset): found.append((dataset, fields))
        // A named query's result is the pipeline's source: what is needed of one is of the other.
        case .namedQuery(_, let inner): collect(inner, output: fields, into: &found)
        }
        for step in plan.steps {
            // The joined side whole: more than a join may need, never less.
            if case .join(let join) = step.kind { collect(join.right, output: Set(join.right.fields.indices), into: &found) }
        }
    }

    /// The source fields the joined side of a join reads.
    public static func sourceFields(of join: BoundJoin, output: Set<Int>, leftCount: Int) -> Set<Int> {
        let right = Set(output.compactMap { $0 >= leftCount ? $0 - leftCount : nil }).union([join.rightKey])
        return needed(join.right, output: right)
    }
}
