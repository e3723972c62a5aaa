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

/// Tab completion as a pure function: text and cursor in, candidates out (§2). The parser says
/// what may come at the cursor (`Parser.completionPoint(of:)`: a field of which pipeline, a value
/// of which field, a clause word, a dataset, a path); this turns that into candidates from the
/// catalog, the data (values with how often each occurs) and the file system. It has no grammar
/// of its own.
public struct Completer {
    package let catalog: Catalog
    package let samples: SampleLibrary?
    /// Ctrl-C while Tab runs the pipeline: the completion stops and offers nothing.
    package let cancellation: Cancellation?
    /// The most frequent values of a field of a pipeline over server tables (the plan, the
    /// field's position, what is typed of the value), from a bounded query; the session's.
    package let serverValues: ((LogicalPlan, Int, String) -> [ValueCounts.Entry])?
    /// Candidates shown at most; the most frequent values come first.
    public static let maximumCandidates = 200

    public init(catalog: Catalog, samples: SampleLibrary?, cancellation: Cancellation? = nil, session: Session? = nil) {
        self.catalog = catalog
        self.samples = samples
        self.cancellation = cancellation
        self.serverValues = session.map { session in
            { [weak session] plan, field, typed in
                (session?.completionValues(plan, field: field, typed: typed, limit: Completer.maximumCandidates) ?? [])
                    .map { ValueCounts.Entry(text: $0.text, count: $0.count) }
            }
        }
    }

    /// Completes `text` at byte offset `cursor` (the text may hold earlier continuation lines).
    public func complete(_ text: String, cursor: Int) -> Completion {
        let bytes = Array(text.utf8)
        let cursor = min(max(0, cursor), bytes.count)
        let pointAt = { (start: Int) in
            Parser.completionPoint(of: SourceText(String(decoding: bytes[..<start], as: UTF8.self), linesContinue: true))
        }
        var start = partialWordStart(bytes, cursor: cursor)
        var point = pointAt(start)
        // A path is everything back to white space (`data/deals.c`), not one word.
        let pathStart = Completer.pathStart(bytes, cursor: cursor)
        if pathStart < start {
            let pathPoint = pointAt(pathStart)
            if pathPoint.items.contains(where: { if case .path = $0 { return true } else { return false } }) {
                start = pathStart
                point = pathPoint
            }
        }
        let partial = String(decoding: bytes[start..<cursor], as: UTF8.self)
        let prefix = SourceText(String(decoding: bytes[..<start], as: UTF8.self), linesContinue: true)
        var candidates: [Completion.Candidate] = []
        var seen = Set<String>()
        var checked: LogicalPlan??
        var pipeline: Pipeline??
        for item in point.items {
            let more = self.candidates(for: item, partial: partial, point: point, prefix: prefix) {
                if checked == nil { checked = .some(plan(point.pipeline, source: prefix)) }
                if pipeline == nil { pipeline = .some((checked ?? nil).flatMap(run)) }
                return pipeline ?? nil
            }
            for candidate in more where seen.insert(candidate.insert.lowercased()).inserted {
                candidates.append(candidate)
            }
        }
        return Completion(replace: start..<cursor, candidates: Array(candidates.prefix(Completer.maximumCandidates)))
    }

    /// The pipeline before the clause being typed: its rows when they are in memory, its plan
    /// alone over server tables (whose rows stay there).
    enum Pipeline {
        case rows(Relation)
        case onServer(LogicalPlan)

        var fields: [Field] {
            switch self {
            case .rows(let relation): return relation.fields
            case .onServer(let plan): return plan.fields
            }
        }
    }

