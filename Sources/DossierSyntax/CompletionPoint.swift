import DossierSupport
import DossierDiagnostics

/// What may come at the end of a text, as the parser sees it: the grammar's own answer to
/// "what can I type here?", for Tab completion. The parser records it when a text cut at the
/// cursor runs out where it expected more (`Parser.completionPoint(of:)`), so completion has no
/// grammar of its own.
public struct CompletionPoint: Sendable {
    public enum PathKind: Sendable {
        case data, script, any
    }

    public enum Item: Sendable {
        /// A statement word, a dataset (a query's source) or a dot command.
        case statementStart
        /// A dataset or named query.
        case dataset
        case path(PathKind)
        case sampleName
        /// An option of `set`, and a value of one.
        case option
        case optionValue(String)
        case helpTopic
        /// A field of `pipeline`.
        case field
        /// A value of this field of `pipeline`.
        case value(field: Expr)
        /// A field of `pipeline` or of the dataset being joined.
        case joinKey(joined: Name)
        /// An aggregate of `summarize`.
        case aggregate
        /// A clause word (and `to` in `save`).
        case clauseWord
        /// These words, as typed.
        case words([String])
    }

    /// What can come, most specific first.
    public var items: [Item] = []
    /// The query before the clause being written: where fields and values come from.
    public var pipeline: Query?
    /// The statement being written (`save` allows `to` after its query).
    public var statement: Keyword?

    public init() {}
}

extension Parser {
    /// What may come where `source` ends (the text before the cursor, without the word being
    /// typed there).
    public static func completionPoint(of source: SourceText) -> CompletionPoint {
        var parser = Parser(source)
        parser.completion = CompletionPoint()
        _ = parser.parseScript()
        return parser.completion ?? CompletionPoint()
    }

    /// Records what may come, when the text ends here (completion mode only).
    mutating func offer(_ item: CompletionPoint.Item) {
        guard var point = completion, current.kind == .endOfInput else { return }
        point.items.append(item)
        if point.pipeline == nil { point.pipeline = pipeline }
        completion = point
    }

    /// The query written so far: its source and complete clauses.
    var pipeline: Query? {
        pipelineSource.map { source in
            Query(source: source, clauses: pipelineClauses,
                range: source.range.lowerBound..<(pipelineClauses.last?.range.upperBound ?? source.range.upperBound))
        }
    }
}
