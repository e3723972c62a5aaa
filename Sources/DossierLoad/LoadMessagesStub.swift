import DossierDiagnostics

// Until the cleanup branch (which brings LoadMessages.swift) is merged: removed at that merge.
package enum LoadMessages {
    package static func tooManyRows(limit: Int, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(.tooLarge, "more than \(limit) rows", at: location)
    }
}
