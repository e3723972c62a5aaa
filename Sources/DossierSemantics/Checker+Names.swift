import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// The position of a field named by `expression` (a name or `source.field`), or nil.
    package func lookupField(_ expression: Expr, in scope: Scope) throws(Diagnostic) -> Int? {
        switch expression.kind {
        case .name(let name):
            let key = FieldName.key(name.text)
            var matches = scope.fields.indices.filter { FieldName.key(scope.fields[$0].name) == key }
            if matches.count > 1 {
                // A joined field with a taken name is qualified; the plain name is the pipeline's.
                let plain = matches.filter { scope.fields[$0].qualifier == nil }
                if plain.count == 1 { matches = plain }
            }
            if matches.count > 1 {
                let candidates = matches.map { scope.fields[$0].displayName }
                throw error(SemanticsMessages.ambiguousField(name.text, candidates: candidates), at: name.range)
            }
            return matches.first
        case .qualified(let qualifier, let name):
            let key = FieldName.key(name.text)
            let qualifierKey = FieldName.key(qualifier.text)
            let named = scope.fields.indices.filter { FieldName.key(scope.fields[$0].name) == key }
            // A field qualified by a join wins over the pipeline's own: after `l join l`,
            // `l.name` is the joined copy and plain `name` the pipeline's.
            if let joined = named.first(where: { scope.fields[$0].qualifier.map(FieldName.key) == qualifierKey }) {
                return joined
            }
            return named.first { scope.fields[$0].qualifier == nil && FieldName.key(scope.sourceName) == qualifierKey }
        default:
            return nil
        }
    }

    /// "no field `regoin`", with the closest fields and the list of fields.
    package func unknownField(_ expression: Expr, in scope: Scope) -> Diagnostic {
        let written = source.text(expression.range)
        var typed = written
        if case .name(let name) = expression.kind { typed = name.text }
        if case .qualified(_, let name) = expression.kind { typed = name.text }
        let message = SemanticsMessages.unknownField(
            written, typed: typed, at: expression.range, droppedBy: scope.droppedBy[FieldName.key(typed)], fields: scope.fields)
        return error(message, at: expression.range)
    }

    package static func fieldList(_ fields: [Field]) -> String {
        let shown = fields.prefix(30).map(\.displayName).joined(separator: ", ")
        return fields.count > 30 ? shown + ", … (\(fields.count) in all)" : shown
    }
}
