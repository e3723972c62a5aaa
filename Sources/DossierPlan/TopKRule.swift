import DossierSupport
import DossierDiagnostics
import DossierData

/// `sort by ... | limit N [offset M]` → one `topK` step: only the first N + M rows need to be
/// put in order (a heap of that size, not a sort of every row). The same for `limit … per`.
package struct TopKRule: OptimizerRule {
    package var name: String { "top-k" }

    package init() {}

    package func rewrite(_ plan: LogicalPlan) -> LogicalPlan {
        var steps: [PlanStep] = []
        for step in plan.steps {
            if case .limit(let count, let offset) = step.kind, let previous = steps.last, case .sort(let keys) = previous.kind {
                steps[steps.count - 1] = PlanStep(
                    kind: .topK(keys, count: count, offset: offset), ranges: previous.ranges + step.ranges, fields: step.fields)
                continue
            }
            // `sort … limit N per F`: each group's first N, not every row, put in order.
            if case .limitPer(let count, let offset, let groupKeys, let sortedBy) = step.kind, sortedBy.isEmpty,
                let previous = steps.last, case .sort(let keys) = previous.kind
            {
                steps[steps.count - 1] = PlanStep(
                    kind: .limitPer(count, offset: offset, keys: groupKeys, sortedBy: keys), ranges: previous.ranges + step.ranges,
                    fields: step.fields)
                continue
            }
            steps.append(step)
        }
        var result = plan
        result.steps = steps
        return result
    }
}
