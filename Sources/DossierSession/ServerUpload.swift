import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSQL
import DossierPostgres

/// `save QUERY to postgres TABLE`: the rows in a new table, in one transaction (a failure
/// leaves the server as it was), with each row's input order and, beside every text and list
/// column, its folded text, order key and sort key computed by dossier's own code: so every
/// comparison a later query sends is bytewise, and no function of dossier's is needed there.
enum ServerUpload {
    /// Rows are sent in chunks of about this many bytes.
    static let chunkBytes = 1 << 20

    /// `temporary`: a table of this connection only (`pg_temp`), which the server drops when
    /// the connection ends: a local dataset sent for one query that joins a server table.
    static func upload(
        _ relation: Relation, as table: String, existing: RemoteTable?, connection: PostgresConnection,
        cancellation: Cancellation?, temporary: Bool = false
    ) throws(Diagnostic) -> RemoteTable {
        let name = SQLText.identifier(table)
        var definitions = ["\(SQLText.identifier(TextKeyColumns.rowOrderColumn)) bigint NOT NULL"]
        for field in relation.fields {
            definitions.append("\(SQLText.identifier(field.name)) \(SQLText.columnType(field.type))")
            if field.type == .text || field.type == .list {
                let names = TextKeyColumns(for: field.name)
                let array = field.type == .list ? "[]" : ""
                definitions.append("\(SQLText.identifier(names.folded)) text\(array) COLLATE \"C\"")
                definitions.append("\(SQLText.identifier(names.order)) bytea\(array)")
                definitions.append("\(SQLText.identifier(names.sort)) bytea\(array)")
            }
        }
        try connection.execute("BEGIN", cancellation: nil)
        do throws(Diagnostic) {
            if existing != nil { try connection.execute("DROP TABLE \(name)", cancellation: cancellation) }
            let create = temporary ? "CREATE TEMPORARY TABLE" : "CREATE TABLE"
            try connection.execute("\(create) \(name) (\(definitions.joined(separator: ", ")))", cancellation: cancellation)
            try connection.copyIn("COPY \(name) FROM STDIN", cancellation: cancellation) { send throws(Diagnostic) in
                var chunk = ""
                chunk.reserveCapacity(chunkBytes + 4096)
                for position in 0..<relation.count {
                    if position & 0xFFF == 0 { try cancellation?.check() }
                    appendRow(relation, position, to: &chunk)
                    if chunk.utf8.count >= chunkBytes {
                        try send(chunk)
                        chunk = ""
                    }
                }
                try send(chunk)
            }
            try connection.execute("ANALYZE \(name); COMMIT", cancellation: nil)
        } catch {
            // Nothing of it stays: the table that was there is there still.
            if connection.isOpen { try? connection.execute("ROLLBACK", cancellation: nil) }
            throw error
        }
        return remoteTable(relation.fields, name: table, schema: temporary ? "pg_temp" : "public", rows: relation.count,
            server: connection.display)
    }

    /// The table `upload` writes, as the compiler reads it: each field, with the keys beside text.
    static func remoteTable(_ fields: [Field], name: String, schema: String, rows: Int, server: String) -> RemoteTable {
        let columns = fields.map { field in
            RemoteColumn(name: field.name, serverType: SQLText.columnType(field.type),
                keys: field.type == .text || field.type == .list ? TextKeyColumns(for: field.name) : nil)
        }
        return RemoteTable(server: server, schema: schema, name: name, columns: columns,
            orderColumn: TextKeyColumns.rowOrderColumn, estimatedRows: rows, kind: "table")
    }

    /// One line of COPY's text format: tab-separated, `\N` for missing.
    private static func appendRow(_ relation: Relation, _ position: Int, to chunk: inout String) {
        chunk += String(position)
        for (index, field) in relation.fields.enumerated() {
            let value = relation.value(row: position, column: index)
            chunk += "\t"
            switch value {
            case .missing:
                chunk += "\\N"
                if field.type == .text || field.type == .list { chunk += "\t\\N\t\\N\t\\N" }
            case .text(let text):
                chunk += escape(text)
                chunk += "\t" + escape(String(decoding: TextKeys.folded(text), as: UTF8.self))
                chunk += "\t" + escape(SQLText.byteaText(TextKeys.order(text)))
                chunk += "\t" + escape(SQLText.byteaText(TextKeys.sort(text)))
            case .list(let items):
                chunk += escape(ArrayLiteral.literal(items))
                chunk += "\t" + escape(ArrayLiteral.literal(items.map { String(decoding: TextKeys.folded($0), as: UTF8.self) }))
                chunk += "\t" + escape(ArrayLiteral.literal(items.map { SQLText.byteaText(TextKeys.order($0)) }))
                chunk += "\t" + escape(ArrayLiteral.literal(items.map { SQLText.byteaText(TextKeys.sort($0)) }))
            default:
                // Numbers as written (exact: numeric keeps every digit), dates ISO, t/f.
                let text = relation.text(row: position, column: index, periods: false)
                chunk += escape(field.type == .bool ? (text == "true" ? "t" : "f") : text)
                if field.type == .text {
                    // A value of another type in a text field (after widening): its text and keys.
                    chunk += "\t" + escape(String(decoding: TextKeys.folded(text), as: UTF8.self))
                    chunk += "\t" + escape(SQLText.byteaText(TextKeys.order(text)))
                    chunk += "\t" + escape(SQLText.byteaText(TextKeys.sort(text)))
                }
            }
        }
        chunk += "\n"
    }

    /// COPY's text escapes: backslash, tab, newline and carriage return.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
