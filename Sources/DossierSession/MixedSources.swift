import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierSQL
import DossierPostgres

/// A query that joins a local dataset with a server table. Either side can move: the local
/// rows go to the server as a temporary table (with the folded, order and sort keys dossier
/// computes, so the server compares text as dossier does), or the server's rows come here.
/// The smaller side moves, by the server's estimate of its table; a note says which.
struct MixedPlan {
    /// A local part of the query, sent as a temporary table.
    struct Upload {
        /// The local part's name in the query.
        var name: String
        var relation: Relation
        var table: String
    }

    /// The plan with the local parts that move replaced by their temporary tables.
    var plan: LogicalPlan
    var uploads: [Upload]
    var notes: [Diagnostic]
}

extension Session {
    /// Decides, for each local part of a plan that reads a server table (its source, a joined
    /// side), whether it goes to the server. Nothing is sent yet: `explain` asks too.
    func placeLocalParts(_ plan: LogicalPlan) throws(Diagnostic) -> MixedPlan {
        var mixed = MixedPlan(plan: plan, uploads: [], notes: [])
        let serverRows = Session.largestServerTable(plan)
        let serverName = Session.serverTableNames(plan).first ?? "the server table"
        if !Session.readsServer(LogicalPlan(source: plan.source, sourceFields: plan.sourceFields, steps: [])) {
            let local = try localRows(LogicalPlan(source: plan.source, sourceFields: plan.sourceFields, steps: []))
            if let upload = decide(plan.sourceName, local, serverRows: serverRows, serverName: serverName, into: &mixed) {
                mixed.plan.source = .dataset(upload)
                mixed.plan.sourceFields = local.fields
            }
        }
        for (index, step) in plan.steps.enumerated() {
            guard case .join(var join) = step.kind, !Session.readsServer(join.right) else { continue }
            let local = try localRows(join.right)
            if let upload = decide(join.right.sourceName, local, serverRows: serverRows, serverName: serverName, into: &mixed) {
                join.right = LogicalPlan(source: .dataset(upload), sourceFields: local.fields, steps: [])
                mixed.plan.steps[index].kind = .join(join)
            }
        }
        return mixed
    }

    /// A local part of `rows` rows moves when it is no larger than the server's largest table
    /// in the query (what fetching would bring, at most); the note says which way it went.
    private func decide(
        _ name: String, _ local: Relation, serverRows: Int?, serverName: String, into mixed: inout MixedPlan
    ) -> Dataset? {
        guard let server, local.count <= (serverRows ?? Int.max) else {
            mixed.notes.append(ServerMessages.fetchingForLocal(name, rows: local.count, server: serverName, serverRows: serverRows))
            return nil
        }
        uploadCount += 1
        let table = "dossier_local_\(uploadCount)"
        mixed.uploads.append(MixedPlan.Upload(name: name, relation: local, table: table))
        mixed.notes.append(ServerMessages.uploadingLocal(name, rows: local.count, server: serverName, serverRows: serverRows))
        let remote = ServerUpload.remoteTable(local.fields, name: table, schema: "pg_temp", rows: local.count, server: server.display)
        return Dataset(name: name, fields: local.fields, columns: [], rowCount: local.count, origin: "local, sent for this query",
            remote: remote)
    }

    /// The rows of a part of a plan that reads no server table.
    private func localRows(_ plan: LogicalPlan) throws(Diagnostic) -> Relation {
        try Executor(cancellation: cancellation).run(plan).relation.compacted()
    }

    /// Sends the uploads, runs `body`, and drops the temporary tables however it ends. When
    /// the server will not take a temporary table (no TEMPORARY privilege, a read-only
    /// replica), a note says so with the server's words and `otherwise` runs instead.
    func withUploads<T>(
        _ mixed: MixedPlan, connection: PostgresConnection, otherwise: () throws(Diagnostic) -> T,
        _ body: () throws(Diagnostic) -> T
    ) throws(Diagnostic) -> T {
        var sent: [String] = []
        defer {
            if connection.isOpen, !sent.isEmpty {
                let tables = sent.map { "pg_temp." + SQLText.identifier($0) }.joined(separator: ", ")
                try? connection.execute("DROP TABLE IF EXISTS \(tables)", cancellation: nil)
            }
        }
        for upload in mixed.uploads {
            do throws(Diagnostic) {
                _ = try ServerUpload.upload(upload.relation, as: upload.table, existing: nil, connection: connection,
                    cancellation: cancellation, temporary: true)
            } catch {
                if cancellation.isCancelled || !connection.isOpen { throw error }
                note(ServerMessages.cannotUpload(upload.name, reason: error.message))
                return try otherwise()
            }
            sent.append(upload.table)
        }
        return try body()
    }

    /// The server's estimate of the largest server table the plan reads; nil when it has none.
    static func largestServerTable(_ plan: LogicalPlan) -> Int? {
        var largest: Int?
        var unknown = false
        visitServerTables(plan) { remote in
            if let rows = remote.estimatedRows { largest = max(largest ?? 0, rows) } else { unknown = true }
        }
        return unknown ? nil : largest
    }

    static func serverTableNames(_ plan: LogicalPlan) -> [String] {
        var names: [String] = []
        visitServerTables(plan) { names.append($0.name) }
        return names
    }

    private static func visitServerTables(_ plan: LogicalPlan, _ body: (RemoteTable) -> Void) {
        switch plan.source {
        case .dataset(let dataset): if let remote = dataset.remote { body(remote) }
        case .namedQuery(_, let inner): visitServerTables(inner, body)
        }
        for step in plan.steps {
            if case .join(let join) = step.kind { visitServerTables(join.right, body) }
        }
    }
}
