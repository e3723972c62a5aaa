import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// `+ - * /`: on numbers (§6 "Numbers"); on dates, where `date - date` is a number of days
    /// and `date + 30` a date; `+` on text joins it (`name + " (" + region + ")"`). Anything else
    /// is an error at the operand that does not fit, with the conversion that would.
    package func bindArithmetic(
        _ op: ArithmeticOperator, _ left: Expr, _ right: Expr, in scope: Scope
    ) throws(Diagnostic) -> BoundExpr {
        let leftBound = try bind(left, in: scope)
        let rightBound = try bind(right, in: scope)
        let leftType = leftBound.type
        let rightType = rightBound.type
        if leftType == .text || rightType == .text {
            return try bindTextJoin(op, (leftBound, left), (rightBound, right))
        }
        if leftType?.isTemporal == true || rightType?.isTemporal == true {
            return try bindDateArithmetic(op, (leftBound, left), (rightBound, right))
        }
        for (bound, expression) in [(leftBound, left), (rightBound, right)] {
            if let type = bound.type, !type.isNumeric {
                throw error(SemanticsMessages.arithmeticNeedsNumbers(op, source.text(expression.range), type), at: expression.range)
            }
        }
        let bothIntegers = leftType != .decimal && rightType != .decimal
        let type: ValueType = (bothIntegers && op != .divide) ? .integer : .decimal
        return .arithmetic(op, leftBound, rightBound, type)
    }

    /// `text + text`: the two joined. Only `+`, and only text (or missing) on both sides: a
    /// number next to text is more often a mistake than a wish, so it asks for `text(x)`.
    private func bindTextJoin(_ op: ArithmeticOperator, _ left: (BoundExpr, Expr), _ right: (BoundExpr, Expr)) throws(Diagnostic) -> BoundExpr {
        guard op == .add else {
            let text = left.0.type == .text ? left.1 : right.1
            throw error(SemanticsMessages.arithmeticNeedsNumbers(op, source.text(text.range), .text), at: text.range)
        }
        for (bound, expression) in [left, right] {
            if let type = bound.type, type != .text {
                throw error(SemanticsMessages.joinTextWith(source.text(expression.range), type), at: expression.range)
            }
        }
        return .arithmetic(.add, left.0, right.0, .text)
    }

    /// Dates and times: `d - d` (days, a whole number for dates, a decimal when a time is in
    /// it), `d + n` and `d - n` (n days; a date takes whole days, a date and time any number),
    /// `n + d`.
    private func bindDateArithmetic(_ op: ArithmeticOperator, _ left: (BoundExpr, Expr), _ right: (BoundExpr, Expr)) throws(Diagnostic) -> BoundExpr {
        let (leftType, rightType) = (left.0.type, right.0.type)
        let temporal = leftType?.isTemporal == true ? left : right
        let other = leftType?.isTemporal == true ? right : left
        let otherType = other.0.type
        switch op {
        case .subtract where otherType?.isTemporal == true && temporal.1.range == left.1.range:
            let hasTime = leftType == .datetime || rightType == .datetime
            return .arithmetic(.subtract, left.0, right.0, hasTime ? .decimal : .integer)
        case .add where otherType == nil || otherType?.isNumeric == true,
            .subtract where (otherType == nil || otherType?.isNumeric == true) && temporal.1.range == left.1.range:
            let resultType = temporal.0.type ?? .date
            if resultType == .date, otherType == .decimal {
                throw error(SemanticsMessages.fractionOfADay(source.text(other.1.range), date: source.text(temporal.1.range)), at: other.1.range)
            }
            return .arithmetic(op, left.0, right.0, resultType)
        default:
            throw error(SemanticsMessages.dateArithmetic(op, source.text(left.1.range), leftType, source.text(right.1.range), rightType),
                at: left.1.range.lowerBound..<right.1.range.upperBound)
        }
    }
}
