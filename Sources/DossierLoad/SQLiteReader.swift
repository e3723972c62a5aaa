import DossierSupport
import DossierDiagnostics
import DossierData

/// Reads a SQLite database: each table becomes a dataset (views and SQLite's own tables are
/// left out), named after the file when there is one table and after the file and the table
/// otherwise (`shop_orders`), as the sheets of a workbook are.
/// Column types follow the declared affinity (SQLite §3.1): INTEGER columns are integers, REAL
/// decimals, TEXT text; NUMERIC and undeclared columns are inferred from their values as a
/// CSV column is (so ISO dates stored as text become dates). SQLite lets any column hold any
/// value; a column whose values do not fit its declaration is inferred instead, with a warning.
public enum SQLiteReader {
    package static func read(path: String, name: String, table: String?, monitor: LoadMonitor) throws(Diagnostic) -> [LoadResult] {
        let library = try SQLiteReader.library(path)
        var handle: SQLiteLibrary.Database?
        let status = path.withCString {
            library.open($0, &handle, SQLiteLibrary.openReadOnly | SQLiteLibrary.openNoMutex, nil)
        }
        defer { _ = library.close(handle) }
        guard status == SQLiteLibrary.ok, let database = handle else {
            throw LoadMessages.databaseFailed(path, message(library, handle), while: nil)
        }
        return try read(Connection(library: library, database: database, path: path), name: name, table: table, monitor: monitor)
    }

    /// A database held in memory (the fuzz target): the same reading, through sqlite3_deserialize.
    public static func read(bytes: [UInt8], path: String, name: String, monitor: LoadMonitor) throws(Diagnostic) -> [LoadResult] {
        let library = try SQLiteReader.library(path)
        guard let deserialize = library.deserialize else { throw LoadMessages.sqliteMissing(path, reason: "no sqlite3_deserialize") }
        var handle: SQLiteLibrary.Database?
        defer { _ = library.close(handle) }
        guard library.open(":memory:", &handle, SQLiteLibrary.openReadOnly | SQLiteLibrary.openNoMutex, nil) == SQLiteLibrary.ok,
            let database = handle
        else { throw LoadMessages.databaseFailed(path, message(library, handle), while: nil) }
        // SQLite reads from this copy until the connection closes (above, after the read).
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        defer { storage.deallocate() }
        storage.initialize(from: bytes, count: bytes.count)
        let size = Int64(bytes.count)
        guard deserialize(database, "main", storage, size, size, SQLiteLibrary.deserializeReadOnly) == SQLiteLibrary.ok else {
            throw LoadMessages.databaseFailed(path, message(library, database), while: nil)
        }
        let results = try read(Connection(library: library, database: database, path: path), name: name, table: nil, monitor: monitor)
        _ = library.close(database)
        handle = nil
        return results
    }

    private static func library(_ path: String) throws(Diagnostic) -> SQLiteLibrary {
        switch SQLiteLibrary.shared {
        case .success(let library): return library
        case .failure(let missing): throw LoadMessages.sqliteMissing(path, reason: missing.reason)
        }
    }

    fileprivate static func message(_ library: SQLiteLibrary, _ database: SQLiteLibrary.Database?) -> String {
        library.errorMessage(database).map { String(cString: $0) } ?? "unknown error"
    }

    private struct Connection {
        let library: SQLiteLibrary
        let database: SQLiteLibrary.Database
        let path: String

        /// Runs `sql`, calling `row` for each result row.
        func query(_ sql: String, while doing: String?, row: (SQLiteLibrary.Statement) throws(Diagnostic) -> Void) throws(Diagnostic) {
            var statement: SQLiteLibrary.Statement?
            let prepared = sql.withCString { library.prepare(database, $0, -1, &statement, nil) }
            defer { _ = library.finalize(statement) }
            guard prepared == SQLiteLibrary.ok, let statement else {
                throw LoadMessages.databaseFailed(path, SQLiteReader.message(library, database), while: doing)
            }
            while true {
                let status = library.step(statement)
                if status == SQLiteLibrary.done { return }
                guard status == SQLiteLibrary.row else {
                    throw LoadMessages.databaseFailed(path, SQLiteReader.message(library, database), while: doing)
                }
                try row(statement)
            }
        }

