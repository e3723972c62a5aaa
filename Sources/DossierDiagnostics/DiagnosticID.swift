import DossierSupport

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
