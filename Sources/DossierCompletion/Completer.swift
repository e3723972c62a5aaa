import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput
import DossierSession

/// Tab completion as a pure function: text and cursor in, candidates out (§2). It knows where
/// the cursor is from the tokens before it, asks the checker what fields the pipeline has at
/// that point, and the data which values a field holds, with how often each occurs.
public struct Completer {
    package let catalog: Catalog
    package let samples: SampleLibrary?
    /// Ctrl-C while Tab runs the pipeline: the completion stops and offers nothing.
    package let cancellation: Cancellation?
    /// Candidates shown at most; the most frequent values come first.
    public static let maximumCandidates = 200

    public init(catalog: Catalog, samples: SampleLibrary?, cancellation: Cancellation? = nil) {
        self.catalog = catalog
        self.samples = samples
        self.cancellation = cancellation
    }

    /// A token before the cursor, with its lower-cased text for keyword tests.
    package struct Piece {
        package let kind: TokenKind
        package let text: String
        package let word: String
        package let range: Range<Int>
    }

    /// Completes `text` at byte offset `cursor` (the text may hold earlier continuation lines).
    public func complete(_ text: String, cursor: Int) -> Completion {
        let source = SourceText(text)
        let cursor = min(max(0, cursor), source.bytes.count)
        let pieces = tokens(source, upTo: cursor)
        // The statement being typed: tokens after the last `;`.
        let statement = Array(pieces.split(omittingEmptySubsequences: false, whereSeparator: { $0.kind == .semicolon }).last ?? [])
        let partialStart = partialWordStart(source, cursor: cursor, pieces: statement)
        let before = statement.filter { $0.range.upperBound <= partialStart }
        let partial = source.text(partialStart..<cursor)
        let candidates = candidatesFor(before, partial: partial, source: source)
        return Completion(replace: partialStart..<cursor, candidates: Array(candidates.prefix(Completer.maximumCandidates)))
    }

    // MARK: - Tokens

    private func tokens(_ source: SourceText, upTo cursor: Int) -> [Piece] {
        var lexer = Lexer(source)
        var pieces: [Piece] = []
        while true {
            var token = lexer.next()
            if token.kind == .endOfInput || token.start >= cursor { break }
            // Paths are single pieces after the words that take them.
            if let last = pieces.last, ["load", "run", ".read", ".load"].contains(last.word) || (last.word == "to" && isSave(pieces)) {
                lexer.reset(to: token.start, atStartOfLine: token.isAtStartOfLine)
                token = lexer.next(.path)
            }
            let text = source.text(token.start..<min(token.end, cursor))
            var word = token.kind == .word ? text.lowercased() : text
            if token.kind == .dot, let next = peekWord(source, after: token), next.start == token.end {
                // `.read` and friends as one piece.
                word = "." + source.text(next.range).lowercased()
                token.end = next.end
                lexer.reset(to: next.end, atStartOfLine: false)
            }
            pieces.append(Piece(kind: token.kind, text: source.text(token.start..<min(token.end, cursor)), word: word,
                range: token.start..<min(token.end, cursor)))
        }
        return pieces
    }

    private func peekWord(_ source: SourceText, after token: Token) -> Token? {
        var lexer = Lexer(source, startingAt: token.end)
        let next = lexer.next()
        return next.kind == .word ? next : nil
    }

    private func isSave(_ pieces: [Piece]) -> Bool {
        let statement = pieces.split(omittingEmptySubsequences: false, whereSeparator: { $0.kind == .semicolon }).last ?? []
        return statement.first?.word == "save" && statement.count > 2
    }

    /// Where the word under the cursor starts: a word, a path, or an open quote.
    private func partialWordStart(_ source: SourceText, cursor: Int, pieces: [Piece]) -> Int {
        if let last = pieces.last, last.range.upperBound == cursor {
            switch last.kind {
            case .word, .quotedName, .path, .number, .date: return last.range.lowerBound
            case .string where source.bytes[last.range].count >= 1: return last.range.lowerBound
            case .dot: return last.range.lowerBound
            default: break
            }
        }
        return cursor
    }

    // MARK: - Contexts