    private func candidates(
        for item: CompletionPoint.Item, partial: String, point: CompletionPoint, prefix: SourceText,
        pipeline: () -> Pipeline?
    ) -> [Completion.Candidate] {
        switch item {
        case .statementStart:
            if partial.hasPrefix(".") { return keywords(WordTable.dotCommands, partial) }
            return keywords(WordTable.statements.map(\.typed), partial) + datasets(partial)
        case .dataset:
            return datasets(partial)
        case .path(let kind):
            return paths(partial, kind: kind)
        case .sampleName:
            return keywords(samples?.names ?? [], partial)
        case .option:
            return keywords(WordTable.options, partial)
        case .optionValue(let option):
            return option == "format" ? keywords(OutputFormat.allCases.map(\.rawValue), partial) : keywords(["on", "off"], partial)
        case .helpTopic:
            return keywords(Help.topics.map(\.name), partial)
        case .field:
            return fields(pipeline(), partial)
        case .value(let field):
            return values(of: prefix.text(field.range), in: pipeline(), partial: partial)
        case .joinKey(let joined):
            var names = (pipeline()?.fields ?? []).map(\.displayName)
            if case .dataset(let dataset)? = catalog[joined.text] { names += dataset.fields.map(\.name) }
            var unique = Set<String>()
            return quotedNames(names.filter { unique.insert($0.lowercased()).inserted }.sorted(), partial)
        case .aggregate:
            return keywords(WordTable.aggregates, partial, space: false)
        case .clauseWord:
            var words = WordTable.clauses.filter { $0.keyword != .order }.flatMap { $0.keyword == .count ? [$0.typed, "count"] : [$0.typed] }
            if point.statement == .save { words.append("to") }
            return keywords(words, partial)
        case .words(let words):
            return keywords(words, partial)
        }
    }

    // MARK: - Where the word under the cursor starts

    /// A word, a backticked name, a number or an open quote that ends at the cursor starts the
    /// partial word; `.re` at a statement's start is one word.
    private func partialWordStart(_ bytes: [UInt8], cursor: Int) -> Int {
        let source = SourceText(bytes: Array(bytes[..<cursor]))
        var lexer = Lexer(source)
        var last: Token?
        var beforeLast: Token?
        while true {
            let token = lexer.next()
            if token.kind == .endOfInput { break }
            beforeLast = last
            last = token
        }
        guard let last, last.end == cursor else { return cursor }
        switch last.kind {
        case .word:
            if let dot = beforeLast, dot.kind == .dot, dot.end == last.start { return dot.start }
            return last.start
        case .quotedName, .number, .date, .string, .dot:
            return last.start
        default:
            return cursor
        }
    }

    /// Where a path typed before the cursor starts: after the last white space, at an open quote.
    static func pathStart(_ bytes: [UInt8], cursor: Int) -> Int {
        var start = cursor
        while start > 0 {
            let byte = bytes[start - 1]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") { break }
            start -= 1
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { break }
        }
        return start
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

    private func fields(_ pipeline: Pipeline?, _ partial: String) -> [Completion.Candidate] {
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

    /// The pipeline before the clause being typed, checked and optimized, when it checks.
    private func plan(_ query: Query?, source: SourceText) -> LogicalPlan? {
        guard let query, let plan = try? Checker(catalog: catalog, source: source).check(query) else { return nil }
        return Optimizer.optimize(plan)
    }

    /// Its rows, when it reads no server table.
    private func run(_ plan: LogicalPlan) -> Pipeline? {
        if Session.readsServer(plan) { return .onServer(plan) }
        return (try? Executor(cancellation: cancellation).run(plan).relation).map(Pipeline.rows)
    }

    /// The distinct values of a field, most frequent first, with their counts.
    private func values(of fieldName: String, in pipeline: Pipeline?, partial: String) -> [Completion.Candidate] {
        guard let pipeline else { return [] }
        let fields = pipeline.fields
        let written = fieldName.hasPrefix("`") && fieldName.hasSuffix("`") && fieldName.count >= 2
            ? String(fieldName.dropFirst().dropLast()) : fieldName
        let key = FieldName.key(written)
        guard let index = fields.firstIndex(where: { FieldName.key($0.displayName) == key })
            ?? fields.firstIndex(where: { FieldName.key($0.name) == key })
        else { return [] }
        let quote: Character? = partial.first.flatMap { "\"'“".contains($0) ? $0 : nil }
        let typed = quote == nil ? partial : String(partial.dropFirst())
        let lowered = typed.lowercased()
        let fieldNames = Set(fields.map { FieldName.key($0.name) })
        let type = fields[index].type
        let entries: [ValueCounts.Entry]
        switch pipeline {
        case .rows(let relation):
            entries = ValueCounts.count(relation, column: index, cancellation: cancellation)
        case .onServer(let plan):
            entries = ValueCounts.ordered(serverValues?(plan, index, typed) ?? [])
        }
        return entries
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

    /// Files and folders for a path being typed: data files after `load`, scripts after `run`.
    private func paths(_ partial: String, kind: CompletionPoint.PathKind) -> [Completion.Candidate] {
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
