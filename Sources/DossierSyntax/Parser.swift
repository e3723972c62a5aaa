import DossierSupport
import DossierDiagnostics

/// A recursive-descent parser, one function per grammar rule (the rule is in each function's
/// doc comment, as written in `grammar/dossier.ebnf`).
///
/// It never stops at the first problem: a bad clause is reported and skipped, and parsing goes
/// on with the next clause or statement, so one line can report several problems. Recursion is
/// capped at `maximumNesting`, so no input can overflow the stack.
///
/// Newlines end a statement, except inside brackets, where the grammar needs more (after
/// `where`, `and`, `=`, `,` ...), or before a line that starts with `|`.
public struct Parser {
    /// Deeper nesting (brackets, `not`, unary minus, operator chains) is an error.
    public static let maximumNesting = 100

    package let source: SourceText
    package var lexer: Lexer
    package var current: Token
    /// Tokens read ahead of `current`.
    package var buffered: [Token] = []
    /// End of the last token consumed: where a statement or a clause ends.
    package var previousEnd = 0
    package var nesting = 0
    package var parenDepth = 0
    /// Where the statement being parsed starts.
    package var statementStart = 0
    /// The indentation of the line the statement starts on, and of the current line.
    package var statementIndent: Int32 = 0
    package var lineIndent: Int32 = 0
    /// The kind of the token before `current`: a line ending in `|` continues.
    package var previousKind: TokenKind = .endOfInput
    /// Tab completion: what may come where the text ends (nil when not completing).
    package var completion: CompletionPoint?
    /// The query being parsed, as far as it is complete: where completion finds fields.
    package var pipelineSource: Name?
    package var pipelineClauses: [Clause] = []
    /// Parsing a `where` condition: completion offers `and`, `or`, `in`, `between` …
    package var inCondition = false
    /// Inside a `summarize` item, outside any aggregate: names of aggregates followed by `(`
    /// (or `count distinct`) are aggregates.
    package var aggregatesAllowed = false
    package var diagnostics: [Diagnostic] = []
    /// The last bare word that was the right operand of a comparison, to suggest quotes
    /// when the next word shows the value had spaces in it (`status = nearly finalized`).
    package var lastBareValue: Range<Int>?

    public init(_ source: SourceText) {
        self.source = source
        self.lexer = Lexer(source)
        self.current = lexer.next()
        self.lineIndent = current.indent
    }

    /// Parses a whole script or line into statements, each with its own diagnostics.
    public static func parse(_ source: SourceText) -> [ParsedStatement] {
        var parser = Parser(source)
        return parser.parseScript()
    }

    /// Parses exactly one query (used by tests and by completion).
    public static func parseQuery(_ source: SourceText) -> (Query?, [Diagnostic]) {
        var parser = Parser(source)
        do throws(Diagnostic) {
            let query = try parser.parseQuery(stopWords: [])
            if parser.current.kind != .endOfInput {
                throw parser.error(SyntaxMessages.unexpected(parser.describe(parser.current)))
            }
            return (query, parser.diagnostics)
        } catch {
            return (nil, parser.diagnostics + [error])
        }
    }

    // MARK: - Tokens

    package mutating func advance() {
        previousEnd = current.end
        previousKind = current.kind
        current = buffered.isEmpty ? lexer.next() : buffered.removeFirst()
        if current.isAtStartOfLine { lineIndent = current.indent }
    }

    /// The token `distance` places after `current`.
    package mutating func peek(_ distance: Int = 1) -> Token {
        while buffered.count < distance { buffered.append(lexer.next()) }
        return buffered[distance - 1]
    }

    /// Re-reads the input from `current` as a path (`load data/deals.csv`).
    package mutating func relexCurrentAsPath() {
        buffered.removeAll()
        lexer.reset(to: current.start, atStartOfLine: current.isAtStartOfLine)
        current = lexer.next(.path)
    }

    package func text(_ token: Token) -> String { source.text(token.range) }

    package func keyword(_ token: Token) -> Keyword? {
        token.kind == .word ? Keyword.match(source.bytes[token.range]) : nil
    }

    package func isKeyword(_ keyword: Keyword, _ token: Token? = nil) -> Bool {
        self.keyword(token ?? current) == keyword
    }

    /// The current token starts a line that does not continue the statement, outside brackets.
    package var atLineBreak: Bool { current.isAtStartOfLine && parenDepth == 0 && !continuesStatement }

    /// The line break before `current` does not end the statement: the line starts with `|`,
    /// the line before ended with `|`, or it is indented more than the statement's first line.
    package var continuesStatement: Bool {
        current.kind == .pipe || previousKind == .pipe || current.indent > statementIndent
    }

    /// Nothing more belongs to this statement.
    package var atStatementEnd: Bool {
        switch current.kind {
        case .endOfInput, .semicolon: return true
        case .pipe: return false
        default: return atLineBreak
        }
    }

