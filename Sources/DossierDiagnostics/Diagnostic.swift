import DossierSupport

/// A problem found in a statement or a file: data, not text. `DiagnosticRenderer` is the one
/// place that turns it into what people read.
public struct Diagnostic: Error, Sendable {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    /// Where the problem is.
    public enum Location: Sendable {
        /// A byte range in statement text (a typed line, a `-c` argument, a script).
        case source(SourceText, Range<Int>)
        /// A position in a data file, with the offending line when it is short enough to show.
        case file(path: String, line: Int, column: Int, lineText: String?)
        /// A whole file, with no position inside it.
        case path(String)
        case none
    }

    public var id: DiagnosticID
    public var severity: Severity
    /// Lower-case, specific: what is wrong.
    public var message: String
    public var location: Location
    /// What helps, in order: a did-you-mean, how to quote, which fields exist. Shown as hints.
    public var notes: [Note]
    /// Edits that would fix the statement: replace a range of it with a text. The first is the
    /// likeliest (the closest field to a misspelt one).
    public var fixIts: [FixIt]
    /// More input could fix it: the shell asks for a continuation line instead of reporting.
    public var isIncomplete: Bool

    /// A note under a diagnostic; each line of a hint is one.
    public struct Note: Sendable, Equatable {
        public var message: String

        public init(_ message: String) { self.message = message }
    }

    /// An edit of the statement text: `range` replaced by `replacement`.
    public struct FixIt: Sendable, Equatable {
        public var range: Range<Int>
        public var replacement: String

        public init(replacing range: Range<Int>, with replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    public init(
        _ id: DiagnosticID,
        _ message: String,
        at location: Location = .none,
        severity: Severity = .error,
        hint: String? = nil,
        fixIts: [FixIt] = [],
        isIncomplete: Bool = false
    ) {
        self.id = id
        self.message = message
        self.location = location
        self.severity = severity
        self.notes = hint.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { Note(String($0)) } } ?? []
        self.fixIts = fixIts
        self.isIncomplete = isIncomplete
    }

    /// The notes as one text, a line each.
    public var hint: String? {
        get { notes.isEmpty ? nil : notes.map(\.message).joined(separator: "\n") }
        set { notes = newValue.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { Note(String($0)) } } ?? [] }
    }

    /// The source range, when the diagnostic points into statement text.
    public var sourceRange: Range<Int>? {
        if case .source(_, let range) = location { return range }
        return nil
    }

    /// The statement text with the first fix-it applied, when there is one and the diagnostic
    /// points into statement text.
    public var fixedText: String? {
        guard let fix = fixIts.first, case .source(let source, _) = location else { return nil }
        let bytes = source.bytes
        let range = fix.range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[..<range.lowerBound], as: UTF8.self) + fix.replacement
            + String(decoding: bytes[range.upperBound...], as: UTF8.self)
    }
}

/// A stable name for each kind of diagnostic, for tests and for people searching the docs.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // Syntax
    public static let unexpectedToken = DiagnosticID(rawValue: "unexpected-token")
    public static let expectedExpression = DiagnosticID(rawValue: "expected-expression")
    public static let unterminatedString = DiagnosticID(rawValue: "unterminated-string")
    public static let unknownCharacter = DiagnosticID(rawValue: "unknown-character")
    public static let unknownClause = DiagnosticID(rawValue: "unknown-clause")
    public static let unknownStatement = DiagnosticID(rawValue: "unknown-statement")
    public static let tooDeep = DiagnosticID(rawValue: "nesting-too-deep")
    public static let badNumber = DiagnosticID(rawValue: "bad-number")
    public static let badDate = DiagnosticID(rawValue: "bad-date")
    // Names and types
    public static let unknownField = DiagnosticID(rawValue: "unknown-field")
    public static let ambiguousField = DiagnosticID(rawValue: "ambiguous-field")
    public static let unknownDataset = DiagnosticID(rawValue: "unknown-dataset")
    public static let typeMismatch = DiagnosticID(rawValue: "type-mismatch")
    public static let notACondition = DiagnosticID(rawValue: "not-a-condition")
    public static let unknownFunction = DiagnosticID(rawValue: "unknown-function")
    public static let badArgument = DiagnosticID(rawValue: "bad-argument")
    public static let badPattern = DiagnosticID(rawValue: "bad-pattern")
    public static let misplacedClause = DiagnosticID(rawValue: "misplaced-clause")
    public static let duplicateName = DiagnosticID(rawValue: "duplicate-name")
    // Statements and sessions
    public static let unknownOption = DiagnosticID(rawValue: "unknown-option")
    public static let unknownHelpTopic = DiagnosticID(rawValue: "unknown-help-topic")
    public static let recursion = DiagnosticID(rawValue: "recursive-query")
    public static let cancelled = DiagnosticID(rawValue: "cancelled")
    // Files
    public static let fileNotFound = DiagnosticID(rawValue: "file-not-found")
    public static let fileUnreadable = DiagnosticID(rawValue: "file-unreadable")
    public static let fileUnwritable = DiagnosticID(rawValue: "file-unwritable")
    public static let badData = DiagnosticID(rawValue: "bad-data")
    public static let dataWarning = DiagnosticID(rawValue: "data-warning")
    public static let unsupportedFormat = DiagnosticID(rawValue: "unsupported-format")
    public static let tooLarge = DiagnosticID(rawValue: "too-large")
    public static let replaced = DiagnosticID(rawValue: "replaced")
    public static let emptyResult = DiagnosticID(rawValue: "empty-result")
    // Notes: what a statement did, said to people (never part of a result)
    public static let loaded = DiagnosticID(rawValue: "loaded")
    public static let saved = DiagnosticID(rawValue: "saved")
    public static let defined = DiagnosticID(rawValue: "defined")
    public static let dropped = DiagnosticID(rawValue: "dropped")
    public static let optionSet = DiagnosticID(rawValue: "option-set")
    public static let summary = DiagnosticID(rawValue: "summary")
    public static let typeNote = DiagnosticID(rawValue: "type-note")
    public static let timing = DiagnosticID(rawValue: "timing")
    public static let nothingRun = DiagnosticID(rawValue: "nothing-run")
    public static let nothingLoaded = DiagnosticID(rawValue: "nothing-loaded")
}

extension Diagnostic {
    /// Runs file work, turning its `FileError` into a diagnostic.
    public static func file<T>(_ work: () throws(FileError) -> T) throws(Diagnostic) -> T {
        do throws(FileError) {
            return try work()
        } catch {
            throw Diagnostic(error)
        }
    }

    /// A file that could not be read or written, as a diagnostic about its path.
    public init(_ error: FileError) {
        let id: DiagnosticID
        switch error.kind {
        case .notFound: id = .fileNotFound
        case .unreadable: id = .fileUnreadable
        case .unwritable: id = .fileUnwritable
        case .tooLarge: id = .tooLarge
        }
        self.init(id, error.message, at: .path(error.path), hint: error.hint)
    }
}
