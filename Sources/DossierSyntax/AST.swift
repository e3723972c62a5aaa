import DossierSupport
import DossierDiagnostics

/// The syntax tree. Nodes carry byte ranges into the `SourceText` so every later stage
/// (checker, explain, errors) can point back at what the user wrote.

/// A field, dataset or alias name as written: a bare word or a backticked name.
public struct Name: Sendable, Equatable {
    public var text: String
    public var range: Range<Int>
    /// Written in backticks: never a keyword, never a bare-word value.
    public var isQuoted: Bool

    public init(_ text: String, range: Range<Int>, isQuoted: Bool = false) {
        self.text = text
        self.range = range
        self.isQuoted = isQuoted
    }
}

public struct PathArgument: Sendable, Equatable {
    public var text: String
    public var range: Range<Int>
}

// MARK: - Statements

public struct Statement: Sendable {
    public var kind: StatementKind
    public var range: Range<Int>
}

public enum StatementKind: Sendable {
    case query(Query)
    case letBinding(Name, Query)
    case load(PathArgument, alias: Name?)
    case loadSample(Name)
    case samples
    case save(Query, PathArgument)
    /// `save QUERY to postgres TABLE`: the rows as a table on the connected server.
    case saveToServer(Query, Name)
    /// `connect [URL]`: without a URL, libpq's PG* environment variables say where.
    case connect(PathArgument?)
    case datasets
    case describe(Name)
    case explain(Query)
    case cite(Query)
    case run(PathArgument)
    case set(option: Name, value: Name)
    case drop(Name)
    case help(topic: Name?)
    case quit
}

/// One statement as parsed: the statement when it parsed cleanly, and what went wrong.
public struct ParsedStatement: Sendable {
    public var statement: Statement?
    public var diagnostics: [Diagnostic]
    public var range: Range<Int>

    /// More input could complete it (an open bracket or string, a trailing `where` or `and`).
    public var isIncomplete: Bool { diagnostics.contains { $0.isIncomplete } }
}

// MARK: - Queries

/// `source clause clause ...`: clauses apply left to right.
public struct Query: Sendable {
    public var source: Name
    public var clauses: [Clause]
    public var range: Range<Int>

    package init(source: Name, clauses: [Clause], range: Range<Int>) {
        self.source = source
        self.clauses = clauses
        self.range = range
    }
}

public struct Clause: Sendable {
    public var kind: ClauseKind
    public var range: Range<Int>
    /// The clause's leading keyword(s), for `explain` and for errors about the whole clause.
    public var keywordRange: Range<Int>
}

public enum ClauseKind: Sendable {
    case filter(Expr)
    case select([SelectItem])
    case sort([SortKey])
    case limit(count: NumberArgument, offset: NumberArgument?)
    case distinct([Expr])
    case count(by: [Expr])
    case summarize([AggregateItem], by: [Expr])
    case join(JoinClause)
    case chart
}

public struct NumberArgument: Sendable {
    public var value: Int
    public var range: Range<Int>
}

public struct SelectItem: Sendable {
    public enum Kind: Sendable {
        /// `*`: every field of the pipeline.
        case all
        case expression(Expr, alias: Name?)
    }
    public var kind: Kind
    public var range: Range<Int>
}

public struct SortKey: Sendable {
    public var expression: Expr
    public var descending: Bool
}


public struct AggregateItem: Sendable {
    public var function: AggregateFunction
    /// Nil for `count()`.
    public var argument: Expr?
    /// `count distinct F`
    public var isDistinct: Bool
    public var alias: Name?
    public var range: Range<Int>
}

public struct JoinClause: Sendable {
    public var isLeft: Bool
    public var source: Name
    /// The key on the pipeline's side and on the joined source's side, as written; the checker
    /// decides which side each names.
    public var leftKey: Expr
    public var rightKey: Expr
}

// MARK: - Expressions

public struct Expr: Sendable {
    public var kind: ExprKind
    public var range: Range<Int>

    public init(_ kind: ExprKind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum ExprKind: Sendable {
    /// A field, or a bare word used as text; the checker decides.
    case name(Name)
    /// `source.field`, after a join.
    case qualified(Name, Name)
    case literal(Literal)
    case not(Expr)
    case negate(Expr)
    /// Flattened chains: `a and b and c` is one node, so long chains stay shallow.
    case and([Expr])
    case or([Expr])
    case comparison(ComparisonOperator, Expr, Expr)
    case arithmetic(ArithmeticOperator, Expr, Expr)
    case inList(Expr, [Expr], negated: Bool)
    case between(Expr, low: Expr, high: Expr, negated: Bool)
    case textMatch(TextMatchOperator, Expr, pattern: Expr, negated: Bool)
    case isMissing(Expr, negated: Bool)
    case call(Name, [Expr])
}

public enum Literal: Sendable, Equatable {
    case integer(Int64)
    /// A number that is not a 64-bit integer (`19.99`, `1e300`), as written, without `_`: the
    /// checker decides whether it is an exact decimal or binary floating point (§6).
    case decimal(String)
    case text(String)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
    case missing
}
