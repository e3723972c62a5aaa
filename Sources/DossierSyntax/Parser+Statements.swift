import DossierSupport
import DossierDiagnostics

extension Parser {
    /// statement = query
    ///           | "let" name "=" query
    ///           | "load" ( "sample" name | path [ "as" name ] )
    ///           | "samples" | "datasets"
    ///           | "save" query "to" ( "postgres" name | path )
    ///           | "connect" [ url ]
    ///           | "describe" name | "drop" name
    ///           | "explain" query | "cite" query
    ///           | "run" path
    ///           | "set" word value
    ///           | "help" [ word { word } ]
    ///           | "quit" | "exit"
    ///           | dot_command
    package mutating func parseStatement() throws(Diagnostic) -> Statement {
        let start = current.start
        if current.kind == .dot {
            return try parseDotCommand()
        }
        guard current.kind == .word || current.kind == .quotedName else {
            throw error(
                .unknownStatement, "expected a statement, found \(describe(current))",
                hint: "start with a dataset name, such as: countries where region = Africa", incompleteAtEnd: false)
        }
        let kind: StatementKind
        if current.kind == .word, let word = keyword(current) { completion?.statement = word }
        switch current.kind == .word ? keyword(current) : nil {
        case .count?:
            let keywordToken = current
            if peek().kind == .endOfInput, completion != nil {
                advance()
                offer(.dataset)
            }
            guard peek().kind == .word || peek().kind == .quotedName, !peek().isAtStartOfLine else {
                throw error(
                    .unexpectedToken, "`count` needs a dataset", at: keywordToken.range,
                    hint: "count countries by region", incompleteAtEnd: false)
            }
            kind = .query(try parseQuery(stopWords: []))
        case .let?:
            advance()
            let name = try parseName("a name for the query", hint: "let african = countries where region = Africa")
            offer(.words(["="]))
            try expect(.equal, "`=` after the name", hint: "let \(name.text) = countries where region = Africa")
            kind = .letBinding(name, try parseQuery(stopWords: []))
        case .load?:
            advance()
            kind = try parseLoad()
        case .samples?:
            advance()
            kind = .samples
        case .datasets?:
            advance()
            kind = .datasets
        case .save?:
            advance()
            let query = try parseQuery(stopWords: [.to])
            offer(.words(["to"]))
            guard isKeyword(.to) else {
                throw error(
                    .unexpectedToken, "expected `to PATH` after the query", hint: "save countries to countries.csv")
            }
            advance()
            if isKeyword(.postgres), peek().kind == .word || peek().kind == .quotedName, !peek().isAtStartOfLine {
                advance()
                kind = .saveToServer(query, try parseName("a table name", hint: "save countries to postgres countries"))
            } else {
                offer(.path(.any))
                kind = .save(query, try parsePath(for: "save ... to"))
            }
        case .connect?:
            advance()
            kind = .connect(continuesLine ? try parsePath(for: "connect") : nil)
        case .describe?:
            advance()
            offer(.dataset)
            kind = .describe(try parseName("a dataset name", hint: "describe countries", incompleteAtEnd: false))
        case .drop?:
            advance()
            offer(.dataset)
            kind = .drop(try parseName("a dataset name", hint: "drop african", incompleteAtEnd: false))
        case .explain?:
            advance()
            kind = .explain(try parseQuery(stopWords: []))
        case .cite?:
            advance()
            kind = .cite(try parseQuery(stopWords: []))
        case .run?:
            advance()
            offer(.path(.script))
            kind = .run(try parsePath(for: "run"))
        case .set?:
            advance()
            offer(.option)
            let option = try parseName("an option (format, timer, pager)", hint: "set format csv", incompleteAtEnd: false)
            offer(.optionValue(option.text.lowercased()))
            guard continuesLine else {
                throw error(
                    .unexpectedToken, "`set \(option.text)` needs a value", hint: "set format csv",
                    incompleteAtEnd: false)
            }
            let value = Name(text(current).trimmingQuotes, range: current.range)
            advance()
            kind = .set(option: option, value: value)
        case .help?:
            advance()
            offer(.helpTopic)
            kind = .help(topic: parseHelpTopic())
        case .quit?, .exit?:
            advance()
            kind = .quit
        case .select?:
            throw error(
                .unknownStatement, "a query starts with the dataset, not with `select`",
                hint: "countries select name, status   (sqlite: SELECT name, status FROM countries)",
                incompleteAtEnd: false)
        default:
            try checkForMistypedStatement()
            kind = .query(try parseQuery(stopWords: []))
        }
        return Statement(kind: kind, range: start..<previousEnd)
    }

    /// `cuont countries`: a word close to a statement word, followed by a word that starts no
    /// clause, was meant as that statement.
    private mutating func checkForMistypedStatement() throws(Diagnostic) {
        guard current.kind == .word, keyword(current) == nil else { return }
        let next = peek()
        guard next.kind == .word || next.kind == .quotedName, !next.isAtStartOfLine else { return }
        if let word = keyword(next), Keyword.clauseWords.contains(word) { return }
        let words = Keyword.statementWords.map(\.rawValue)
        guard let best = Suggestions.closest(to: text(current), in: words).first else { return }
        throw error(.unknownStatement, "unknown statement `\(text(current))`", hint: "did you mean `\(best)`?",
            fixIts: [Diagnostic.FixIt(replacing: current.range, with: best)], incompleteAtEnd: false)
    }

