import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// `share`, `rank`, `running total` and `change` keep every row and field and add their own
    /// at the end; `expand` repeats rows, one an item.
    package func checkShare(_ value: Expr?, per: [Expr], clause: Clause, scope: inout Scope) throws(Diagnostic) -> PlanStepKind {
        let number = try analysedNumber(value, clause: "share", at: clause, in: scope)
        let keys = try bindPer(per, in: scope)
        scope.fields.append(Field(freeName("share", in: scope.fields), .decimal))
        return .share(number, per: keys)
    }

    package func checkRunningTotal(_ value: Expr?, per: [Expr], clause: Clause, scope: inout Scope) throws(Diagnostic) -> PlanStepKind {
        let number = try analysedNumber(value, clause: "running total", at: clause, in: scope)
        let keys = try bindPer(per, in: scope)
        scope.fields.append(Field(freeName("running_total", in: scope.fields), number.type ?? .integer))
        return .runningTotal(number, per: keys)
    }

    package func checkChange(_ value: Expr?, per: [Expr], clause: Clause, scope: inout Scope) throws(Diagnostic) -> PlanStepKind {
        let number = try analysedNumber(value, clause: "change", at: clause, in: scope)
        let keys = try bindPer(per, in: scope)
        // A difference of integers can outgrow them; the engine widens the column if so.
        scope.fields.append(Field(freeName("change", in: scope.fields), number.type ?? .integer))
        scope.fields.append(Field(freeName("change_pct", in: scope.fields), .decimal))
        return .change(number, per: keys)
    }

    package func checkRank(_ keys: [SortKey], per: [Expr], clause: Clause, scope: inout Scope) throws(Diagnostic) -> PlanStepKind {
        var bound: [BoundSortKey] = []
        for key in keys {
            bound.append(BoundSortKey(expression: try bind(key.expression, in: scope), descending: key.descending))
        }
        if bound.isEmpty {
            // Bare `rank`: the biggest of the last number first (after `count by`, the most rows).
            bound = [BoundSortKey(expression: try analysedNumber(nil, clause: "rank", at: clause, in: scope), descending: true)]
        }
        let groups = try bindPer(per, in: scope)
        scope.fields.append(Field(freeName("rank", in: scope.fields), .integer))
        return .rank(bound, per: groups)
    }

    package func checkExpand(_ field: Expr, scope: inout Scope) throws(Diagnostic) -> PlanStepKind {
        guard let index = try lookupField(field, in: scope) else { throw unknownField(field, in: scope) }
        let type = scope.fields[index].type
        guard type == .list else {
            throw error(SemanticsMessages.expandNeedsList(source.text(field.range), type), at: field.range)
        }
        scope.fields[index].type = .text
        return .expand(index)
    }

    /// The number a clause works on: `of F`, else the last numeric field (after `count by`,
    /// the count; after `summarize`, the last aggregate).
    private func analysedNumber(_ value: Expr?, clause name: String, at clause: Clause, in scope: Scope) throws(Diagnostic) -> BoundExpr {
        guard let value else {
            guard let index = scope.fields.lastIndex(where: { $0.type.isNumeric }) else {
                throw error(SemanticsMessages.noNumberToAnalyse(name, fields: scope.fields), at: clause.keywordRange)
            }
            return .field(index, scope.fields[index].type)
        }
        let bound = try bind(value, in: scope)
        guard let type = bound.type, type.isNumeric else {
            throw error(SemanticsMessages.analysisNeedsNumber(name, source.text(value.range), bound.type), at: value.range)
        }
        return bound
    }

    /// The groups of `per G, ...`: exact values, a list as one value (as `limit ... per`).
    private func bindPer(_ keys: [Expr], in scope: Scope) throws(Diagnostic) -> [BoundExpr] {
        if keys.isEmpty { return [] }
        return try bindKeys(keys, in: scope, explodingLists: false).0
    }

    /// `name`, or `name_2`, `name_3` … when a field has it already.
    private func freeName(_ name: String, in fields: [Field]) -> String {
        let taken = Set(fields.map { FieldName.key($0.name) })
        guard taken.contains(FieldName.key(name)) else { return name }
        var suffix = 2
        while taken.contains(FieldName.key("\(name)_\(suffix)")) { suffix += 1 }
        return "\(name)_\(suffix)"
    }
}
