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
