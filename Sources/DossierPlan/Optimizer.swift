import DossierSupport
import DossierDiagnostics
import DossierData

/// The stage between the checker and the engine: every decision about *how* a query runs is
/// a rule here (the engine decides nothing), each with its own test. Rules run in order, on
/// the pipeline and on every plan inside it (named queries, the joined side of a join).
public enum Optimizer {
    package static let rules: [any OptimizerRule] = [FilterPushdownRule(), TopKRule()]

    public static func optimize(_ plan: LogicalPlan) -> LogicalPlan {
        var result = plan
        if case .namedQuery(let name, let inner) = result.source {
            result.source = .namedQuery(name, optimize(inner))
        }
        for rule in rules { result = rule.rewrite(result) }
        // Rules may have moved work into a joined side: optimise those plans in turn.
        for index in result.steps.indices {
            if case .join(var join) = result.steps[index].kind {
                join.right = optimize(join.right)
                result.steps[index].kind = .join(join)
            }
        }
        return result
    }
}