    private func candidatesFor(_ tokens: [Piece], partial: String, source: SourceText) -> [Completion.Candidate] {
        guard let first = tokens.first else {
            if partial.hasPrefix(".") {
                return keywords([".help", ".quit", ".exit", ".read", ".load", ".mode", ".tables", ".schema"], partial)
            }
            return keywords(Keyword.statementWords.map(\.rawValue), partial) + datasets(partial)
        }
        switch first.word {
        case "load", ".load":
            if tokens.count == 1 { return (first.word == "load" ? keywords(["sample"], partial) : []) + paths(partial, kind: .data) }
            if tokens.count == 2, tokens[1].word == "sample" { return sampleNames(partial) }
            if tokens.count == 2 { return keywords(["as"], partial) }
            return []
        case "run", ".read":
            return tokens.count == 1 ? paths(partial, kind: .script) : []
        case "describe", "drop", ".schema":
            return tokens.count == 1 ? datasets(partial) : []
        case "help", ".help":
            return tokens.count == 1 ? keywords(Help.topics.map(\.name), partial) : []
        case "set":
            if tokens.count == 1 { return keywords(["format", "timer", "pager"], partial) }
            if tokens.count == 2 {
                return tokens[1].word == "format" ? keywords(OutputFormat.allCases.map(\.rawValue), partial) : keywords(["on", "off"], partial)
            }
            return []
        case ".mode":
            return tokens.count == 1 ? keywords(OutputFormat.allCases.map(\.rawValue), partial) : []
        case "let":
            if tokens.count == 3, tokens[2].kind == .equal { return datasets(partial) }
            return tokens.count > 3 ? inQuery(Array(tokens[3...]), partial: partial, source: source, statement: "let") : []
        case "count", "explain", "cite", "save":
            if tokens.count == 1 { return datasets(partial) }
            if first.word == "save", let last = tokens.last, last.word == "to", tokens.count > 2, !last.isOperandPosition(before: tokens.dropLast().last) {
                return paths(partial, kind: .any)
            }
            return inQuery(Array(tokens[1...]), partial: partial, source: source, statement: first.word)
        case "samples", "datasets", "quit", "exit", ".tables", ".quit", ".exit":
            return []
        default:
            return inQuery(tokens, partial: partial, source: source, statement: nil)
        }
    }

    /// Inside a query: clause words, fields, or values, by what comes just before.
    private func inQuery(_ tokens: [Piece], partial: String, source: SourceText, statement: String?) -> [Completion.Candidate] {
        guard let sourceName = tokens.first, tokens.count > 1 else { return clauseWords(partial, statement: statement) }
        // The last clause at bracket depth 0, and where it starts.
        var depth = 0
        var clauseIndex: Int?
        for (index, token) in tokens.enumerated().dropFirst() {
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen { depth -= 1 }
            if depth == 0, token.kind == .word, let keyword = Keyword(rawValue: token.word), Keyword.clauseWords.contains(keyword),
                isClauseStart(tokens, index)
            {
                clauseIndex = index
            }
            if depth == 0, token.kind == .pipe { clauseIndex = index }
            // `count countries by ...`: the statement's `by` acts as a `count by` clause.
            if depth == 0, statement == "count", token.word == "by", clauseIndex == nil { clauseIndex = index }
        }
        var clauseStart = clauseIndex.map { tokens[$0].range.lowerBound } ?? sourceName.range.upperBound
        if let index = clauseIndex, index > 1, tokens[index - 1].kind == .pipe { clauseStart = tokens[index - 1].range.lowerBound }
        let pipeline = pipelineBefore(source.text(sourceName.range.lowerBound..<clauseStart), source: source)
        var clause = clauseIndex.map { tokens[$0].word } ?? ""
        if clause == "by" { clause = "count" }
        let last = tokens[tokens.count - 1]
        let previous = tokens.count >= 2 ? tokens[tokens.count - 2] : nil

        if clauseIndex == nil || last.kind == .pipe {
            return clauseWords(partial, statement: statement)
        }
        switch clause {
        case "join", "left":
            return joinCandidates(tokens, from: clauseIndex ?? 0, partial: partial, pipeline: pipeline)
        case "limit", "chart":
            return last.word == "limit" || last.word == "offset" ? [] : keywords(["offset"], partial) + clauseWords(partial, statement: statement)
        case "summarize":
            if ["summarize", ","].contains(last.word) && depthAt(tokens) == 0 {
                return keywords(["count()", "count(", "count distinct", "sum(", "avg(", "min(", "max("], partial, space: false)
            }
        default:
            break
        }
        // Values after `field =`, `field in (`, inside the list, after `contains` ...
        if let field = comparedField(tokens) {
            return values(of: field, in: pipeline, partial: partial)
        }
        if last.kind == .word, last.word == "is" { return keywords(["missing", "not missing"], partial) }
        if last.kind == .word, last.word == "not", previous?.word == "is" { return keywords(["missing"], partial) }
        if last.kind == .word, ["sort", "order", "count"].contains(last.word), last.range.lowerBound == clauseStart {
            return keywords(["by"], partial)
        }
        if last.isOperandPosition(before: previous) {
            return fields(pipeline, partial)
        }
        // After a complete expression: what can follow it.
        var next: [String] = []
        switch clause {
        case "where": next = ["and", "or", "not", "in", "between", "contains", "like", "matches", "is"]
        case "select": next = ["as"]
        case "sort", "order": next = ["asc", "desc"]
        case "count": next = clauseWords.contains(last.word) ? ["by"] : []
        default: break
        }
        return keywords(next, partial) + clauseWords(partial, statement: statement)
    }

