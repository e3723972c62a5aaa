import DossierSupport
import DossierDiagnostics

extension Parser {
    /// statement = query
    ///           | "let" name "=" query
    ///           | "load" ( "sample" name | path [ "as" name ] { load_option } )
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
            throw error(SyntaxMessages.expectedStatement(found: describe(current)), incompleteAtEnd: false)
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
                throw error(SyntaxMessages.countNeedsDataset(), at: keywordToken.range, incompleteAtEnd: false)
            }
            kind = .query(try parseQuery(stopWords: []))
        case .let?:
            advance()
            let name = try parseName(else: SyntaxMessages.expectedQueryName)
            offer(.words(["="]))
            try expect(.equal) { SyntaxMessages.expectedEqualsAfterName(name.text, found: $0) }
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
                throw error(SyntaxMessages.expectedSaveTo())
            }
            advance()
            if isKeyword(.postgres), peek().kind == .word || peek().kind == .quotedName, !peek().isAtStartOfLine {
                advance()
                kind = .saveToServer(query, try parseName(else: SyntaxMessages.expectedServerTableName))
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
            kind = .describe(try parseName(else: SyntaxMessages.expectedDatasetToDescribe, incompleteAtEnd: false))
        case .drop?:
            advance()
            offer(.dataset)
            kind = .drop(try parseName(else: SyntaxMessages.expectedDatasetToDrop, incompleteAtEnd: false))
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
            guard continuesLine else {
                kind = .showOptions(nil)
                break
            }
            let option = try parseName(else: SyntaxMessages.expectedOption, incompleteAtEnd: false)
            offer(.optionValue(option.text.lowercased()))
            guard continuesLine else {
                kind = .showOptions(option)
                break
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
            throw error(SyntaxMessages.queryStartsWithSelect(), incompleteAtEnd: false)
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
        throw error(SyntaxMessages.mistypedStatement(text(current), suggestion: best, at: current.range), incompleteAtEnd: false)
    }

    /// "load" ( "sample" name | path { "as" name | load_option } )
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
        var alias: Name?
        var options: [LoadOption] = []
        while true {
            offer(.words((alias == nil ? ["as"] : []) + LoadOption.words))
            guard continuesLine, current.kind == .word else { break }
            if alias == nil, isKeyword(.as) {
                advance()
                alias = try parseName { SyntaxMessages.expectedLoadAlias(path.text, found: $0) }
                continue
            }
            options.append(try parseLoadOption(path: path.text))
        }
        return .load(path, alias: alias, options: options)
    }

    /// load_option = "delimiter" value | "quote" value | "header" | "no" "header" | "skip" value
    ///             | "encoding" value | "sheet" value | "table" value
    /// value = string | { any character but white space and ";" }
    private mutating func parseLoadOption(path: String) throws(Diagnostic) -> LoadOption {
        let word = text(current).lowercased()
        let start = current.start
        if word == "no" {
            advance()
            offer(.words(["header"]))
            guard continuesLine, current.kind == .word, text(current).lowercased() == "header" else {
                throw error(SyntaxMessages.expectedHeaderAfterNo(found: describe(current)))
            }
            let end = current.end
            advance()
            return LoadOption(kind: .noHeader, value: nil, range: start..<end, valueRange: start..<end)
        }
        guard let kind = LoadOption.Kind(rawValue: word) else {
            throw error(SyntaxMessages.unknownLoadOption(text(current), path: path), incompleteAtEnd: false)
        }
        advance()
        guard LoadOption.valued.contains(kind) else {
            return LoadOption(kind: kind, value: nil, range: start..<previousEnd, valueRange: start..<previousEnd)
        }
        guard continuesLine else {
            throw error(SyntaxMessages.loadOptionNeedsValue(kind.rawValue, path: path))
        }
        relexCurrentAsPath()
        let token = current
        advance()
        if token.kind == .string, token.isUnterminated {
            throw error(SyntaxMessages.unterminatedText(), at: token.range)
        }
        let value = token.kind == .string ? unescapeString(token) : text(token)
        return LoadOption(kind: kind, value: value, range: start..<token.end, valueRange: token.range)
    }

    /// path = string | { any character but white space and ";" }
    package mutating func parsePath(for statement: String) throws(Diagnostic) -> PathArgument {
        guard continuesLine else {
            throw error(SyntaxMessages.pathMissing(for: statement), incompleteAtEnd: false)
        }
        relexCurrentAsPath()
        let token = current
        advance()
        if token.kind == .string {
            if token.isUnterminated {
                throw error(SyntaxMessages.unterminatedPath(), at: token.range)
            }
            return PathArgument(text: unescapeString(token), range: token.range)
        }
        return PathArgument(text: text(token), range: token.range)
    }

    /// name = word | "`" any "`"
    ///
    /// Anything else is `missing(describe(current))`.
    package mutating func parseName(
        else missing: (String) -> Diagnostic, incompleteAtEnd: Bool = true
    ) throws(Diagnostic) -> Name {
        guard continuesLine, current.kind == .word || current.kind == .quotedName else {
            throw error(missing(describe(current)), incompleteAtEnd: incompleteAtEnd)
        }
        let name = try nameOfCurrent()
        advance()
        return name
    }

    /// The current word or backticked name as a `Name`.
    package func nameOfCurrent() throws(Diagnostic) -> Name {
        if current.kind == .quotedName {
            if current.isUnterminated {
                throw error(SyntaxMessages.unterminatedName())
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
            throw error(SyntaxMessages.expectedDotCommand(), at: dot.range)
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
            kind = continuesLine ? .describe(try parseName(else: SyntaxMessages.expectedSchemaName)) : .datasets
        case "read":
            offer(.path(.script))
            kind = .run(try parsePath(for: ".read"))
        case "load", "import":
            offer(.path(.data))
            kind = .load(try parsePath(for: ".\(word)"), alias: nil, options: [])
        case "mode":
            offer(.optionValue("format"))
            let value = try parseName(else: SyntaxMessages.expectedOutputFormat)
            kind = .set(option: Name("format", range: wordRange), value: value)
        case "timer":
            let value = try parseName(else: SyntaxMessages.expectedOnOrOff)
            kind = .set(option: Name("timer", range: wordRange), value: value)
        default:
            throw error(
                SyntaxMessages.unknownDotCommand(word), at: dot.start..<wordRange.upperBound, incompleteAtEnd: false)
        }
        return Statement(kind: kind, range: start..<previousEnd)
    }
}
