import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// `join S on A = B`: one key on each side, in either order. The pipeline's key may be a
    /// list, whose items each meet the joined side's text.
    package func checkJoin(_ join: JoinClause, scope: inout Scope) throws(Diagnostic) -> PlanStepKind {
        let right = try resolveSource(join.source)
        let rightName = catalog[join.source.text]?.name ?? join.source.text
        let rightScope = Scope(fields: right.fields, sourceName: rightName)

        var keys: (Int, Int)?
        if let left = try? lookupField(join.leftKey, in: scope), let rightIndex = try? lookupField(join.rightKey, in: rightScope) {
            keys = (left, rightIndex)
        } else if let left = try? lookupField(join.rightKey, in: scope),
            let rightIndex = try? lookupField(join.leftKey, in: rightScope)
        {
            keys = (left, rightIndex)
        }
        guard let (leftKey, rightKey) = keys else {
            if (try lookupField(join.leftKey, in: scope)) == nil, (try? lookupField(join.leftKey, in: rightScope)) == nil {
                throw unknownField(join.leftKey, in: scope)
            }
            throw unknownField(join.rightKey, in: rightScope)
        }
        let leftType = scope.fields[leftKey].type
        let rightType = rightScope.fields[rightKey].type
        // A list on the pipeline's side meets a row whose key equals ANY of its items (§4), as
        // `=` does: `zones select split(codes, ",") as code | join iso3166 on code = alpha_2`.
        let anyItem = leftType == .list && rightType == .text
        let comparable = (leftType.isNumeric && rightType.isNumeric) || (leftType == rightType && leftType != .list) || anyItem
        guard comparable else {
            throw error(
                SemanticsMessages.joinTypesDiffer(scope.fields[leftKey], rightScope.fields[rightKey]),
                at: join.leftKey.range.lowerBound..<join.rightKey.range.upperBound)
        }

        // The pipeline's fields keep their names; a joined field whose name is taken is reached
        // as `source.field` (§4), so `status` stays the pipeline's and `countries.status` is
        // the joined one.
        var joined = rightScope.fields
        let leftKeys = Set(scope.fields.map { FieldName.key($0.name) })
        for index in joined.indices where leftKeys.contains(FieldName.key(joined[index].name)) {
            joined[index].qualifier = rightName
        }
        scope = Scope(fields: scope.fields + joined, sourceName: scope.sourceName)
        return .join(BoundJoin(isLeft: join.isLeft, right: right, leftKey: leftKey, rightKey: rightKey))
    }
}