    private static let clauseStarters: Set<String> = ["where", "select", "sort", "order", "limit", "distinct", "count", "summarize", "join", "left", "chart"]
    private var clauseWords: Set<String> { Completer.clauseStarters }

    /// A clause word starts a clause unless it stands where a field does (`sort by count`).
    private func isClauseStart(_ tokens: [Piece], _ index: Int) -> Bool {
        let previous = tokens[index - 1]
        if previous.isOperandPosition(before: index >= 2 ? tokens[index - 2] : nil) { return false }
        if tokens[index].word == "join", previous.word == "left" { return false }
        return true
    }

    private func depthAt(_ tokens: [Piece]) -> Int {
        tokens.reduce(0) { $0 + ($1.kind == .leftParen ? 1 : $1.kind == .rightParen ? -1 : 0) }
    }

    private func clauseWords(_ partial: String, statement: String?) -> [Completion.Candidate] {
        var words = ["where", "select", "sort by", "limit", "distinct", "count by", "count", "summarize", "join", "left join", "chart"]
        if statement == "save" { words.append("to") }
        return keywords(words, partial)
    }

    /// The field whose values belong at the cursor: after `F =`, `F in (`, `F in (a,`, ...
    private func comparedField(_ tokens: [Piece]) -> String? {
        let count = tokens.count
        guard count >= 2 else { return nil }
        let last = tokens[count - 1]
        if last.kind.isComparison || ["contains", "like", "matches", "between"].contains(last.word) {
            return fieldName(endingAt: count - 2, tokens)
        }
        // Inside `in ( ... `: find the unmatched `(`.
        if last.kind == .leftParen || last.kind == .comma {
            var depth = 0
            var index = count - 1
            while index >= 0 {
                if tokens[index].kind == .rightParen { depth += 1 }
                if tokens[index].kind == .leftParen {
                    if depth == 0 { break }
                    depth -= 1
                }
                index -= 1
            }
            guard index >= 2, tokens[index - 1].word == "in" else { return nil }
            var fieldEnd = index - 2
            if tokens[fieldEnd].word == "not" { fieldEnd -= 1 }
            return fieldEnd >= 0 ? fieldName(endingAt: fieldEnd, tokens) : nil
        }
        return nil
    }

    private func fieldName(endingAt index: Int, _ tokens: [Piece]) -> String? {
        guard index >= 0 else { return nil }
        let token = tokens[index]
        switch token.kind {
        case .word:
            if index >= 2, tokens[index - 1].kind == .dot, tokens[index - 2].kind == .word {
                return tokens[index - 2].text + "." + token.text
            }
            return token.text
        case .quotedName:
            return String(token.text.dropFirst().dropLast())
        default:
            return nil
        }
    }

