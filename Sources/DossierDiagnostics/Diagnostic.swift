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
    /// The fix, when there is one: a did-you-mean, how to quote, which fields exist.
    public var hint: String?
    /// More input could fix it: the shell asks for a continuation line instead of reporting.
    public var isIncomplete: Bool

    public init(
        _ id: DiagnosticID,
        _ message: String,
        at location: Location = .none,
        severity: Severity = .error,
        hint: String? = nil,
        isIncomplete: Bool = false
    ) {
        self.id = id
        self.message = message
        self.location = location
        self.severity = severity
        self.hint = hint
        self.isIncomplete = isIncomplete
    }

    /// The source range, when the diagnostic points into statement text.
    public var sourceRange: Range<Int>? {
        if case .source(_, let range) = location { return range }
        return nil
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
    public static let arithmetic = DiagnosticID(rawValue: "arithmetic")
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
