import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

extension Session {
    // MARK: - load

    package func load(_ path: String, alias: String?, options: LoadOptions = LoadOptions()) throws(Diagnostic) {
        let results = try DataLoader.load(path, as: alias, options: options, monitor: loadMonitor(), deferColumns: shouldDeferColumns)
        install(results, quiet: false)
    }

    package func loadSample(_ name: Name, source: SourceText, quiet: Bool = false) throws(Diagnostic) {
        guard let path = samples.path(for: name.text) else {
            throw SessionMessages.unknownSample(
                name.text, available: samples.names, at: name.range.isEmpty ? .none : .source(source, name.range))
        }
        let results = try DataLoader.load(path, as: nil, monitor: loadMonitor()).map { result in
            LoadResult(dataset: result.dataset.withOrigin("sample \(name.text)"), warnings: result.warnings.map(sampleRelative))
        }
        install(results, quiet: quiet)
    }

    /// A warning about a bundled file names it as `samples/NAME/FILE`, wherever dossier is
    /// installed, so transcripts do not depend on the machine.
    private func sampleRelative(_ warning: Diagnostic) -> Diagnostic {
        guard let directory = samples.directory, case .file(let path, let line, let column, let lineText) = warning.location,
            path.hasPrefix(directory + "/")
        else { return warning }
        var relative = warning
        relative.location = .file(path: "samples/" + path.dropFirst(directory.count + 1), line: line, column: column, lineText: lineText)
        return relative
    }

    /// Cancellation, and progress for files big enough to wait for (the shell shows it on a
    /// terminal only).
    private func loadMonitor() -> LoadMonitor {
        var lastShown = -1
        let output = self.output
        return LoadMonitor(cancellation: cancellation) { path, done, total in
            guard total >= 16 << 20 else { return }
            let percent = done >= total ? 100 : done * 100 / max(1, total)
            guard percent / 5 != lastShown / 5 || percent == 100 else { return }
            lastShown = percent
            output.emit(.progress("loading \(path)", percent))
        }
    }

    /// Puts loaded datasets in the catalog, all at once, saying what was replaced.
    private func install(_ results: [LoadResult], quiet: Bool) {
        var updated = catalog
        var notes: [Diagnostic] = []
        for result in results {
            let dataset = result.dataset
            for warning in result.warnings { output.emit(.diagnostic(warning)) }
            switch updated.set(.dataset(dataset)) {
            case .dataset(let previous)?: notes.append(SessionMessages.replaced(previous, with: dataset))
            case .query?: notes.append(SessionMessages.replacedNamedQuery(with: dataset))
            case nil: notes.append(SessionMessages.loaded(dataset))
            }
            // How the file was read (`read as ;-separated, …`), right after what it gave.
            notes += result.notes
        }
        commit(updated)
        if !quiet { notes.forEach(note) }
        startBackgroundBuild(results.map(\.dataset))
    }

    package func listSamples() {
        let names = samples.names
        let loaded = Set(catalog.datasets.map(\.origin))
        let datasets: [Value] = names.map { name in
            guard let path = samples.path(for: name), let files = try? FileAccess.list(directory: path) else { return .missing }
            let stems = files.filter { DataFormat(path: $0) != nil }.map(DataLoader.datasetName)
            return stems.isEmpty ? .missing : .list(stems)
        }
        try? emitResult(Relation(
            fields: [Field("sample", .text), Field("datasets", .list), Field("loaded", .bool)],
            columns: [
                Column.build(.text, names.map { .text($0) }),
                Column.build(.list, datasets),
                Column.build(.bool, names.map { .bool(loaded.contains("sample \($0)")) }),
            ],
            rows: .all(names.count)))
        if names.isEmpty { note(SessionMessages.noSamples()) }
    }

    // MARK: - save

    package func save(_ query: Query, to path: PathArgument, source: SourceText) throws(Diagnostic) {
        if SVGChartWriter.isSVG(path: path.text) {
            try saveChart(query, to: path, source: source)
            return
        }
        guard let format = OutputFormat(pathExtension: path.text) else {
            throw SessionMessages.unknownSaveFormat(path.text, at: .source(source, path.range))
        }
        let plan = try plan(query, source: source)
        let relation = try Executor(cancellation: cancellation).run(plan).relation
        var text = ""
        switch format {
        case .csv: DelimitedFormatter(separator: ",", typedHeaders: true).render(relation, into: &text, cancellation: cancellation)
        case .tsv: DelimitedFormatter(separator: "\t", typedHeaders: true).render(relation, into: &text, cancellation: cancellation)
        default: format.render(relation, into: &text, cancellation: cancellation)
        }
        try cancellation.check()
        try write(text, to: path, source: source)
        note(SessionMessages.saved(relation.count, to: path.text))
    }

