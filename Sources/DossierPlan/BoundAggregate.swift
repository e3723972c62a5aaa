import DossierSupport
import DossierDiagnostics
import DossierData

public struct BoundAggregate: Sendable {
    public var function: AggregateFunction
    /// Nil for `count()`.
    public var argument: BoundExpr?
    /// The second value of `corr(x, y)`.
    public var second: BoundExpr?
    /// The `p` of `quantile(x, p)`, 0...1 (0.5 for `median`).
    public var fraction: DecimalNumber?
    public var isDistinct: Bool
    public var resultType: ValueType

    package init(
        function: AggregateFunction, argument: BoundExpr?, second: BoundExpr? = nil, fraction: DecimalNumber? = nil,
        isDistinct: Bool, resultType: ValueType
    ) {
        self.function = function
        self.argument = argument
        self.second = second
        self.fraction = fraction
        self.isDistinct = isDistinct
        self.resultType = resultType
    }

    /// The fields it reads.
    public var referencedFields: Set<Int> {
        (argument?.referencedFields ?? []).union(second?.referencedFields ?? [])
    }
}