    private func joinCandidates(_ tokens: [Piece], from start: Int, partial: String, pipeline: Relation?) -> [Completion.Candidate] {
        let rest = Array(tokens[start...])
        let last = rest[rest.count - 1]
        if last.word == "left" { return keywords(["join"], partial) }
        if last.word == "join" { return datasets(partial) }
        guard let joinIndex = rest.firstIndex(where: { $0.word == "join" }), joinIndex + 1 < rest.count else { return [] }
        let joined = rest[joinIndex + 1].text
        if rest.count == joinIndex + 2 { return keywords(["on"], partial) }
        if last.word == "on" || last.kind == .equal {
            var names = (pipeline?.fields ?? []).map(\.displayName)
            if case .dataset(let dataset)? = catalog[joined] { names += dataset.fields.map(\.name) }
            return quotedNames(Array(Set(names)).sorted(), partial)
        }
        return clauseWords(partial, statement: nil)
    }

    // MARK: - Candidates

    private func keywords(_ words: [String], _ partial: String, space: Bool = true) -> [Completion.Candidate] {
        let lowered = partial.lowercased()
        return words.filter { $0.lowercased().hasPrefix(lowered) }.map {
            Completion.Candidate(insert: $0, appendsSpace: space && !$0.hasSuffix("("))
        }
    }

    private func datasets(_ partial: String) -> [Completion.Candidate] {
        quotedNames(catalog.names, partial)
    }

    private func sampleNames(_ partial: String) -> [Completion.Candidate] {
        keywords(samples?.names ?? [], partial)
    }

    private func fields(_ pipeline: Relation?, _ partial: String) -> [Completion.Candidate] {
        quotedNames((pipeline?.fields ?? []).map(\.displayName), partial)
    }

    /// Names as they must be typed: backticks around anything that is not a plain word.
    private func quotedNames(_ names: [String], _ partial: String) -> [Completion.Candidate] {
        let typed = partial.hasPrefix("`") ? String(partial.dropFirst()) : partial
        return names.filter { $0.lowercased().hasPrefix(typed.lowercased()) }.map { name in
            let plain = Completer.isPlainWord(name.split(separator: ".").last.map(String.init) ?? name)
            return Completion.Candidate(insert: plain && !partial.hasPrefix("`") ? name : "`\(name)`", display: name)
        }
    }

    package static func isPlainWord(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, Lexer.isWordStart(first) else { return false }
        return bytes.allSatisfy(Lexer.isWordContinue)
    }

    /// The fields and rows of the pipeline before the clause being typed, when it checks.
    private func pipelineBefore(_ text: String, source: SourceText) -> Relation? {
        let (query, diagnostics) = Parser.parseQuery(SourceText(text))
        guard let query, diagnostics.isEmpty,
            let plan = try? Checker(catalog: catalog, source: SourceText(text)).check(query)
        else { return nil }
        return try? Executor(cancellation: cancellation).run(plan).relation
    }

    /// The distinct values of a field, most frequent first, with their counts.
    private func values(of fieldName: String, in pipeline: Relation?, partial: String) -> [Completion.Candidate] {
        guard let relation = pipeline else { return [] }
        let key = FieldName.key(fieldName)
        guard let index = relation.fields.firstIndex(where: { FieldName.key($0.displayName) == key })
            ?? relation.fields.firstIndex(where: { FieldName.key($0.name) == key })
        else { return [] }
        let quote: Character? = partial.first.flatMap { "\"'“".contains($0) ? $0 : nil }
        let typed = quote == nil ? partial : String(partial.dropFirst())
        let lowered = typed.lowercased()
        let fieldNames = Set(relation.fields.map { FieldName.key($0.name) })
        let type = relation.fields[index].type
        return ValueCounts.count(relation, column: index, cancellation: cancellation)
            .filter { $0.text.lowercased().hasPrefix(lowered) }
            .map { entry in
                let insert = Completer.literal(entry.text, type: type, fieldNames: fieldNames, quote: quote)
                return Completion.Candidate(insert: insert, display: "\(entry.text) (\(entry.count))")
            }
    }