    /// "load" ( "sample" name | path [ "as" name ] )
    private mutating func parseLoad() throws(Diagnostic) -> StatementKind {
        offer(.words(["sample"]))
        offer(.path(.data))
        if isKeyword(.sample), peek().kind == .endOfInput, completion != nil {
            advance()
            offer(.sampleName)
        }
        if isKeyword(.sample) {
            let next = peek()
            if (next.kind == .word || next.kind == .quotedName) && !next.isAtStartOfLine {
                advance()
                offer(.sampleName)
                // Sample names have hyphens (third-country-deals): read to white space.
                let path = try parsePath(for: "load sample")
                return .loadSample(Name(path.text, range: path.range))
            }
        }
        let path = try parsePath(for: "load")
        offer(.words(["as"]))
        var alias: Name?
        if continuesLine, isKeyword(.as) {
            advance()
            alias = try parseName("a dataset name after `as`", hint: "load \(path.text) as deals")
        }
        return .load(path, alias: alias)
    }

    /// path = string | { any character but white space and ";" }
    package mutating func parsePath(for statement: String) throws(Diagnostic) -> PathArgument {
        guard continuesLine else {
            throw error(
                .unexpectedToken, "`\(statement)` needs a file path",
                hint: "\(statement) data/deals.csv   (quote paths with spaces: \"my data.csv\")", incompleteAtEnd: false)
        }
        relexCurrentAsPath()
        let token = current
        advance()
        if token.kind == .string {
            if token.isUnterminated {
                throw error(.unterminatedString, "this path has no closing quote", at: token.range)
            }
            return PathArgument(text: unescapeString(token), range: token.range)
        }
        return PathArgument(text: text(token), range: token.range)
    }

    /// name = word | "`" any "`"
    package mutating func parseName(_ what: String, hint: String? = nil, incompleteAtEnd: Bool = true) throws(Diagnostic) -> Name {
        guard continuesLine, current.kind == .word || current.kind == .quotedName else {
            throw error(
                .unexpectedToken, "expected \(what), found \(describe(current))", hint: hint,
                incompleteAtEnd: incompleteAtEnd)
        }
        let name = try nameOfCurrent()
        advance()
        return name
    }

    /// The current word or backticked name as a `Name`.
    package func nameOfCurrent() throws(Diagnostic) -> Name {
        if current.kind == .quotedName {
            if current.isUnterminated {
                throw error(.unterminatedString, "this name has no closing backtick", hint: "`first name`")
            }
            let inner = (current.start + 1)..<(current.end - 1)
            return Name(source.text(inner), range: current.range, isQuoted: true)
        }
        return Name(text(current), range: current.range)
    }

    /// help_topic = { word }
    private mutating func parseHelpTopic() -> Name? {
        guard continuesLine else { return nil }
        let start = current.start
        var words: [String] = []
        while continuesLine {
            words.append(text(current).trimmingQuotes)
            advance()
        }
        return Name(words.joined(separator: " "), range: start..<previousEnd)
    }

    /// dot_command = "." ( "help" | "quit" | "exit" | "tables" | "schema" [ name ]
    ///               | "read" path | "load" path | "mode" word )
    private mutating func parseDotCommand() throws(Diagnostic) -> Statement {
        let start = current.start
        let dot = current
        advance()
        guard current.kind == .word, current.start == dot.end else {
            throw error(.unknownStatement, "expected a command after `.`", at: dot.range, hint: Parser.dotCommandHint)
        }
        let word = text(current).lowercased()
        let wordRange = current.range
        advance()
        let kind: StatementKind
        switch word {
        case "help":
            offer(.helpTopic)
            kind = .help(topic: parseHelpTopic())
        case "quit", "exit": kind = .quit
        case "tables", "databases": kind = .datasets
        case "schema":
            offer(.dataset)
            kind = continuesLine ? .describe(try parseName("a dataset name")) : .datasets
        case "read":
            offer(.path(.script))
            kind = .run(try parsePath(for: ".read"))
        case "load", "import":
            offer(.path(.data))
            kind = .load(try parsePath(for: ".\(word)"), alias: nil)
        case "mode":
            offer(.optionValue("format"))
            let value = try parseName("an output format", hint: "table, csv, tsv, json, jsonl or markdown")
            kind = .set(option: Name("format", range: wordRange), value: value)
        case "timer":
            let value = try parseName("on or off")
            kind = .set(option: Name("timer", range: wordRange), value: value)
        default:
            throw error(
                .unknownStatement, "unknown command `.\(word)`", at: dot.start..<wordRange.upperBound,
                hint: Parser.dotCommandHint, incompleteAtEnd: false)
        }
        return Statement(kind: kind, range: start..<previousEnd)
    }

    package static let dotCommandHint =
        "sqlite commands understood here: .help .quit .exit .read .load .mode .tables .schema"
}
