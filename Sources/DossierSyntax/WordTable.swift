import DossierSupport
import DossierDiagnostics

/// The one table of the language's statement and clause words: the parser decides with it
/// what starts a statement or a clause, and help, Tab completion and error hints list from it,
/// so adding a clause is one line here (and its parse function).
public enum WordTable {
    /// A word as people type it (`sort by`), the keyword that starts it, and what it does.
    public struct Entry: Sendable {
        public let keyword: Keyword
        /// The words as typed, `sort by` for `sort`; Tab inserts this.
        public let typed: String
        public let summary: String
    }

    /// What can start a statement (besides a query, which starts with a dataset).
    public static let statements: [Entry] = [
        Entry(keyword: .count, typed: "count", summary: "count a query's rows, or its rows by group"),
        Entry(keyword: .let, typed: "let", summary: "name a query"),
        Entry(keyword: .load, typed: "load", summary: "load a file, a directory or a bundled sample"),
        Entry(keyword: .samples, typed: "samples", summary: "list the bundled samples"),
        Entry(keyword: .save, typed: "save", summary: "write a query's result to a file"),
        Entry(keyword: .datasets, typed: "datasets", summary: "list what is loaded"),
        Entry(keyword: .describe, typed: "describe", summary: "a dataset's fields, types and values"),
        Entry(keyword: .explain, typed: "explain", summary: "a query in plain words, with row counts"),
        Entry(keyword: .cite, typed: "cite", summary: "each row with the sentence it rests on"),
        Entry(keyword: .run, typed: "run", summary: "run a script file"),
        Entry(keyword: .set, typed: "set", summary: "a session option"),
        Entry(keyword: .drop, typed: "drop", summary: "forget a dataset or named query"),
        Entry(keyword: .connect, typed: "connect", summary: "use a PostgreSQL server's tables as datasets"),
        Entry(keyword: .help, typed: "help", summary: "help on a topic"),
        Entry(keyword: .quit, typed: "quit", summary: "leave"),
        Entry(keyword: .exit, typed: "exit", summary: "leave"),
    ]

    /// What can start a clause after a source.
    public static let clauses: [Entry] = [
        Entry(keyword: .where, typed: "where", summary: "keep rows where a condition holds"),
        Entry(keyword: .select, typed: "select", summary: "choose, rename and compute fields"),
        Entry(keyword: .sort, typed: "sort by", summary: "order the rows"),
        Entry(keyword: .order, typed: "order by", summary: "order the rows (sort by)"),
        Entry(keyword: .limit, typed: "limit", summary: "keep the first rows"),
        Entry(keyword: .distinct, typed: "distinct", summary: "drop repeated rows or values"),
        Entry(keyword: .count, typed: "count by", summary: "count the rows, or count by group"),
        Entry(keyword: .summarize, typed: "summarize", summary: "aggregates over all rows or by group"),
        Entry(keyword: .join, typed: "join", summary: "pair rows with another dataset's"),
        Entry(keyword: .left, typed: "left join", summary: "join, keeping rows without a match"),
        Entry(keyword: .share, typed: "share", summary: "a number as a percent of its total"),
        Entry(keyword: .rank, typed: "rank", summary: "number the rows 1, 2, 3 by a field"),
        Entry(keyword: .running, typed: "running total", summary: "add up a number row by row"),
        Entry(keyword: .change, typed: "change", summary: "the difference from the row before, and in percent"),
        Entry(keyword: .expand, typed: "expand", summary: "a row for each item of a list"),
        Entry(keyword: .chart, typed: "chart", summary: "draw the result as bars"),
    ]

    /// The sqlite habits understood as statements.
    public static let dotCommands = [".help", ".quit", ".exit", ".read", ".load", ".mode", ".tables", ".schema", ".timer"]

    /// The options of `set`.
    public static let options = ["format", "timer", "pager"]

    /// The aggregates of `summarize`, as typed.
    public static let aggregates = ["count()", "count(", "count distinct", "sum(", "avg(", "min(", "max("]

    /// Keywords that can start a statement.
    public static let statementKeywords: Set<Keyword> = Set(statements.map(\.keyword))

    /// Keywords that can start a clause.
    public static let clauseKeywords: Set<Keyword> = Set(clauses.map(\.keyword))

    /// `clauses: where, select, sort by, …` for hints.
    public static var clauseList: String {
        "clauses: " + clauses.filter { $0.keyword != .order && $0.keyword != .left }.map(\.typed).joined(separator: ", ")
    }
}
