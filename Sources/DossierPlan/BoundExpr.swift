import DossierSupport
import DossierDiagnostics
import DossierData

/// An expression after checking: names bound to field positions, bare words turned into
/// text, literals converted to the type they are compared with, every node typed. The engine
/// compiles it; nothing here can fail at run time except cancellation.
public indirect enum BoundExpr: Sendable {
    case field(Int, ValueType)
    case constant(Value)
    case not(BoundExpr)
    case and([BoundExpr])
    case or([BoundExpr])
    case compare(ComparisonOperator, BoundExpr, BoundExpr)
    /// `F in (v, ...)`: constants already converted to F's type.
    case inList(BoundExpr, [Value], negated: Bool)
    case between(BoundExpr, low: BoundExpr, high: BoundExpr, negated: Bool)
    case textMatch(TextMatcher, BoundExpr, negated: Bool)
    case isMissing(BoundExpr, negated: Bool)
    case arithmetic(ArithmeticOperator, BoundExpr, BoundExpr, ValueType)
    case negate(BoundExpr, ValueType)
    /// A function and its arguments, with the type of its result (which may depend on the
    /// argument's: `round` of an integer is an integer).
    case call(BuiltinFunction, [BoundExpr], ValueType)

    /// The type of the value; nil for the `missing` literal.
    public var type: ValueType? {
        switch self {
        case .field(_, let type): return type
        case .constant(let value): return value.type
        case .not, .and, .or, .compare, .inList, .between, .textMatch, .isMissing: return .bool
        case .arithmetic(_, _, _, let type), .negate(_, let type): return type
        case .call(_, _, let type): return type
        }
    }

    /// The field a plain field reference names.
    public var fieldIndex: Int? {
        if case .field(let index, _) = self { return index }
        return nil
    }
}

extension BoundExpr {
    /// The fields the expression reads, by position.
    public var referencedFields: Set<Int> {
        var fields = Set<Int>()
        visit { if case .field(let index, _) = $0 { fields.insert(index) } }
        return fields
    }

    /// The same expression with every field position moved by `offset` (a condition that moves
    /// into the joined side of a join reads that side's fields from 0).
    public func shiftingFields(by offset: Int) -> BoundExpr {
        map { if case .field(let index, let type) = $0 { return .field(index + offset, type) } else { return nil } }
    }

    /// Calls `body` on this node and every node inside it.
    public func visit(_ body: (BoundExpr) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    /// The nodes directly inside this one.
    public var children: [BoundExpr] {
        switch self {
        case .field, .constant: return []
        case .not(let operand): return [operand]
        case .and(let operands), .or(let operands): return operands
        case .compare(_, let left, let right): return [left, right]
        case .inList(let operand, _, _): return [operand]
        case .between(let operand, let low, let high, _): return [operand, low, high]
        case .textMatch(_, let operand, _): return [operand]
        case .isMissing(let operand, _): return [operand]
        case .arithmetic(_, let left, let right, _): return [left, right]
        case .negate(let operand, _): return [operand]
        case .call(_, let arguments, _): return arguments
        }
    }

    /// Rebuilds the expression bottom up; `transform` replaces a node when it returns one.
    public func map(_ transform: (BoundExpr) -> BoundExpr?) -> BoundExpr {
        if let replaced = transform(self) { return replaced }
        switch self {
        case .field, .constant: return self
        case .not(let operand): return .not(operand.map(transform))
        case .and(let operands): return .and(operands.map { $0.map(transform) })
        case .or(let operands): return .or(operands.map { $0.map(transform) })
        case .compare(let op, let left, let right): return .compare(op, left.map(transform), right.map(transform))
        case .inList(let operand, let values, let negated): return .inList(operand.map(transform), values, negated: negated)
        case .between(let operand, let low, let high, let negated):
            return .between(operand.map(transform), low: low.map(transform), high: high.map(transform), negated: negated)
        case .textMatch(let matcher, let operand, let negated): return .textMatch(matcher, operand.map(transform), negated: negated)
        case .isMissing(let operand, let negated): return .isMissing(operand.map(transform), negated: negated)
        case .arithmetic(let op, let left, let right, let type): return .arithmetic(op, left.map(transform), right.map(transform), type)
        case .negate(let operand, let type): return .negate(operand.map(transform), type)
        case .call(let function, let arguments, let type): return .call(function, arguments.map { $0.map(transform) }, type)
        }
    }
}
