import DossierSupport
import DossierDiagnostics

/// A table or view on a database server, seen as a dataset: its fields, where each is stored,
/// and the columns dossier added when it uploaded the table itself. A query over it is
/// compiled to SQL and runs on the server (issue 16); nothing of it is held in memory.
public struct RemoteTable: Sendable {
    /// The server, as people see it (no password): `postgres://ana@db.example/news`.
    public var server: String
    public var schema: String
    public var name: String
    /// One a dataset field, in the same order.
    public var columns: [RemoteColumn]
    /// The column that holds each row's input order (tables dossier uploaded); without one,
    /// rows that tie come in the server's order.
    public var orderColumn: String?
    /// The server's estimate of its rows (pg_class.reltuples), or nil when it has none.
    public var estimatedRows: Int?
    /// `table` or `view` (or `foreign table`), as `datasets` says it.
    public var kind: String

    public init(server: String, schema: String, name: String, columns: [RemoteColumn], orderColumn: String?,
                estimatedRows: Int?, kind: String) {
        self.server = server
        self.schema = schema
        self.name = name
        self.columns = columns
        self.orderColumn = orderColumn
        self.estimatedRows = estimatedRows
        self.kind = kind
    }
}

/// One column of a server table as dossier reads it.
public struct RemoteColumn: Sendable {
    /// The column's name on the server.
    public var name: String
    /// The server's type, as `describe` shows it (`bigint`, `text[]`).
    public var serverType: String
    /// For text and lists that dossier uploaded: the columns holding each value's folded text,
    /// its order key (`<`) and its sort key (`sort by`), computed by dossier's own code, so the
    /// server compares bytes and never needs a function of dossier's. Nil for tables dossier
    /// did not write: the server's `lower()` stands in (see the README).
    public var keys: TextKeyColumns?

    public init(name: String, serverType: String, keys: TextKeyColumns?) {
        self.name = name
        self.serverType = serverType
        self.keys = keys
    }
}

/// The names of the three key columns beside a text or list column.
public struct TextKeyColumns: Sendable {
    public var folded: String
    public var order: String
    public var sort: String

    /// The names dossier gives them when it uploads column `name`.
    public init(for name: String) {
        folded = name + TextKeyColumns.foldedSuffix
        order = name + TextKeyColumns.orderSuffix
        sort = name + TextKeyColumns.sortSuffix
    }

    public static let foldedSuffix = "__folded"
    public static let orderSuffix = "__order"
    public static let sortSuffix = "__sort"
    /// The input-order column of a table dossier uploaded.
    public static let rowOrderColumn = "dossier_row"
}
