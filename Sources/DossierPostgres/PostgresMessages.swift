import DossierSupport
import DossierDiagnostics

extension DiagnosticID {
    /// The server refused or failed a statement; the message is the server's.
    public static let server = DiagnosticID(rawValue: "server")
    /// No connection: refused, wrong password, unknown host, libpq missing, connection lost.
    public static let connection = DiagnosticID(rawValue: "connection")
}

/// Every text the PostgreSQL client puts in a diagnostic: what went wrong, with the server's
/// or libpq's own words, and what to do. URLs appear only redacted (`ConnectionText`).
package enum PostgresMessages {
    package static func libraryMissing(_ reason: String) -> Diagnostic {
        Diagnostic(.connection, "cannot use PostgreSQL: libpq could not be loaded (\(reason))",
            hint: "install it: apt-get install libpq5 (Debian), then connect again")
    }

    package static func connectFailed(_ display: String, _ reason: String) -> Diagnostic {
        let said = clean(reason)
        var hint = "check the host, port, user and database; a password goes in PGPASSWORD or ~/.pgpass"
        if said.contains("password authentication failed") || said.contains("no password supplied") {
            hint = "wrong or missing password: set PGPASSWORD, or put it in ~/.pgpass (mode 0600), and connect again"
        } else if said.contains("Connection refused") {
            hint = "no server listens there: is PostgreSQL running, and on that port?"
        } else if said.contains("does not exist") {
            hint = "the server answered but has no such database or user: `psql -l` lists databases"
        } else if said.contains("timeout") {
            hint = "the server did not answer within the connect timeout (add ?connect_timeout=30 to wait longer)"
        }
        return Diagnostic(.connection, "cannot connect to \(display): \(said)", hint: hint)
    }

    package static func connectionLost(_ display: String, _ reason: String) -> Diagnostic {
        let said = clean(reason)
        return Diagnostic(.connection, "lost the connection to \(display)\(said.isEmpty ? "" : ": " + said)",
            hint: "the server may have stopped or restarted; the next statement connects again")
    }

    package static func cancelIgnored(_ display: String) -> Diagnostic {
        Diagnostic(.cancelled, "cancelled; \(display) did not stop in time, so dossier closed the connection",
            hint: "the next statement connects again")
    }

    package static func cancelled() -> Diagnostic {
        Diagnostic(.cancelled, "cancelled")
    }

    /// The server's message as it gave it, and the statement dossier sent, for `explain`-like
    /// diagnosis; the SQL is a note, so the message stays the first thing read.
    package static func serverError(_ message: String, state: String = "", sql: String) -> Diagnostic {
        let said = clean(message)
        var hint = "the SQL sent was: \(abbreviated(sql))"
        switch state {
        case "57014":
            hint = "the server's statement_timeout stopped it; narrow the query (where …) or raise the timeout\n" + hint
        case "42P01", "42703":
            hint = "the table changed on the server since `connect`: run `connect` again to read it anew\n" + hint
        case "42804", "22P02", "42883":
            hint = "a column's type on the server no longer matches what dossier read at `connect`: run `connect` again\n" + hint
        default:
            break
        }
        return Diagnostic(.server, "the server said: \(said)", hint: hint)
    }

    /// libpq's messages end with newlines and may start with `FATAL:  `.
    private static func clean(_ text: String) -> String {
        var lines = text.split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        if lines.count > 3 { lines = Array(lines.prefix(3)) }
        return lines.joined(separator: "; ")
    }

    private static func abbreviated(_ sql: String) -> String {
        sql.count > 600 ? String(sql.prefix(600)) + " …" : sql
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
