import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// Binds an expression that must be true or false (`where`, `not`, `and`, `or`).
    package func bindCondition(_ expression: Expr, in scope: Scope, clause: String) throws(Diagnostic) -> BoundExpr {
        let bound = try bind(expression, in: scope)
        switch bound.type {
        case .bool?, nil:
            return bound
        case let type?:
            throw error(SemanticsMessages.notACondition(source.text(expression.range), of: type, in: clause), at: expression.range)
        }
    }

    /// Binds an expression. `bareWords`: a word that names no field is text (right of a
    /// comparison, inside `in (...)`, ...).
    package func bind(_ expression: Expr, in scope: Scope, bareWords: Bool = false) throws(Diagnostic) -> BoundExpr {
        switch expression.kind {
        case .name(let name):
            if let index = try lookupField(expression, in: scope) {
                return .field(index, scope.fields[index].type)
            }
            if bareWords && !name.isQuoted { return .constant(.text(TextFolding.nfc(name.text))) }
            throw unknownField(expression, in: scope)
        case .qualified:
            if let index = try lookupField(expression, in: scope) {
                return .field(index, scope.fields[index].type)
            }
            throw unknownField(expression, in: scope)
        case .literal(let literal):
            return .constant(value(of: literal))
        case .not(let operand):
            return .not(try bindCondition(operand, in: scope, clause: "not"))
        case .and(let operands):
            return .and(try bindConditions(operands, joinedBy: "and", in: scope))
        case .or(let operands):
            return .or(try bindConditions(operands, joinedBy: "or", in: scope))
        case .comparison(let op, let left, let right):
            return try bindComparison(op, left, right, in: scope)
        case .inList(let operand, let values, let negated):
            return try bindInList(operand, values, negated: negated, in: scope)
        case .between(let operand, let low, let high, let negated):
            let left = try bind(operand, in: scope)
            try refuseTextOrdering(left, operand, against: low, "between", in: scope)
            try refuseTextOrdering(left, operand, against: high, "between", in: scope)
            let lowBound = try bindOperand(low, against: left, leftExpr: operand, in: scope)
            let highBound = try bindOperand(high, against: left, leftExpr: operand, in: scope)
            return .between(left, low: lowBound, high: highBound, negated: negated)
        case .textMatch(let op, let operand, let pattern, let negated):
            return try bindTextMatch(op, operand, pattern, negated: negated, in: scope)
        case .isMissing(let operand, let negated):
            return .isMissing(try bind(operand, in: scope), negated: negated)
        case .arithmetic(let op, let left, let right):
            if let index = fieldNamedLike(expression, in: scope) { return .field(index, scope.fields[index].type) }
            return try bindArithmetic(op, left, right, in: scope)
        case .negate(let operand):
            let bound = try bind(operand, in: scope)
            guard let type = bound.type, type.isNumeric else {
                throw error(SemanticsMessages.negateNeedsNumber(bound.type), at: operand.range)
            }
            return .negate(bound, type)
        case .call(let name, let arguments):
            if let index = fieldNamedLike(expression, in: scope) { return .field(index, scope.fields[index].type) }
            return try bindCall(name, arguments, range: expression.range, in: scope)
        case .aggregate(let call):
            // The parser makes aggregates only in summarize items, whose aggregates the
            // checker binds first; one here sits inside another aggregate.
            throw error(SemanticsMessages.aggregateInsideAggregate(call.function), at: expression.range)
        }
    }

    /// A computed key keeps its text as its name (`count by year(release)` makes a field
    /// `year(release)`), so writing the expression again reaches that field:
    /// `... count by year(release) | sort by year(release)`.
    private func fieldNamedLike(_ expression: Expr, in scope: Scope) -> Int? {
        let key = FieldName.key(source.text(expression.range))
        let matches = scope.fields.indices.filter { FieldName.key(scope.fields[$0].displayName) == key }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The operands of `and`/`or`. `region = Africa or Asia` means `region = Africa or
    /// region = Asia`, but reads `Asia` as a condition: say so, with the fix.
    private func bindConditions(_ operands: [Expr], joinedBy word: String, in scope: Scope) throws(Diagnostic) -> [BoundExpr] {
        var bound: [BoundExpr] = []
        for (index, operand) in operands.enumerated() {
            if index > 0, case .name(let name) = operand.kind, !name.isQuoted, (try? lookupField(operand, in: scope)) == nil,
                case .comparison(let op, let field, let value) = operands[index - 1].kind
            {
                let message = SemanticsMessages.valueAsCondition(
                    name.text, joinedBy: word, field: source.text(field.range), op: op, value: source.text(value.range))
                throw error(message, at: name.range)
            }
            bound.append(try bindCondition(operand, in: scope, clause: word))
        }
        return bound
    }

    package func value(of literal: Literal) -> Value {
        switch literal {
        case .integer(let number): return .integer(number)
        case .decimal(let digits):
            // Exact when 18 significant digits hold it, binary floating point beyond (§6).
            if let exact = DecimalNumber.parse(digits, allowLeadingZeros: true) { return .decimal(exact) }
            return Double(digits).map(Value.float) ?? .missing
        case .text(let text): return text.isEmpty ? .missing : .text(TextFolding.nfc(text))
        case .bool(let flag): return .bool(flag)
        case .date(let days): return .date(days)
        case .missing: return .missing
        }
    }

    // MARK: - Comparisons

    private func bindComparison(
        _ op: ComparisonOperator, _ left: Expr, _ right: Expr, in scope: Scope
    ) throws(Diagnostic) -> BoundExpr {
        let leftBound = try bind(left, in: scope)
        if op != .equal, op != .notEqual { try refuseTextOrdering(leftBound, left, against: right, op.rawValue, in: scope) }
        let rightBound = try bindOperand(right, against: leftBound, leftExpr: left, in: scope)
        if op != .equal, op != .notEqual, case .constant = leftBound {
            try refuseTextOrdering(rightBound, right, against: left, op.flipped.rawValue, in: scope)
        }
        if case .constant = leftBound, rightBound.type != nil {
            // `5 < people`: convert the literal on the left toward the field on the right.
            let converted = try convert(leftBound, written: left, toward: rightBound, otherExpr: right)
            return .compare(op, converted, rightBound)
        }
        return .compare(op, leftBound, rightBound)
    }

    /// Ordering a text field against a number or a date (`code > 2`) would compare text:
    /// `10` < `2`, and a stray `N/A` passes. An error before any row is read, at the literal,
    /// naming the values that are not numbers and offering `number(code) > 2` (§4).
    /// `=` and `in` compare the text as written, and `sort` is unaffected.
    private func refuseTextOrdering(
        _ bound: BoundExpr, _ written: Expr, against literal: Expr, _ op: String, in scope: Scope
    ) throws(Diagnostic) {
        guard bound.type == .text, case .literal(let value) = literal.kind else { return }
        let kind: TypeNote.Kind
        switch value {
        case .integer, .decimal: kind = .numbers
        case .date: kind = .dates
        default: return
        }
        let note = bound.fieldIndex.flatMap { scope.fields[$0].note }
        let message = SemanticsMessages.textOrdering(
            source.text(written.range), at: written.range, op: op, literal: source.text(literal.range), kind: kind, note: note)
        throw error(message, at: literal.range)
    }

    /// Binds the value side of a comparison: bare words allowed, constants converted to the
    /// other side's type, non-constants checked for compatible types.
    package func bindOperand(_ expression: Expr, against other: BoundExpr, leftExpr: Expr, in scope: Scope) throws(Diagnostic) -> BoundExpr {
        let bound = try bind(expression, in: scope, bareWords: true)
        return try convert(bound, written: expression, toward: other, otherExpr: leftExpr)
    }

    /// Makes `value` comparable with `other`.
    private func convert(_ value: BoundExpr, written: Expr, toward other: BoundExpr, otherExpr: Expr) throws(Diagnostic) -> BoundExpr {
        guard let target = other.type else { return value }
        if case .constant(let constant) = value {
            return .constant(try convert(constant, written: written, toward: target, otherExpr: otherExpr))
        }
        guard let type = value.type, !compatible(type, target) else { return value }
        throw error(
            SemanticsMessages.incomparable(describeOperand(otherExpr, target), describeOperand(written, type)),
            at: written.range.lowerBound..<written.range.upperBound)
    }

    private func compatible(_ a: ValueType, _ b: ValueType) -> Bool {
        if a.isNumeric && b.isNumeric { return true }
        if a.isTemporal && b.isTemporal { return true }
        let textual: Set<ValueType> = [.text, .list]
        if textual.contains(a) && textual.contains(b) { return true }
        return a == b
    }

    private func describeOperand(_ expression: Expr, _ type: ValueType) -> String {
        let isField: Bool
        switch expression.kind {
        case .name, .qualified: isField = true
        default: isField = false
        }
        return SemanticsMessages.describeOperand(source.text(expression.range), isField: isField, type)
    }

    /// Converts a constant to `target`, as §4 says: a number written where text is compared
    /// stays as written (`code = 0123`), text in date form is a date, text that is not a
    /// number compared with a number field is an error here, before any row is read.
    package func convert(_ constant: Value, written: Expr, toward target: ValueType, otherExpr: Expr) throws(Diagnostic) -> Value {
        let text = source.text(written.range).trimmingQuotes
        switch (constant, target) {
        case (.missing, _):
            return .missing
        case (.text, .text), (.text, .list), (.list, _):
            return constant
        case (_, .text), (_, .list):
            return .text(text)
        case (.integer, .integer), (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal), (.float, .integer),
            (.float, .decimal):
            return constant
        case (.text(let value), .integer), (.text(let value), .decimal):
            var copy = value.trimmingSpaces
            let number: Value? = copy.withUTF8 { bytes in
                if let integer = ValueParsing.integer(bytes, allowLeadingZeros: true) { return .integer(integer) }
                if let decimal = DecimalNumber.parse(bytes, allowLeadingZeros: true) { return .decimal(decimal) }
                if let float = ValueParsing.decimal(bytes, allowLeadingZeros: true) { return .float(float) }
                return nil
            }
            if let number { return number }
            throw error(SemanticsMessages.notANumber(value, comparedWith: source.text(otherExpr.range)), at: written.range)
        case (.date, .date), (.datetime, .datetime), (.datetime, .date):
            return constant
        case (.date(let days), .datetime):
            // A date against dates and times is its midnight.
            return .datetime(DatetimeText.midnight(days))
        case (.text(let value), .date):
            if let days = CivilDate.parse(value.trimmingSpaces) { return .date(days) }
            if let microseconds = DatetimeText.parse(value.trimmingSpaces) { return .datetime(microseconds) }
            throw error(SemanticsMessages.notADate(value, comparedWith: source.text(otherExpr.range)), at: written.range)
        case (.text(let value), .datetime):
            if let microseconds = DatetimeText.parse(value.trimmingSpaces) { return .datetime(microseconds) }
            if let days = CivilDate.parse(value.trimmingSpaces) { return .datetime(DatetimeText.midnight(days)) }
            throw error(SemanticsMessages.notADatetime(value, comparedWith: source.text(otherExpr.range)), at: written.range)
        case (.bool, .bool):
            return constant
        case (.text(let value), .bool):
            switch value.lowercased() {
            case "true", "yes": return .bool(true)
            case "false", "no": return .bool(false)
            default:
                throw error(SemanticsMessages.notABool(value, comparedWith: source.text(otherExpr.range)), at: written.range)
            }
        default:
            throw error(
                SemanticsMessages.incomparableConstant(text, constant.type, field: source.text(otherExpr.range), target),
                at: written.range)
        }
    }

    private func bindInList(_ operand: Expr, _ values: [Expr], negated: Bool, in scope: Scope) throws(Diagnostic) -> BoundExpr {
        let left = try bind(operand, in: scope)
        var constants: [Value] = []
        var others: [BoundExpr] = []
        for value in values {
            let bound = try bindOperand(value, against: left, leftExpr: operand, in: scope)
            if case .constant(let constant) = bound {
                constants.append(constant)
            } else {
                others.append(bound)
            }
        }
        if others.isEmpty { return .inList(left, constants, negated: negated) }
        // A field inside `in (...)` is compared like `=`.
        var alternatives: [BoundExpr] = []
        if !constants.isEmpty { alternatives.append(.inList(left, constants, negated: false)) }
        alternatives += others.map { .compare(.equal, left, $0) }
        return negated ? .not(.or(alternatives)) : .or(alternatives)
    }

    private func bindTextMatch(
        _ op: TextMatchOperator, _ operand: Expr, _ pattern: Expr, negated: Bool, in scope: Scope
    ) throws(Diagnostic) -> BoundExpr {
        let left = try bind(operand, in: scope)
        if let type = left.type, type != .text, type != .list {
            throw error(SemanticsMessages.textMatchOnNonText(op, source.text(operand.range), type), at: operand.range)
        }
        let boundPattern = try bind(pattern, in: scope, bareWords: true)
        guard case .constant(let constant) = boundPattern else {
            throw error(SemanticsMessages.patternIsField(op), at: pattern.range)
        }
        let text: String
        switch constant {
        case .text(let value): text = value
        case .missing: text = ""
        default: text = source.text(pattern.range).trimmingQuotes
        }
        // Nothing to look for finds nothing (§4): `contains ""` and `matches missing` are
        // false for every row, like `like missing`.
        if text.isEmpty { return .textMatch(.never, left, negated: negated) }
        switch op {
        case .contains:
            return .textMatch(.contains(TextFolding.fold(text)), left, negated: negated)
        case .like:
            return .textMatch(.like(TextFolding.fold(text)), left, negated: negated)
        case .startsWith:
            return .textMatch(.startsWith(TextFolding.fold(text)), left, negated: negated)
        case .endsWith:
            return .textMatch(.endsWith(TextFolding.fold(text)), left, negated: negated)
        case .mentions:
            return .textMatch(.mentions(Unaccent.fold(text)), left, negated: negated)
        case .matches:
            do throws(RegexSyntaxError) {
                let regex = try LinearRegex(text)
                return .textMatch(.matches(regex, text), left, negated: negated)
            } catch {
                // Point into the pattern itself when the literal holds it byte for byte.
                throw self.error(SemanticsMessages.badRegex(error), at: patternRange(error, in: pattern, pattern: text))
            }
        }
    }
}
