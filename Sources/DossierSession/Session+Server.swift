import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierSQL
import DossierPostgres

/// The session's side of issue 16: `connect`, queries over server tables compiled to SQL (the
/// rest of a plan, if any, finished by the in-memory engine), `save … to postgres`.
extension Session {
    /// A step the compiler does not translate may be finished here, on at most this many rows
    /// fetched; more is an error that names the step, never a process that runs out of memory.
    package static let maximumFetchedRows = 5_000_000

    // MARK: - connect

    /// `connect URL`: the server's tables and views become datasets (replacing those of an
    /// earlier connection). A local dataset keeps its name; a server table of the same name
    /// is then reached as `NAME_2`.
    package func connect(_ url: String) throws(Diagnostic) {
        let connection = try PostgresConnection.connect(url)
        let tables = try ServerCatalog.read(connection, cancellation: cancellation)
        var updated = catalog
        for dataset in catalog.datasets where dataset.remote != nil { updated.remove(dataset.name) }
        var names: [String] = []
        for table in tables {
            var dataset = table.dataset
            if updated[dataset.name] != nil {
                var suffix = 2
                while updated["\(dataset.name)_\(suffix)"] != nil { suffix += 1 }
                dataset = dataset.renamed("\(dataset.name)_\(suffix)")
            }
            updated.set(.dataset(dataset))
            names.append(dataset.name)
            if !table.skipped.isEmpty { note(Diagnostic(.dataWarning, ServerMessages.skippedColumns(dataset.name, table.skipped), severity: .warning)) }
        }
        server?.close()
        server = connection
        commit(updated)
        note(Diagnostic(.loaded, ServerMessages.connected(connection.display, names), severity: .note))
    }

    /// `--connect URL`: `connect` before any statement; a failure is reported (the URL without
    /// its password) and the session goes on without the server.
    public func connectAtStart(_ url: String) -> Bool {
        do throws(Diagnostic) {
            try connect(url)
            return true
        } catch {
            var reported = error
            reported.message = ServerMessages.atStart(reported.message)
            output.emit(.diagnostic(reported))
            return false
        }
    }

    /// Whether any part of the plan reads a server table.
    package func touchesServer(_ plan: LogicalPlan) -> Bool {
        Session.readsServer(plan)
    }

    package static func readsServer(_ plan: LogicalPlan) -> Bool {
        switch plan.source {
        case .dataset(let dataset): if dataset.remote != nil { return true }
        case .namedQuery(_, let inner): if readsServer(inner) { return true }
        }
        return plan.steps.contains { step in
            if case .join(let join) = step.kind { return readsServer(join.right) }
            return false
        }
    }

    // MARK: - Running

    /// The plan's result: on the server as far as it compiles, the rest here. Local parts
    /// smaller than the server's go there for the query (`MixedPlan`).
    package func runOnServer(_ plan: LogicalPlan) throws(Diagnostic) -> Relation {
        guard let connection = server else { throw ServerMessages.notConnected() }
        let mixed = try placeLocalParts(plan)
        mixed.notes.forEach(note)
        guard !mixed.uploads.isEmpty else { return try runPlaced(plan, connection: connection) }
        let fetching = { () throws(Diagnostic) in try self.runPlaced(plan, connection: connection) }
        return try withUploads(mixed, connection: connection, otherwise: fetching) { () throws(Diagnostic) in
            try runPlaced(mixed.plan, connection: connection)
        }
    }

    /// A plan whose local parts stay local: the server runs what compiles.
    private func runPlaced(_ plan: LogicalPlan, connection: PostgresConnection) throws(Diagnostic) -> Relation {
        if let compiled = PlanCompiler.compile(plan) {
            let limit = compiled.remainder.isEmpty ? nil : Session.maximumFetchedRows
            let relation = try fetch(compiled, connection: connection, limit: limit)
            if compiled.remainder.isEmpty { return relation }
            return try finishHere(compiled.remainder, over: relation, fields: compiled.fields)
        }
        // The source is not on the server (a local dataset joined with a server table, or a
        // named query that stops early): its rows here, then every step here.
        let base: Relation
        switch plan.source {
        case .dataset(let dataset): base = Relation(dataset)
        case .namedQuery(_, let inner):
            base = touchesServer(inner) ? try runOnServer(inner) : try Executor(cancellation: cancellation).run(inner).relation
        }
        return try finishHere(plan.steps, over: base, fields: plan.sourceFields)
    }

