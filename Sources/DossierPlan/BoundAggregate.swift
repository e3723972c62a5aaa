import DossierSupport
import DossierDiagnostics
import DossierData

public struct BoundAggregate: Sendable {
    public var function: AggregateFunction
    public var argument: BoundExpr?
    public var isDistinct: Bool
    public var resultType: ValueType

    package init(function: AggregateFunction, argument: BoundExpr?, isDistinct: Bool, resultType: ValueType) {
        self.function = function
        self.argument = argument
        self.isDistinct = isDistinct
        self.resultType = resultType
    }
}