    /// Writes a saved file; an error names the path where the statement named it.
    package func write(_ text: String, to path: PathArgument, source: SourceText) throws(Diagnostic) {
        do throws(FileError) {
            try FileAccess.write(Array(text.utf8), to: path.text)
        } catch {
            var located = Diagnostic(error)
            located.location = .source(source, path.range)
            located.message = SessionMessages.cannotSave(to: path.text, error.message)
            throw located
        }
    }

    // MARK: - datasets, describe, drop

    package func listDatasets() {
        var names: [Value] = []
        var rows: [Value] = []
        var fields: [Value] = []
        var sources: [Value] = []
        for entry in catalog.all {
            names.append(.text(entry.name))
            switch entry {
            case .dataset(let dataset) where dataset.remote != nil:
                // A server's estimate, not a count: `count NAME` counts.
                rows.append(dataset.remote?.estimatedRows.map { .integer(Int64($0)) } ?? .missing)
                fields.append(.integer(Int64(dataset.fields.count)))
                sources.append(.text(dataset.origin))
            case .dataset(let dataset):
                rows.append(.integer(Int64(dataset.rowCount)))
                fields.append(.integer(Int64(dataset.fields.count)))
                sources.append(.text(dataset.origin))
            case .query(let named):
                let checker = Checker(catalog: catalog, source: named.source)
                if let plan = try? checker.check(named.query),
                    let relation = touchesServer(plan) ? try? runOnServer(Optimizer.optimize(plan)) : try? Executor(cancellation: cancellation).run(plan).relation
                {
                    rows.append(.integer(Int64(relation.count)))
                    fields.append(.integer(Int64(relation.fields.count)))
                } else {
                    rows.append(.missing)
                    fields.append(.missing)
                }
                sources.append(.text("let \(named.name) = \(named.text)"))
            }
        }
        try? emitResult(Relation(
            fields: [Field("name", .text), Field("rows", .integer), Field("fields", .integer), Field("source", .text)],
            columns: [
                Column.build(.text, names), Column.build(.integer, rows), Column.build(.integer, fields),
                Column.build(.text, sources),
            ],
            rows: .all(names.count)))
        if names.isEmpty { note(SessionMessages.nothingLoaded()) }
    }

    package func describe(_ name: Name, source: SourceText) throws(Diagnostic) {
        let plan = try Checker(catalog: catalog, source: source).resolveSource(name)
        var profile: Relation
        var rows: Int
        var notes: [Diagnostic] = []
        if touchesServer(plan), let connection = server, let computed = try describeOnServer(plan, connection: connection) {
            (profile, rows) = computed
        } else {
            let relation = touchesServer(plan) ? try runOnServer(plan).compacted() : try Executor(cancellation: cancellation).run(plan).relation.compacted()
            profile = try Profile.describe(relation, cancellation: cancellation)
            rows = relation.count
            notes = Profile.notes(relation)
        }
        try emitResult(profile)
        let origin: String
        switch plan.source {
        case .dataset(let dataset): origin = SessionMessages.fromOrigin(dataset.origin)
        case .namedQuery(let queryName, _):
            origin = SessionMessages.fromNamedQuery(catalog[queryName].flatMap { entry -> String? in
                if case .query(let named) = entry { return named.text }
                return nil
            } ?? queryName)
        }
        note(SessionMessages.describeSummary(plan.sourceName, rows: rows, fields: plan.fields.count, origin: origin))
        notes.forEach(note)
    }

    package func drop(_ name: Name, source: SourceText) throws(Diagnostic) {
        var updated = catalog
        guard let removed = updated.remove(name.text) else {
            throw SessionMessages.nothingToDrop(name.text, known: catalog.names, at: .source(source, name.range))
        }
        commit(updated)
        switch removed {
        case .dataset(let dataset): note(SessionMessages.droppedDataset(dataset.name))
        case .query(let named): note(SessionMessages.droppedNamedQuery(named.name))
        }
    }
}

extension Dataset {
    package func withOrigin(_ origin: String) -> Dataset {
        Dataset(name: name, fields: fields, columns: columns, rowCount: rowCount, origin: origin, deferred: deferred)
    }
}
