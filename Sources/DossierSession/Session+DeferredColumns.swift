import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan
import DossierSemantics

/// Deferred columns (a large JSON file's, issue 13): a statement's plan says which fields it
/// reads, and those columns are built before it runs, so `count t by region` on a file of ten
/// fields builds one. A field is typed only once built, so the plan is made again afterwards.
extension Session {
    /// Builds the columns `statement` will read that are still deferred.
    package func buildDeferredColumns(for statement: Statement, source: SourceText) throws(Diagnostic) {
        guard catalog.datasets.contains(where: \.hasDeferredColumns) else { return }
        switch statement.kind {
        case .query(let query), .explain(let query), .save(let query, _), .saveToServer(let query, _), .letBinding(_, let query):
            try buildDeferredColumns(for: query, text: source.text(statement.range), source: source)
        case .describe, .cite:
            // Describe shows every field's type; citations read the quote and source fields.
            try buildAllDeferredColumns()
        default:
            break
        }
    }

    /// Builds every deferred column (Tab completion may offer any field's values). Warnings
    /// about the values wait for the next statement: the line being edited must not move.
    public func buildAllDeferredColumnsQuietly() {
        let before = heldDiagnostics.count
        do throws(Diagnostic) {
            try buildAllDeferredColumns(hold: true)
        } catch {
            heldDiagnostics.removeSubrange(before...)
        }
    }

    package func buildAllDeferredColumns(hold: Bool = false) throws(Diagnostic) {
        for dataset in catalog.datasets where dataset.hasDeferredColumns {
            try build(dataset, fields: Set(dataset.fields.indices), hold: hold)
        }
    }

    /// Warnings held while a line was being edited, shown before the next statement's output.
    package func showHeldDiagnostics() {
        let held = heldDiagnostics
        heldDiagnostics = []
        held.forEach(note)
    }

    private func buildDeferredColumns(for query: Query, text: String, source: SourceText) throws(Diagnostic) {
        // Fields named in the statement first: the plan can only be typed with them built.
        let words = Session.words(of: text)
        for dataset in catalog.datasets where dataset.hasDeferredColumns {
            let named = Set(dataset.fields.indices.filter { words.contains(FieldName.key(dataset.fields[$0].name)) })
            try build(dataset, fields: named, hold: false)
        }
        // Then what the plan reads that the text did not name (`*`, every field shown), again
        // until nothing it reads waits (a field's type can change the plan).
        for _ in 0..<3 {
            guard let plan = try? plan(query, source: source) else {
                // The statement fails anyway; with every column built it fails for its real reason.
                try buildAllDeferredColumns()
                return
            }
            let waiting = ColumnUsage.datasetFields(of: plan).filter { dataset, fields in
                !(dataset.deferred?.fields.isDisjoint(with: fields) ?? true)
            }
            if waiting.isEmpty { return }
            for (dataset, fields) in waiting { try build(dataset, fields: fields, hold: false) }
        }
        try buildAllDeferredColumns()
    }

    /// The names a statement may use, as field keys: each run of letters, digits and `_`, the
    /// same with dots (`addr.city`), and each `quoted name`. More than it names, never less.
    static func words(of text: String) -> Set<String> {
        var words = Set<String>()
        var plain = ""
        var dotted = ""
        var quoted: String?
        func finish() {
            if !plain.isEmpty { words.insert(FieldName.key(plain)) }
            if !dotted.isEmpty { words.insert(FieldName.key(dotted)) }
            plain = ""
            dotted = ""
        }
        for character in text {
            if quoted != nil {
                if character == "`" {
                    words.insert(FieldName.key(quoted ?? ""))
                    quoted = nil
                } else {
                    quoted?.append(character)
                }
            } else if character == "`" {
                finish()
                quoted = ""
            } else if character.isLetter || character.isNumber || character == "_" {
                plain.append(character)
                dotted.append(character)
            } else if character == "." {
                if !plain.isEmpty { words.insert(FieldName.key(plain)) }
                plain = ""
                dotted.append(character)
            } else {
                finish()
            }
        }
        finish()
        if let quoted { words.insert(FieldName.key(quoted)) }
        return words
    }

    /// Builds `fields` of `dataset` and puts the result in the catalog in its place.
    private func build(_ dataset: Dataset, fields: Set<Int>, hold: Bool) throws(Diagnostic) {
        let (built, warnings) = try dataset.building(fields, cancellation: cancellation)
        guard built !== dataset else { return }
        var updated = catalog
        if case .dataset(let current)? = updated[dataset.name], current === dataset {
            updated.set(.dataset(built))
            commit(updated)
        }
        if hold {
            heldDiagnostics += warnings
        } else {
            warnings.forEach(note)
        }
    }
}
