import DossierSupport
import DossierDiagnostics
import DossierData

/// Every text the session says about servers: connecting, uploading, and what cannot be done.
package enum ServerMessages {
    package static func connected(_ display: String, _ names: [String]) -> String {
        let listed = names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "")
        return "connected to \(display): \(names.count) \(names.count == 1 ? "table or view" : "tables and views")"
            + (names.isEmpty ? "" : " (\(listed))")
    }

    package static func skippedColumns(_ table: String, _ columns: [String]) -> String {
        "`\(table)`: columns dossier cannot show are left out: \(columns.joined(separator: ", "))"
    }

    /// A connection asked for on the command line (`--connect`) that failed.
    package static func atStart(_ message: String) -> String {
        "--connect: \(message)"
    }

    package static func notConnected() -> Diagnostic {
        Diagnostic(.connection, "not connected to a server",
            hint: "connect postgres://user@host:5432/database (or set PGHOST, PGUSER, PGDATABASE and type connect)")
    }

    package static func uploaded(_ rows: Int, _ table: String, _ display: String) -> String {
        "saved \(rows) row\(rows == 1 ? "" : "s") to the table `\(table)` on \(display)"
    }

    package static func replacedLocal(_ name: String) -> String {
        "`\(name)` now names the server table (the local dataset of that name is no longer in the catalog)"
    }

    package static func notOurs(_ name: String) -> Diagnostic {
        Diagnostic(.duplicateName, "the server already has a table `\(name)` that dossier did not write",
            hint: "choose another name: dossier replaces only tables it saved itself")
    }

    /// A local part of a query sent to the server as a temporary table (`MixedPlan`).
    package static func uploadingLocal(_ name: String, rows: Int, server: String, serverRows: Int?) -> Diagnostic {
        Diagnostic(.summary, "`\(name)` is local (\(rowsText(rows))): it goes to the server as a temporary table for this query, "
            + "so `\(server)` (\(estimate(serverRows))) stays there", severity: .note)
    }

    /// A local part of a query too large to send: the server's rows come here instead.
    package static func fetchingForLocal(_ name: String, rows: Int, server: String, serverRows: Int?) -> Diagnostic {
        Diagnostic(.summary, "`\(name)` is local (\(rowsText(rows))), more than `\(server)` on the server (\(estimate(serverRows))): "
            + "the server's rows are fetched and the query finishes in dossier", severity: .note)
    }

    /// A local part the server would not take as a temporary table: fetching instead.
    package static func cannotUpload(_ name: String, reason: String) -> Diagnostic {
        Diagnostic(.summary, "`\(name)` could not go to the server after all (\(reason)): "
            + "the server's rows are fetched instead and the query finishes in dossier", severity: .note)
    }

    private static func rowsText(_ rows: Int) -> String {
        "\(NumberWords.grouped(rows)) row\(rows == 1 ? "" : "s")"
    }

    private static func estimate(_ rows: Int?) -> String {
        rows.map { "about \(rowsText($0))" } ?? "no estimate of its rows"
    }

    package static func explainLocalSource(_ name: String) -> String {
        "`\(name)` is read here, not on the server: the query runs in dossier, fetching the server tables it joins\n"
    }

    package static func citeOnServer() -> Diagnostic {
        Diagnostic(.misplacedClause, "`cite` needs the records in memory; this query reads a server table",
            hint: "save the rows to a file and load it: save … to rows.csv, then load rows.csv")
    }
}
