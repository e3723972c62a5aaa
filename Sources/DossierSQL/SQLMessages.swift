import DossierSupport
import DossierDiagnostics
import DossierData

/// Every text the SQL compiler puts in a diagnostic or an explanation.
package enum SQLMessages {
    /// A part of a plan that does not run on the server yet, named as the user wrote it.
    package static func untranslatable(_ construct: String) -> String {
        "\(construct) does not run on the server yet"
    }

    package static func tooManyRowsToFinish(_ construct: String, limit: Int) -> Diagnostic {
        Diagnostic(.tooLarge,
            "\(untranslatable(construct)), and finishing it in dossier would fetch more than \(NumberWords.grouped(limit)) rows",
            hint: "filter on the server first (a where before it), or save a smaller result: save … to postgres NAME")
    }

    package static func badCell(_ text: String, field: String, type: ValueType) -> Diagnostic {
        Diagnostic(.badData, "the server sent `\(text)` for `\(field)`, which is not \(type.rawValue)",
            hint: "the table's type may have changed on the server: run `connect` again to read it anew")
    }

    package static func mixedSources(_ local: String) -> Diagnostic {
        Diagnostic(.misplacedClause, "`\(local)` is a local dataset and this query also reads a server table",
            hint: "put it on the server first: save \(local) to postgres \(local), then join the server table")
    }
}
