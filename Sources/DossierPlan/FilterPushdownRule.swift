import DossierSupport
import DossierDiagnostics
import DossierData

/// A `where` runs as early as its answer allows, so later steps see fewer rows:
/// - before a `sort` (sorting keeps every row, and filtering keeps the order);
/// - before a `join`, when it reads only the pipeline's fields;
/// - into the joined side of an inner `join`, when it reads only that side's fields (not for a
///   `left join`: there a row without a match must still come out, with missing fields).
/// A condition joined by `and` moves part by part.
package struct FilterPushdownRule: OptimizerRule {
    package var name: String { "filter pushdown" }

    package init() {}

    package func rewrite(_ plan: LogicalPlan) -> LogicalPlan {
        var steps = plan.steps
        var index = 0
        while index < steps.count {
            guard case .filter(let condition) = steps[index].kind, index > 0 else {
                index += 1
                continue
            }
            let previous = steps[index - 1]
            switch previous.kind {
            case .sort:
                // Swap, then look again from the filter's new place.
                var moved = steps[index]
                moved.fields = index >= 2 ? steps[index - 2].fields : plan.sourceFields
                steps[index - 1] = moved
                steps[index] = PlanStep(kind: previous.kind, ranges: previous.ranges, fields: previous.fields)
                index -= 1
            case .join(var join):
                let leftCount = (index >= 2 ? steps[index - 2].fields : plan.sourceFields).count
                var left: [BoundExpr] = []
                var right: [BoundExpr] = []
                var rest: [BoundExpr] = []
                for part in conjuncts(condition) {
                    let fields = part.referencedFields
                    if !fields.isEmpty, fields.allSatisfy({ $0 < leftCount }) {
                        left.append(part)
                    } else if !join.isLeft, !fields.isEmpty, fields.allSatisfy({ $0 >= leftCount }) {
                        right.append(part.shiftingFields(by: -leftCount))
                    } else {
                        rest.append(part)
                    }
                }
                guard !left.isEmpty || !right.isEmpty else {
                    index += 1
                    continue
                }
                let filter = steps[index]
                var replacement: [PlanStep] = []
                if !left.isEmpty {
                    let fields = index >= 2 ? steps[index - 2].fields : plan.sourceFields
                    replacement.append(PlanStep(kind: .filter(conjunction(left)), range: filter.range, fields: fields))
                }
                if !right.isEmpty {
                    join.right.steps.append(PlanStep(kind: .filter(conjunction(right)), range: filter.range, fields: join.right.fields))
                }
                replacement.append(PlanStep(kind: .join(join), ranges: previous.ranges, fields: previous.fields))
                if !rest.isEmpty {
                    replacement.append(PlanStep(kind: .filter(conjunction(rest)), range: filter.range, fields: filter.fields))
                }
                steps.replaceSubrange((index - 1)...index, with: replacement)
                // The part left before the join may move further up.
                index = left.isEmpty ? index + 1 : index - 1
            default:
                index += 1
            }
        }
        var result = plan
        result.steps = steps
        return result
    }

    private func conjuncts(_ condition: BoundExpr) -> [BoundExpr] {
        if case .and(let operands) = condition { return operands.flatMap(conjuncts) }
        return [condition]
    }

    private func conjunction(_ parts: [BoundExpr]) -> BoundExpr {
        parts.count == 1 ? parts[0] : .and(parts)
    }
}