        func text(_ statement: SQLiteLibrary.Statement, _ column: Int32) -> String {
            guard let bytes = library.columnText(statement, column) else { return "" }
            let count = Int(max(0, library.columnBytes(statement, column)))
            // SQLite keeps text as it was given: repair bad UTF-8, and no NUL reaches a cell.
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
                .map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }.reduce(into: "") { $0.append($1) }
        }
    }

    private static func read(_ connection: Connection, name: String, table wanted: String?, monitor: LoadMonitor) throws(Diagnostic) -> [LoadResult] {
        // A database from someone else: its schema may not run functions of ours or be trusted.
        try connection.query("PRAGMA trusted_schema = OFF", while: nil) { _ in }
        try connection.query("PRAGMA cell_size_check = ON", while: nil) { _ in }
        var tables: [String] = []
        try connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
            while: "listing its tables"
        ) { (statement) throws(Diagnostic) in tables.append(connection.text(statement, 0)) }
        var chosen = tables
        if let wanted {
            guard let match = tables.first(where: { $0 == wanted }) ?? tables.first(where: { FieldName.key($0) == FieldName.key(wanted) }) else {
                throw LoadMessages.noSuchTable(connection.path, wanted, tables: tables)
            }
            chosen = [match]
        }
        guard !chosen.isEmpty else { throw LoadMessages.noTables(connection.path) }
        var results: [LoadResult] = []
        var taken = Set<String>()
        for table in chosen {
            let base = chosen.count == 1 ? name : name + "_" + DatasetNaming.normalize(table)
            let datasetName = DatasetNaming.unique(base, among: taken)
            taken.insert(FieldName.key(datasetName))
            results.append(try readTable(table, connection: connection, name: datasetName, monitor: monitor))
        }
        return results
    }

    /// The declared affinity of a column type (SQLite's rules, in their order).
    package enum Affinity: Equatable {
        case integer, text, blob, real, numeric

        package init(declared: String) {
            let type = declared.uppercased()
            if type.contains("INT") { self = .integer }
            else if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") { self = .text }
            else if type.contains("BLOB") || type.isEmpty { self = .blob }
            else if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") { self = .real }
            else { self = .numeric }
        }
    }

    private static func readTable(_ table: String, connection: Connection, name: String, monitor: LoadMonitor) throws(Diagnostic) -> LoadResult {
        let quoted = "\"" + table.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
        var names: [String] = []
        var declared: [String] = []
        var cells: [CellColumn] = []
        // Which storage classes each column holds, as bits (1 << class).
        var classes: [Int] = []
        var blobs: [Int] = []
        var rows = 0
        try connection.query("SELECT * FROM \(quoted)", while: "reading the table `\(table)`") { (statement) throws(Diagnostic) in
            let library = connection.library
            if names.isEmpty {
                let count = Int(library.columnCount(statement))
                guard count <= DataLimits.maximumFields else {
                    throw LoadMessages.tooManyTableColumns(connection.path, table, limit: DataLimits.maximumFields)
                }
                for column in 0..<count {
                    names.append(library.columnName(statement, Int32(column)).map { String(cString: $0) } ?? "")
                    declared.append(library.columnDeclaredType(statement, Int32(column)).map { String(cString: $0) } ?? "")
                }
                cells = [CellColumn](repeating: CellColumn(), count: count)
                classes = [Int](repeating: 0, count: count)
                blobs = [Int](repeating: 0, count: count)
            }
            for column in cells.indices {
                let index = Int32(column)
                let kind = library.columnType(statement, index)
                classes[column] |= 1 << Int(kind & 7)
                switch SQLiteLibrary.StorageClass(rawValue: kind) {
                case .integer?: cells[column].append(String(library.columnInteger(statement, index)))
                case .float?, .text?: cells[column].append(connection.text(statement, index))
                case .blob?:
                    blobs[column] += 1
                    cells[column].append(LoadMessages.blobCell(bytes: Int(library.columnBytes(statement, index))))
                case .null?, nil: cells[column].appendMissing()
                }
            }
            rows += 1
            if rows > CSVReader.maximumRows { throw LoadMessages.tooManyRows(limit: CSVReader.maximumRows, at: .path(connection.path)) }
            if rows & 4095 == 0 { try monitor.checkpoint(0, of: 0, path: connection.path) }
        }
        if names.isEmpty {
            // No rows: the columns still have names and declared types.
            try connection.query("SELECT name, type FROM pragma_table_info(\(sqlString(table)))", while: "reading the table `\(table)`") {
                (statement) throws(Diagnostic) in
                names.append(connection.text(statement, 0))
                declared.append(connection.text(statement, 1))
            }
            cells = [CellColumn](repeating: CellColumn(), count: names.count)
            classes = [Int](repeating: 0, count: names.count)
            blobs = [Int](repeating: 0, count: names.count)
        }
        var warnings: [Diagnostic] = []
        var headerWarnings: [Diagnostic] = []
        let header = HeaderParser.parse(names, path: connection.path, line: 1, warnings: &headerWarnings)
        warnings += headerWarnings.map { LoadMessages.within(LoadMessages.table(table), $0) }
        var columns: [ColumnAccumulator] = []
        var fields: [Field] = []
        for index in cells.indices {
            let affinity = Affinity(declared: declared[index])
            let type = declaredType(affinity, declared: declared[index], classes: classes[index], cells: cells[index])
            var column: ColumnAccumulator
            do throws(CellColumn.Misfit) {
                column = try cells[index].accumulate(declared: type.fitting)
            } catch {
                column = (try? cells[index].accumulate(declared: nil)) ?? ColumnAccumulator(declared: .text)
            }
            if let mismatch = type.mismatch {
                warnings.append(LoadMessages.affinityMismatch(connection.path, table: table, field: header[index].name,
                    declared: declared[index], holds: mismatch))
            }
            if blobs[index] > 0 {
                warnings.append(LoadMessages.blobValues(connection.path, table: table, field: header[index].name, count: blobs[index]))
            }
            columns.append(column)
            fields.append(Field(header[index].name, .text))
        }
        let built = columns.map { $0.build() }
        for index in fields.indices { fields[index].type = built[index].type }
        warnings += LoadNotes.annotate(&fields, columns: columns, built: built, declared: [ValueType?](repeating: nil, count: fields.count)) {
            row, _ in (.path(connection.path), LoadMessages.tableRowPlace(row + 1, table: table))
        }
        let dataset = Dataset(name: name, fields: fields, columns: built, rowCount: rows, origin: LoadMessages.tableOrigin(connection.path, table))
        return LoadResult(dataset: dataset, warnings: warnings)
    }

    /// The type a column's declaration gives, when its values fit it; else nil (inferred) and
    /// what it holds instead, for the warning.
    private static func declaredType(_ affinity: Affinity, declared: String, classes: Int, cells: CellColumn)
        -> (fitting: ValueType?, mismatch: String?)
    {
        let integer = 1 << Int(SQLiteLibrary.StorageClass.integer.rawValue)
        let float = 1 << Int(SQLiteLibrary.StorageClass.float.rawValue)
        let null = 1 << Int(SQLiteLibrary.StorageClass.null.rawValue)
        let values = classes & ~null
        func holds() -> String {
            var kinds: [String] = []
            if values & (1 << Int(SQLiteLibrary.StorageClass.text.rawValue)) != 0 { kinds.append("text") }
            if values & (1 << Int(SQLiteLibrary.StorageClass.blob.rawValue)) != 0 { kinds.append("blobs") }
            if values & float != 0 && affinity == .integer { kinds.append("decimals") }
            return kinds.joined(separator: " and ")
        }
        switch affinity {
        case .integer:
            if values & ~integer == 0 { return (.integer, nil) }
            if values & ~(integer | float) == 0 { return (.decimal, nil) }
            return (nil, holds())
        case .real:
            if values & ~(integer | float) == 0 { return (.decimal, nil) }
            return (nil, holds())
        case .text:
            return (.text, nil)
        case .numeric:
            if declared.uppercased().contains("BOOL"), values & ~integer == 0 {
                var allBits = true
                for row in 0..<cells.count where !["", "0", "1"].contains(cells.text(at: row)) { allBits = false }
                if allBits { return (.bool, nil) }
            }
            return (nil, nil)
        case .blob:
            return (nil, nil)
        }
    }

    private static func sqlString(_ text: String) -> String {
        "'" + text.map { $0 == "'" ? "''" : String($0) }.joined() + "'"
    }
}