    /// A value as it must be typed after `=`: bare when it reads back as the same text.
    package static func literal(_ text: String, type: ValueType, fieldNames: Set<String>, quote: Character?) -> String {
        if quote == nil {
            if type.isNumeric || type == .date || type == .bool { return text }
            if isPlainWord(text), Keyword(rawValue: text.lowercased()) == nil, !fieldNames.contains(FieldName.key(text)) {
                return text
            }
        }
        let mark: Character = quote == "'" ? "'" : "\""
        let escaped = text.replacingAll("\\", with: "\\\\").replacingAll(String(mark), with: "\\" + String(mark))
        return "\(mark)\(escaped)\(mark)"
    }

    // MARK: - Paths

    package enum PathKind { case data, script, any }

    private func paths(_ partial: String, kind: PathKind) -> [Completion.Candidate] {
        let quoted = partial.hasPrefix("\"") || partial.hasPrefix("'")
        let typed = quoted ? String(partial.dropFirst()) : partial
        let slash = typed.lastIndex(of: "/")
        let directoryPart = slash.map { String(typed[...$0]) } ?? ""
        let basePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let directory = directoryPart.isEmpty ? "." : directoryPart
        guard let entries = try? FileAccess.list(directory: directory) else { return [] }
        var candidates: [Completion.Candidate] = []
        for name in entries where name.hasPrefix(basePrefix) && (basePrefix.hasPrefix(".") || !name.hasPrefix(".")) {
            let full = directoryPart + name
            let isDirectory = FileAccess.kind(of: full) == .directory
            if !isDirectory {
                switch kind {
                case .data where DataFormat(path: name) == nil: continue
                case .script where !(name.hasSuffix(".dq") || name.hasSuffix(".sql") || name.hasSuffix(".txt")): continue
                default: break
                }
            }
            let shown = isDirectory ? full + "/" : full
            let needsQuotes = quoted || shown.contains(" ")
            candidates.append(Completion.Candidate(
                insert: needsQuotes ? "\"\(shown)\(isDirectory ? "" : "\"")" : shown,
                display: isDirectory ? name + "/" : name, appendsSpace: !isDirectory))
        }
        return candidates
    }
}

extension Completer.Piece {
    /// Whether a field or value is expected right after this token.
    package func isOperandPosition(before previous: Completer.Piece?) -> Bool {
        switch kind {
        case .leftParen, .comma, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual,
            .plus, .minus, .star, .slash:
            return true
        case .word:
            if ["where", "and", "or", "not", "select", "by", "distinct", "on", "between", "in", "contains", "like", "matches"].contains(word) {
                return true
            }
            return false
        default:
            return false
        }
    }
}

/// Distinct values of a column over a relation's rows, with counts, most frequent first.
package enum ValueCounts {
    package struct Entry {
        package let text: String
        package let count: Int
    }

    package static func count(_ relation: Relation, column index: Int, cancellation: Cancellation? = nil) -> [Entry] {
        let column = relation.columns[index]
        var entries: [Entry] = []
        switch column {
        case .text(let text):
            var counts = [Int](repeating: 0, count: text.dictionary.codeCount)
            for position in 0..<relation.count {
                if position & 0xFFFF == 0, cancellation?.isCancelled == true { return [] }
                counts[Int(text.codes[relation.rows[position]])] += 1
            }
            entries = text.dictionary.distinctCounts(counts).map { Entry(text: $0.text, count: $0.count) }
        case .list(let list):
            var counts = [Int](repeating: 0, count: list.dictionary.codeCount)
            for position in 0..<relation.count {
                if position & 0xFFFF == 0, cancellation?.isCancelled == true { return [] }
                let row = relation.rows[position]
                for item in list.items[Int(list.offsets[row])..<Int(list.offsets[row + 1])] { counts[Int(item)] += 1 }
            }
            entries = list.dictionary.distinctCounts(counts).map { Entry(text: $0.text, count: $0.count) }
        default:
            var counts: [String: Int] = [:]
            for position in 0..<min(relation.count, 1_000_000) {
                if position & 0xFFFF == 0, cancellation?.isCancelled == true { return [] }
                let value = column.value(at: relation.rows[position])
                if !value.isMissing { counts[value.formatted(), default: 0] += 1 }
            }
            entries = counts.map { Entry(text: $0.key, count: $0.value) }
        }
        return entries.sorted { $0.count != $1.count ? $0.count > $1.count : $0.text.lowercased() < $1.text.lowercased() }
    }
}
