import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// `if(condition, a, b)` and `coalesce(a, b, ...)`: the values they choose between must be
    /// of one kind, so the result has one type: numbers (a whole number and a decimal give a
    /// decimal), dates (a date and a date and time give a date and time), text, lists,
    /// true/false. `missing` goes with anything.
    package func bindChoice(_ function: BuiltinFunction, _ arguments: [Expr], range: Range<Int>, in scope: Scope) throws(Diagnostic) -> BoundExpr {
        var bound: [BoundExpr] = []
        var choices = arguments[...]
        if function == .if {
            bound.append(try bindCondition(arguments[0], in: scope, clause: "if"))
            choices = arguments.dropFirst()
        }
        var type: ValueType?
        var first: Expr?
        for choice in choices {
            let value = try bind(choice, in: scope)
            bound.append(value)
            guard let next = value.type else { continue }
            guard let current = type, let previous = first else {
                type = next
                first = choice
                continue
            }
            guard let common = Checker.commonType(current, next) else {
                throw error(SemanticsMessages.choicesDiffer(
                    function, first: source.text(previous.range), current, other: source.text(choice.range), next), at: choice.range)
            }
            type = common
        }
        guard let type else { throw error(SemanticsMessages.fieldOnlyMissing(), at: range) }
        return .call(function, bound, type)
    }

    /// The type of a value that may be of either type, or nil when they do not mix.
    package static func commonType(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a.isNumeric && b.isNumeric { return .decimal }
        if a.isTemporal && b.isTemporal { return .datetime }
        return nil
    }
}