    /// The current token may continue the construct being parsed (same line, or in brackets).
    package var continuesLine: Bool { !atStatementEnd }

    package func describe(_ token: Token) -> String {
        SyntaxMessages.describe(token.kind, text(token))
    }

    /// What stands where the construct goes on: the current token, or the end of its line
    /// (the next line's first word belongs to another statement).
    package func describeNext() -> String {
        continuesLine || current.kind == .endOfInput ? describe(current) : "the end of the line"
    }

    // MARK: - Errors

    /// `diagnostic` (from `SyntaxMessages`) placed at `range` (default: the current token). It
    /// is incomplete, so the shell asks for another line, when it is at the end of the input or
    /// inside an unterminated string.
    package func error(_ diagnostic: Diagnostic, at range: Range<Int>? = nil, incompleteAtEnd: Bool = true) -> Diagnostic {
        let incomplete = incompleteAtEnd && (current.kind == .endOfInput || current.isUnterminated)
        var range = range ?? current.range
        // The statement ended with its line: point at the line's end, not at the next line.
        if current.isAtStartOfLine, !continuesStatement, !source.linesContinue, previousEnd > statementStart,
            range == current.range, current.kind != .endOfInput
        {
            range = (previousEnd - 1)..<previousEnd
        }
        if range.isEmpty, current.kind == .endOfInput {
            // Point just after the last character rather than at nothing.
            range = max(0, min(range.lowerBound, source.bytes.count) - 1)..<min(range.lowerBound, source.bytes.count)
            if range.isEmpty { range = 0..<0 }
        }
        var placed = diagnostic
        placed.location = .source(source, range)
        placed.isIncomplete = incomplete
        return placed
    }

    /// Raises the nesting level for one recursive step, failing past `maximumNesting`.
    package mutating func enterNesting() throws(Diagnostic) {
        nesting += 1
        if nesting > Parser.maximumNesting { throw tooDeep() }
    }

    package func tooDeep() -> Diagnostic {
        error(SyntaxMessages.nestedTooDeeply(limit: Parser.maximumNesting), incompleteAtEnd: false)
    }

    /// Consumes a token of `kind`; anything else is `missing(describe(current))`.
    package mutating func expect(_ kind: TokenKind, else missing: (String) -> Diagnostic) throws(Diagnostic) {
        guard current.kind == kind else {
            throw error(missing(describe(current)))
        }
        advance()
    }

    /// Skips to where parsing can resume: the next clause, `|`, or the end of the statement.
    /// `statementStart`: the token that began the statement, which is not a boundary itself.
    package mutating func synchronize(toClause: Bool, statementStart: Int = -1) {
        var depth = 0
        var first = true
        while current.kind != .endOfInput {
            if current.kind == .semicolon && depth <= 0 { return }
            // A line that does not continue the statement starts the next one, even inside an
            // unclosed bracket.
            if current.isAtStartOfLine && current.start != statementStart && !source.linesContinue && !continuesStatement {
                return
            }
            if toClause && depth <= 0 && !first {
                if current.kind == .pipe { return }
                if let word = keyword(current), Keyword.clauseWords.contains(word) { return }
            }
            if current.kind == .leftParen { depth += 1 }
            if current.kind == .rightParen { depth -= 1 }
            first = false
            advance()
        }
    }

    // MARK: - Script

    /// script = { statement } , with statements separated by `;` or new lines
    package mutating func parseScript() -> [ParsedStatement] {
        var statements: [ParsedStatement] = []
        while true {
            while current.kind == .semicolon { advance() }
            if current.kind == .endOfInput {
                // A new statement may start here, unless the text ended inside the last one.
                if statements.isEmpty || previousKind == .semicolon { offer(.statementStart) }
                break
            }
            completion?.items = []
            completion?.pipeline = nil
            completion?.statement = nil
            pipelineSource = nil
            pipelineClauses = []
            let start = current.start
            statementStart = start
            statementIndent = lineIndent
            previousKind = .endOfInput
            diagnostics = []
            nesting = 0
            parenDepth = 0
            lastBareValue = nil
            var statement: Statement?
            do throws(Diagnostic) {
                statement = try parseStatement()
                if !atStatementEnd {
                    throw unexpectedAfterStatement()
                }
            } catch {
                diagnostics.append(error)
                parenDepth = 0
                synchronize(toClause: false, statementStart: start)
            }
            let range = start..<max(start, previousEnd)
            let clean = diagnostics.allSatisfy { $0.severity != .error }
            statements.append(
                ParsedStatement(statement: clean ? statement : nil, diagnostics: diagnostics, range: range))
            // Guarantee progress even if a rule consumed nothing.
            if current.start == start, current.kind != .endOfInput { advance() }
        }
        return statements
    }

    package func unexpectedAfterStatement() -> Diagnostic {
        if current.kind == .rightParen {
            return error(SyntaxMessages.unmatchedCloseParen())
        }
        return error(SyntaxMessages.unexpectedAfterStatement(describe(current)))
    }
}
