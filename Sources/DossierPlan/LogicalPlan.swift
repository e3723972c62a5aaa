import DossierSupport
import DossierDiagnostics
import DossierData

/// A checked query as data: where rows come from and the steps that transform them, each step
/// with the fields it produces. The checker builds it before any row is read, the optimizer
/// rewrites it (`Optimizer`), and the engine runs it; `explain` prints it. It names operators
/// and expressions, never engine types, so an engine of another kind (SQL) can compile it too.
public struct LogicalPlan: Sendable {
    public indirect enum Source: Sendable {
        case dataset(Dataset)
        /// A named query (`let`), checked anew at each use.
        case namedQuery(String, LogicalPlan)
    }

    public var source: Source
    public var sourceFields: [Field]
    public var steps: [PlanStep]

    /// The fields of the result.
    public var fields: [Field] { steps.last?.fields ?? sourceFields }

    /// The name the pipeline starts from.
    public var sourceName: String {
        switch source {
        case .dataset(let dataset): return dataset.name
        case .namedQuery(let name, _): return name
        }
    }

    /// How the result is drawn, when the last clause is `chart`.
    public var chartShape: ChartShape? {
        if case .chart(let shape)? = steps.last?.kind { return shape }
        return nil
    }

    package init(source: Source, sourceFields: [Field], steps: [PlanStep]) {
        self.source = source
        self.sourceFields = sourceFields
        self.steps = steps
    }
}
