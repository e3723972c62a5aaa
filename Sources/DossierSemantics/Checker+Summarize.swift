import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// `summarize ITEM [as NAME], ... [by KEY, ...]`. Each item is an expression over
    /// aggregates. When every item is one aggregate, this is one step; otherwise the aggregates
    /// are computed first (into fields no one can name) and a `select` step computes the items
    /// from them (`max(v1) - min(v2) as range`).
    package func checkSummarize(
        _ items: [SummaryItem], keys: [Expr], range: Range<Int>, scope: inout Scope, before: inout [PlanStep]
    ) throws(Diagnostic) -> PlanStepKind {
        let (boundKeys, keyFields) = try bindKeys(keys, in: scope)
        var aggregates: [BoundAggregate] = []
        var aggregateNames: [String] = []
        var rewritten: [Expr] = []
        for item in items {
            var found = 0
            rewritten.append(try extractAggregates(item.expression, in: scope, into: &aggregates, names: &aggregateNames, found: &found))
            if found == 0 { throw itemWithoutAggregate(item.expression, in: scope) }
        }
        // One aggregate an item, none repeated (a repeat is computed once and shown twice).
        let isPlain = aggregates.count == items.count
            && items.allSatisfy { if case .aggregate = $0.expression.kind { return true } else { return false } }
        if isPlain {
            var fields = keyFields
            for (index, item) in items.enumerated() {
                fields.append(Field(try itemName(item, default: aggregateNames[index], taken: fields), aggregates[index].resultType))
            }
            scope = Scope(fields: fields, sourceName: scope.sourceName)
            return .summarize(aggregates, keys: boundKeys)
        }
        // The aggregates, then the items computed from them.
        let hidden = aggregates.indices.map { Field(Self.hiddenName($0), aggregates[$0].resultType) }
        let inner = Scope(fields: keyFields + hidden, sourceName: scope.sourceName)
        before.append(PlanStep(kind: .summarize(aggregates, keys: boundKeys), range: range, fields: inner.fields))
        var outputs: [BoundExpr] = keyFields.indices.map { BoundExpr.field($0, keyFields[$0].type) }
        var fields = keyFields
        for (index, item) in items.enumerated() {
            let value = try bindItem(rewritten[index], original: item.expression, inner: inner, outer: scope)
            guard let type = value.type else {
                throw error(SemanticsMessages.fieldOnlyMissing(), at: item.expression.range)
            }
            var name = source.text(item.expression.range)
            if case .aggregate = item.expression.kind, let position = value.fieldIndex {
                name = aggregateNames[position - keyFields.count]
            }
            fields.append(Field(try itemName(item, default: name, taken: fields), type))
            outputs.append(value)
        }
        scope = Scope(fields: fields, sourceName: scope.sourceName)
        return .project(outputs)
    }

    /// The name of an item's field: its alias, else `default`, numbered when taken.
    private func itemName(_ item: SummaryItem, default name: String, taken fields: [Field]) throws(Diagnostic) -> String {
        let wanted = item.alias?.text ?? name
        guard fields.contains(where: { FieldName.key($0.name) == FieldName.key(wanted) }) else { return wanted }
        if item.alias != nil {
            throw error(SemanticsMessages.duplicateAggregateName(wanted), at: item.range)
        }
        var suffix = 2
        while fields.contains(where: { FieldName.key($0.name) == FieldName.key("\(wanted)_\(suffix)") }) { suffix += 1 }
        return "\(wanted)_\(suffix)"
    }

    /// Whether two aggregates are surely the same: one function over the same fields (other
    /// arguments are never merged; computing them twice is only slower).
    private static func sameAggregate(_ a: BoundAggregate, _ b: BoundAggregate) -> Bool {
        func field(_ expression: BoundExpr?) -> Int?? {
            switch expression {
            case nil: return .some(nil)
            case .field(let index, _)?: return .some(index)
            default: return nil
            }
        }
        guard a.function == b.function, a.isDistinct == b.isDistinct, a.fraction == b.fraction,
            let first = field(a.argument), let second = field(a.second)
        else { return false }
        return field(b.argument) == first && field(b.second) == second
    }

    /// Field names of the hidden aggregate results: no typed name can reach them.
    static func hiddenName(_ index: Int) -> String { "\u{1}aggregate\(index)" }

    /// The expression with each aggregate bound (into `aggregates`) and replaced by the
    /// name of its hidden field.
    private func extractAggregates(
        _ expression: Expr, in scope: Scope, into aggregates: inout [BoundAggregate], names: inout [String], found: inout Int
    ) throws(Diagnostic) -> Expr {
        func recurse(_ inner: Expr) throws(Diagnostic) -> Expr {
            try extractAggregates(inner, in: scope, into: &aggregates, names: &names, found: &found)
        }
        let range = expression.range
        switch expression.kind {
        case .aggregate(let call):
            found += 1
            let (aggregate, name) = try bindAggregate(call, range: range, in: scope)
            // The same aggregate twice (`corr(v1, v2) * corr(v1, v2)`) is computed once.
            let index = aggregates.firstIndex { Self.sameAggregate($0, aggregate) } ?? aggregates.count
            if index == aggregates.count {
                aggregates.append(aggregate)
                names.append(name)
            }
            return Expr(.name(Name(Self.hiddenName(index), range: range, isQuoted: true)), range)
        case .name, .qualified, .literal:
            return expression
        case .not(let operand): return Expr(.not(try recurse(operand)), range)
        case .negate(let operand): return Expr(.negate(try recurse(operand)), range)
        case .and(let operands):
            var result: [Expr] = []
            for operand in operands { result.append(try recurse(operand)) }
            return Expr(.and(result), range)
        case .or(let operands):
            var result: [Expr] = []
            for operand in operands { result.append(try recurse(operand)) }
            return Expr(.or(result), range)
        case .comparison(let op, let left, let right):
            return Expr(.comparison(op, try recurse(left), try recurse(right)), range)
        case .arithmetic(let op, let left, let right):
            return Expr(.arithmetic(op, try recurse(left), try recurse(right)), range)
        case .inList(let operand, let values, let negated):
            return Expr(.inList(try recurse(operand), values, negated: negated), range)
        case .between(let operand, let low, let high, let negated):
            return Expr(.between(try recurse(operand), low: try recurse(low), high: try recurse(high), negated: negated), range)
        case .textMatch(let op, let operand, let pattern, let negated):
            return Expr(.textMatch(op, try recurse(operand), pattern: pattern, negated: negated), range)
        case .isMissing(let operand, let negated):
            return Expr(.isMissing(try recurse(operand), negated: negated), range)
        case .call(let name, let arguments):
            var result: [Expr] = []
            for argument in arguments { result.append(try recurse(argument)) }
            return Expr(.call(name, result), range)
        }
    }

    /// One aggregate: its arguments bound in the pipeline's scope and checked, and the name
    /// its result gets when the item is only this aggregate (`sum_people`, `p90_v3`).
    private func bindAggregate(_ call: AggregateCall, range: Range<Int>, in scope: Scope) throws(Diagnostic) -> (BoundAggregate, String) {
        let function = call.function
        guard function.arity.contains(call.arguments.count) else {
            throw error(SemanticsMessages.aggregateArgumentCount(function, given: call.arguments.count), at: range)
        }
        var argument: BoundExpr?
        var second: BoundExpr?
        var fraction: DecimalNumber?
        var argumentName = ""
        if let first = call.arguments.first {
            let value = try bind(first, in: scope)
            argument = value
            argumentName = value.fieldIndex.map { scope.fields[$0].name } ?? ""
            let type = value.type
            switch function {
            case .sum, .avg, .median, .quantile, .stddev, .variance, .corr:
                guard type == nil || type?.isNumeric == true else {
                    throw error(SemanticsMessages.aggregateNeedsNumbers(function, source.text(first.range), type), at: first.range)
                }
            case .min, .max:
                guard type != .list else { throw error(SemanticsMessages.aggregateOnList(function), at: first.range) }
            case .count:
                break
            }
        }
        if call.arguments.count == 2 {
            let other = call.arguments[1]
            if function == .quantile {
                fraction = try quantileFraction(other)
            } else {
                let value = try bind(other, in: scope)
                guard value.type == nil || value.type?.isNumeric == true else {
                    throw error(SemanticsMessages.aggregateNeedsNumbers(function, source.text(other.range), value.type), at: other.range)
                }
                second = value
                if let index = value.fieldIndex { argumentName += "_" + scope.fields[index].name }
            }
        }
        if function == .median { fraction = DecimalNumber(uncheckedMantissa: 5, scale: 1) }
        let resultType: ValueType
        switch function {
        case .count: resultType = .integer
        case .sum, .min, .max: resultType = argument?.type ?? .integer
        case .avg, .median, .quantile, .stddev, .variance, .corr: resultType = .decimal
        }
        var name: String
        if function == .count && argument == nil {
            name = "count"
        } else if call.isDistinct {
            name = argumentName.isEmpty ? "count_distinct" : "distinct_\(argumentName)"
        } else {
            var prefix = function.rawValue
            if function == .quantile, let fraction { prefix = "p" + Self.percentName(fraction) }
            name = argumentName.isEmpty ? prefix : "\(prefix)_\(argumentName)"
        }
        let aggregate = BoundAggregate(
            function: function, argument: argument, second: second, fraction: fraction, isDistinct: call.isDistinct,
            resultType: resultType)
        return (aggregate, name)
    }

    /// `p` of `quantile(x, p)`: a number written in the query, from 0 to 1.
    private func quantileFraction(_ expression: Expr) throws(Diagnostic) -> DecimalNumber {
        let number: DecimalNumber?
        switch expression.kind {
        case .literal(.integer(let whole)): number = DecimalNumber(whole)
        case .literal(.decimal(let digits)): number = DecimalNumber.parse(digits, allowLeadingZeros: true)
        default: number = nil
        }
        guard let number, number >= DecimalNumber(0), number <= DecimalNumber(1) else {
            throw error(SemanticsMessages.badQuantileFraction(), at: expression.range)
        }
        return number
    }

    /// `0.9` → `90`, `0.25` → `25`, `0.999` → `99_9`.
    static func percentName(_ fraction: DecimalNumber) -> String {
        var digits = String(fraction.mantissa.magnitude)
        let scale = Int(fraction.scale)
        if scale <= 2 { return digits + String(repeating: "0", count: 2 - scale) }
        // Digits after the point of the percentage, trailing zeros dropped.
        while digits.count <= scale { digits = "0" + digits }
        let point = digits.index(digits.endIndex, offsetBy: -(scale - 2))
        var whole = String(digits[..<point])
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        var rest = String(digits[point...])
        while rest.hasSuffix("0") { rest.removeLast() }
        return rest.isEmpty ? whole : whole + "_" + rest
    }

    /// Binds an item over the aggregates' hidden fields and the keys. A field that is neither
    /// a key nor inside an aggregate has no single value per group: say so.
    private func bindItem(_ rewritten: Expr, original: Expr, inner: Scope, outer: Scope) throws(Diagnostic) -> BoundExpr {
        do {
            return try bind(rewritten, in: inner)
        } catch {
            if case .name(let name)? = firstUngroupedName(rewritten, inner: inner, outer: outer) {
                throw self.error(SemanticsMessages.notGroupedNorAggregated(name.text), at: name.range)
            }
            throw error
        }
    }

    private func firstUngroupedName(_ expression: Expr, inner: Scope, outer: Scope) -> ExprKind? {
        if case .name = expression.kind {
            let inInner = (try? lookupField(expression, in: inner)) ?? nil
            let inOuter = (try? lookupField(expression, in: outer)) ?? nil
            return inInner == nil && inOuter != nil ? expression.kind : nil
        }
        for child in expression.children {
            if let found = firstUngroupedName(child, inner: inner, outer: outer) { return found }
        }
        return nil
    }

    /// An item with no aggregate: a field named alone (`summarize region`), or a function that
    /// is no aggregate (`summarize mean(x)`).
    private func itemWithoutAggregate(_ expression: Expr, in scope: Scope) -> Diagnostic {
        if case .call(let name, _) = expression.kind, BuiltinFunction(rawValue: name.text.lowercased()) == nil {
            return error(SyntaxMessages.notAnAggregate(name.text), at: name.range)
        }
        return error(SemanticsMessages.itemWithoutAggregate(source.text(expression.range)), at: expression.range)
    }
}
