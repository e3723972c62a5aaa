import DossierSupport
import DossierDiagnostics
import DossierData

/// One rewrite of a logical plan that keeps its answer: the rows, in the same order.
package protocol OptimizerRule: Sendable {
    /// A short name, for tests and for people reading `explain`.
    var name: String { get }
    /// The plan rewritten, or the same plan when the rule does not apply.
    func rewrite(_ plan: LogicalPlan) -> LogicalPlan
}
