import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSQL
import DossierPostgres

/// What a server holds, read at `connect`: its tables, views and foreign tables (not the
/// partitions of a partitioned table, which its parent covers), each as a dataset whose fields
/// are the columns dossier can read, with their types mapped (§6). Tables dossier uploaded are
/// recognised by their order column; their key columns are not shown as fields.
enum ServerCatalog {
    struct Table {
        var dataset: Dataset
        var skipped: [String]
    }

    static func read(_ connection: PostgresConnection, cancellation: Cancellation?) throws(Diagnostic) -> [Table] {
        let sql = """
            SELECT n.nspname, c.relname, c.relkind, GREATEST(c.reltuples, -1)::bigint, a.attname, t.typname, \
            format_type(a.atttypid, a.atttypmod) \
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid \
            WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') AND NOT c.relispartition \
            AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' \
            AND has_table_privilege(c.oid, 'SELECT') \
            ORDER BY n.nspname, c.relname, a.attnum
            """
        var tables: [(schema: String, name: String, kind: String, rows: Int?, columns: [(String, String, String)])] = []
        try connection.query(sql, cancellation: cancellation, columns: { _ in }) { row throws(Diagnostic) in
            let schema = row.text(0) ?? ""
            let name = row.text(1) ?? ""
            if tables.last?.schema != schema || tables.last?.name != name {
                let kind: String
                switch row.text(2) {
                case "v", "m": kind = "view"
                case "f": kind = "foreign table"
                default: kind = "table"
                }
                let rows = row.text(3).flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
                tables.append((schema, name, kind, rows, []))
            }
            tables[tables.count - 1].columns.append((row.text(4) ?? "", row.text(5) ?? "", row.text(6) ?? ""))
        }
        return tables.map { table in
            make(schema: table.schema, name: table.name, kind: table.kind, rows: table.rows, columns: table.columns,
                server: connection.display)
        }
    }

    /// A dataset for one server table from its columns (name, type name, type as written).
    static func make(
        schema: String, name: String, kind: String, rows: Int?, columns: [(String, String, String)], server: String
    ) -> Table {
        let names = Set(columns.map(\.0))
        let uploaded = names.contains(TextKeyColumns.rowOrderColumn)
        var fields: [Field] = []
        var remoteColumns: [RemoteColumn] = []
        var skipped: [String] = []
        for (column, typeName, written) in columns {
            if uploaded, column == TextKeyColumns.rowOrderColumn || isKeyColumn(column, names) { continue }
            guard let type = mapType(typeName) else {
                skipped.append("\(column) (\(written))")
                continue
            }
            let keys = TextKeyColumns(for: column)
            let hasKeys = uploaded && (type == .text || type == .list) && names.contains(keys.folded)
                && names.contains(keys.order) && names.contains(keys.sort)
            fields.append(Field(column, type))
            remoteColumns.append(RemoteColumn(name: column, serverType: written, keys: hasKeys ? keys : nil))
        }
        let remote = RemoteTable(
            server: server, schema: schema, name: name, columns: remoteColumns,
            orderColumn: uploaded ? TextKeyColumns.rowOrderColumn : nil, estimatedRows: rows, kind: kind)
        let datasetName = schema == "public" ? name : "\(schema)_\(name)"
        let dataset = Dataset(name: datasetName, fields: fields, columns: [], rowCount: rows ?? 0,
            origin: "\(server) \(kind) \(schema).\(name)", remote: remote)
        return Table(dataset: dataset, skipped: skipped)
    }

    private static func isKeyColumn(_ column: String, _ names: Set<String>) -> Bool {
        for suffix in [TextKeyColumns.foldedSuffix, TextKeyColumns.orderSuffix, TextKeyColumns.sortSuffix] where column.hasSuffix(suffix) {
            if names.contains(String(column.dropLast(suffix.count))) { return true }
        }
        return false
    }

    /// §6 types for PostgreSQL's: whole numbers, exact and binary decimals, text (and what
    /// reads best as text: timestamps, UUIDs, JSON), booleans, dates, arrays of text as lists.
    static func mapType(_ typeName: String) -> ValueType? {
        switch typeName {
        case "int2", "int4", "int8", "oid": return .integer
        case "numeric", "float4", "float8", "money": return typeName == "money" ? .text : .decimal
        case "bool": return .bool
        case "date": return .date
        case "_text", "_varchar", "_bpchar", "_name", "_citext": return .list
        case "bytea": return nil
        default:
            // Other arrays would lose their element type; everything else shows as text.
            return .text
        }
    }
}
