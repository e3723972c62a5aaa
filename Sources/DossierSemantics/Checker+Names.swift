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
                let options = matches.map { "`\(scope.fields[$0].displayName)`" }.joined(separator: " or ")
                throw error(.ambiguousField, "`\(name.text)` is in both joined datasets", at: name.range,
                    hint: "write \(options)")
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
        let names = scope.fields.map(\.displayName)
        let close = Suggestions.closest(to: typed, in: names)
        var hint = ""
        var fixIts: [Diagnostic.FixIt] = []
        if let clause = scope.droppedBy[FieldName.key(typed)] {
            let shown = DisplayWidth.truncate(clause, to: 40)
            hint = "`\(typed)` was left out by `\(shown)` earlier in the query: keep it there, or move this clause before it\n"
        } else if let best = close.first {
            hint = "did you mean `\(best)`?\n"
            let plain = best.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            fixIts = [Diagnostic.FixIt(replacing: expression.range, with: plain ? best : "`\(best)`")]
        } else if let function = BuiltinFunction(rawValue: typed.lowercased()) {
            hint = "`\(function.rawValue)` is a function: \(function.summary)\n"
        }
        hint += "fields: " + Checker.fieldList(scope.fields)
        return error(.unknownField, "no field `\(written)` here", at: expression.range, hint: hint, fixIts: fixIts)
    }

    package static func fieldList(_ fields: [Field]) -> String {
        let shown = fields.prefix(30).map(\.displayName).joined(separator: ", ")
        return fields.count > 30 ? shown + ", … (\(fields.count) in all)" : shown
    }
}
