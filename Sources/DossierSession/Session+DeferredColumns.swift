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
    /// The command line's inputs after the one about to run, so a load in one `-c` sees the
    /// statements of the next.
    public func setUpcoming(_ sources: [SourceText]) {
        followingStatements = sources.flatMap { Parser.parse($0).compactMap(\.statement) }
    }

    /// Whether a large JSON load should defer its columns: not when a statement known to follow
    /// would show every field (building them all after the load costs more than during it).
    package var shouldDeferColumns: Bool {
        !followingStatements.contains(where: Session.mayShowEveryField)
    }

    /// Whether a statement may show (or read) every field of a dataset: any but a query that
    /// ends in a `select` of named fields, a `count`, a `summarize` or a `distinct` of fields
    /// (a later `join` brings every field of its side again), and the statements that read no
    /// dataset. More than it shows, never less.
    static func mayShowEveryField(_ statement: Statement) -> Bool {
        switch statement.kind {
        case .query(let query), .letBinding(_, let query), .save(let query, _), .saveToServer(let query, _), .explain(let query):
            var closed = false
            for clause in query.clauses {
                switch clause.kind {
                case .select(let items): closed = !items.contains { if case .all = $0.kind { return true } else { return false } }
                case .count, .summarize: closed = true
                case .distinct(let keys): closed = !keys.isEmpty
                case .join: closed = false
                default: break
                }
            }
            return !closed
        case .cite, .describe, .run:
            return true
        case .load, .loadSample, .samples, .connect, .datasets, .set, .showOptions, .drop, .help, .quit:
            return false
        }
    }

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
            try finishBackgroundBuild(hold: true)
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

    /// Starts building the deferred columns of what a load installed, when the shell waits for
    /// lines (a script goes straight on, and builds only what its statements read).
    package func startBackgroundBuild(_ datasets: [Dataset]) {
        guard buildsColumnsInBackground, let dataset = datasets.last(where: \.hasDeferredColumns) else { return }
        backgroundBuild = BackgroundBuild(dataset)
    }

    /// Waits for the columns being built in the background (Ctrl-C stops the wait and the
    /// build: the columns stay deferred) and puts them in the catalog.
    package func finishBackgroundBuild(hold: Bool) throws(Diagnostic) {
        guard let build = backgroundBuild else { return }
        backgroundBuild = nil
        guard let (built, warnings) = build.wait(interrupt: cancellation) else {
            try cancellation.check()
            return
        }
        swapIn(build.dataset, built)
        if hold {
            heldDiagnostics += warnings
        } else {
            warnings.forEach(note)
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

    /// Puts `built` in the catalog in the place of `dataset`, if the catalog still holds it
    /// (a dataset loaded again or dropped meanwhile stays as it is).
    private func swapIn(_ dataset: Dataset, _ built: Dataset) {
        var updated = catalog
        if case .dataset(let current)? = updated[dataset.name], current === dataset {
            updated.set(.dataset(built))
            commit(updated)
        }
    }

    /// The names a statement may use, as field keys: each word and `quoted name` the lexer
    /// finds, and dotted runs of them (`addr.city`). More than it names; what it misses, the
    /// plan's reads catch.
    static func words(of text: String) -> Set<String> {
        let source = SourceText(text)
        var words = Set<String>()
        var dotted = ""
        var previous: TokenKind?
        for token in Tokens.of(source) {
            let name: String?
            switch token.kind {
            case .word: name = source.text(token.range)
            case .quotedName:
                // Inside the backticks, as the parser reads it.
                name = source.text((token.start + 1)..<(token.isUnterminated ? token.end : max(token.start + 1, token.end - 1)))
            default: name = nil
            }
            if let name {
                words.insert(FieldName.key(name))
                // `addr.city` written bare: the dotted whole is a name too.
                dotted = previous == .dot && !dotted.isEmpty ? dotted + "." + name : name
                words.insert(FieldName.key(dotted))
            } else if token.kind != .dot {
                dotted = ""
            }
            previous = token.kind
        }
        return words
    }

    /// Builds `fields` of `dataset` and puts the result in the catalog in its place.
    private func build(_ dataset: Dataset, fields: Set<Int>, hold: Bool) throws(Diagnostic) {
        let (built, warnings) = try dataset.building(fields, cancellation: cancellation)
        guard built !== dataset else { return }
        swapIn(dataset, built)
        if hold {
            heldDiagnostics += warnings
        } else {
            warnings.forEach(note)
        }
    }
}