    private func fetch(_ compiled: CompiledQuery, connection: PostgresConnection, limit: Int?) throws(Diagnostic) -> Relation {
        var decoder = ResultDecoder(outputs: compiled.outputs, fields: compiled.fields)
        try connection.query(compiled.sql, cancellation: cancellation, columns: { _ in }) { row throws(Diagnostic) in
            try decoder.append { row.text($0) }
            if let limit, decoder.rowCount > limit {
                throw SQLMessages.tooManyRowsToFinish(compiled.stoppedBy ?? "this step", limit: limit)
            }
        }
        return decoder.relation()
    }

    /// Steps run by the in-memory engine over rows already here; a join with a server table
    /// fetches that side first (its own filters run on the server).
    private func finishHere(_ steps: [PlanStep], over relation: Relation, fields: [Field]) throws(Diagnostic) -> Relation {
        let compact = relation.compacted()
        let dataset = Dataset(name: "result", fields: fields, columns: compact.columns, rowCount: compact.count, origin: "server")
        var local: [PlanStep] = []
        for var step in steps {
            if case .join(var join) = step.kind, touchesServer(join.right) {
                let right = try runOnServer(join.right).compacted()
                if right.count > Session.maximumFetchedRows {
                    throw SQLMessages.tooManyRowsToFinish("joining `\(join.right.sourceName)`", limit: Session.maximumFetchedRows)
                }
                let fetched = Dataset(name: join.right.sourceName, fields: join.right.fields, columns: right.columns,
                    rowCount: right.count, origin: "server")
                join.right = LogicalPlan(source: .dataset(fetched), sourceFields: join.right.fields, steps: [])
                step.kind = .join(join)
            }
            local.append(step)
        }
        let plan = LogicalPlan(source: .dataset(dataset), sourceFields: fields, steps: local)
        return try Executor(cancellation: cancellation).run(plan).relation
    }

    /// What `explain` says of a plan over server tables: the SQL sent, and what dossier does after.
    package func explainOnServer(_ plan: LogicalPlan, source: SourceText) throws(Diagnostic) -> String {
        let mixed = try placeLocalParts(plan)
        let moves = mixed.notes.map { $0.message + "\n" }.joined()
        guard let compiled = PlanCompiler.compile(mixed.plan) else {
            return moves + ServerMessages.explainLocalSource(plan.sourceName)
        }
        var text = moves + "runs on \(server?.display ?? "the server") as:\n  \(compiled.sql)\n"
        if !compiled.remainder.isEmpty {
            let clauses = compiled.remainder.map { source.text($0.ranges.first.map { $0.lowerBound..<($0.upperBound) } ?? 0..<0) }
            text += "then in dossier (\(compiled.stoppedBy ?? "not translated yet")): " + clauses.joined(separator: " | ") + "\n"
        }
        return text
    }

    // MARK: - save … to postgres

    package func saveToServer(_ query: Query, table: Name, source: SourceText) throws(Diagnostic) {
        guard let connection = server else { throw ServerMessages.notConnected() }
        let plan = try plan(query, source: source)
        let relation = touchesServer(plan) ? try runOnServer(plan) : try Executor(cancellation: cancellation).run(plan).relation
        var existing: RemoteTable?
        // A local dataset of that name is replaced by the server table (as a load replaces),
        // so a file uploaded once is then queried on the server by the same name.
        var replacesLocal = false
        if case .dataset(let dataset)? = catalog[table.text] {
            if let remote = dataset.remote {
                guard remote.orderColumn != nil, remote.schema == "public" else { throw ServerMessages.notOurs(table.text) }
                existing = remote
            } else {
                replacesLocal = true
            }
        }
        let remote = try ServerUpload.upload(relation.compacted(), as: table.text, existing: existing, connection: connection,
            cancellation: cancellation)
        var updated = catalog
        let dataset = Dataset(name: table.text, fields: relation.fields.map { Field($0.name, $0.type) }, columns: [],
            rowCount: relation.count, origin: "\(connection.display) table public.\(table.text)", remote: remote)
        updated.set(.dataset(dataset))
        commit(updated)
        note(Diagnostic(.saved, ServerMessages.uploaded(relation.count, table.text, connection.display), severity: .note))
        if replacesLocal { note(Diagnostic(.replaced, ServerMessages.replacedLocal(table.text), severity: .note)) }
    }
}
