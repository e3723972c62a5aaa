import DossierSupport

extension Expr {
    /// The expressions directly inside this one.
    public var children: [Expr] {
        switch kind {
        case .name, .qualified, .literal: return []
        case .not(let operand), .negate(let operand): return [operand]
        case .and(let operands), .or(let operands): return operands
        case .comparison(_, let left, let right), .arithmetic(_, let left, let right): return [left, right]
        case .inList(let operand, let values, _): return [operand] + values
        case .between(let operand, let low, let high, _): return [operand, low, high]
        case .textMatch(_, let operand, let pattern, _): return [operand, pattern]
        case .isMissing(let operand, _): return [operand]
        case .call(_, let arguments): return arguments
        case .aggregate(let call): return call.arguments
        }
    }
}
