import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput
import DossierPostgres

/// Statements run against a catalog (§3). One session is one shell or one script run.
public final class Session {
    public private(set) var catalog = Catalog()
    public var options = SessionOptions()
    /// Set by Ctrl-C; long loops check it between chunks of rows.
    public let cancellation: Cancellation
    public let samples: SampleLibrary
    package let output: SessionOutput
    /// `run` inside `run`: capped so a script that runs itself stops.
    package var scriptDepth = 0
    /// The PostgreSQL server `connect` reached, whose tables are datasets of the catalog.
    package var server: PostgresConnection?
    /// Temporary tables sent so far this session, for unique names (`MixedPlan`).
    package var uploadCount = 0
    package static let maximumScriptDepth = 16
    /// Warnings about columns built while a line was being edited (`Session+DeferredColumns`).
    package var heldDiagnostics: [Diagnostic] = []
    /// The statements known to follow the one running: the rest of its text, then what follows
    /// that text (the command line's later `-c` and `-f`). A large JSON load defers its columns
    /// unless one of them would show every field (`Session+DeferredColumns`).
    package var followingStatements: [Statement] = []
    /// The shell builds a deferred load's columns while it waits for the next line.
    public var buildsColumnsInBackground = false
    package var backgroundBuild: BackgroundBuild?

    public init(output: SessionOutput, samples: SampleLibrary, cancellation: Cancellation = Cancellation()) {
        self.output = output
        self.samples = samples
        self.cancellation = cancellation
    }

    public enum Status: Sendable {
        case ok, failed, quit
    }

    /// The outcome of running a text of statements.
    public struct Summary: Sendable {
        public var failed = false
        public var quit = false
    }

    /// Whether more input could complete the last statement of `source` (an open bracket or
    /// string, a trailing `where` or `and`): the shell then asks for a continuation line.
    public static func needsMoreInput(_ source: SourceText) -> Bool {
        Parser.parse(source).last?.isIncomplete ?? false
    }

    /// Runs every statement of `source` in order. A failed statement is reported; the rest
    /// are skipped unless `keepGoing`.
    @discardableResult
    public func run(_ source: SourceText, keepGoing: Bool = false) -> Summary {
        var summary = Summary()
        let statements = Parser.parse(source)
        // A script is parsed whole before any of it runs: a syntax error on its last line must
        // not leave half its work done (or the wrong table in a redirected file).
        let broken = statements.filter { $0.statement == nil }
        if !keepGoing, !broken.isEmpty {
            for parsed in statements {
                for diagnostic in parsed.diagnostics { output.emit(.diagnostic(diagnostic)) }
            }
            if statements.count > 1 {
                note(SessionMessages.nothingRun(broken: broken.count, path: source.path))
            }
            summary.failed = true
            return summary
        }
        let after = followingStatements
        defer { followingStatements = after }
        for (index, parsed) in statements.enumerated() {
            for diagnostic in parsed.diagnostics { output.emit(.diagnostic(diagnostic)) }
            followingStatements = statements[(index + 1)...].compactMap(\.statement) + after
            let status: Status
            if let statement = parsed.statement {
                status = execute(statement, source: source, keepGoing: keepGoing)
            } else {
                status = .failed
            }
            switch status {
            case .ok: break
            case .failed: summary.failed = true
            case .quit: summary.quit = true
            }
            if summary.quit || (summary.failed && !keepGoing) { break }
        }
        return summary
    }

    /// Runs one statement, reporting any error; the catalog changes only on success.
    public func execute(_ statement: Statement, source: SourceText, keepGoing: Bool = false) -> Status {
        cancellation.reset()
        let clock = ContinuousClock()
        let start = clock.now
        let status: Status
        do throws(Diagnostic) {
            status = try perform(statement, source: source, keepGoing: keepGoing)
        } catch where error.id == .cancelled {
            note(SessionMessages.cancelled())
            status = .failed
        } catch {
            var diagnostic = error
            switch diagnostic.location {
            case .none:
                diagnostic.location = .source(source, statement.range)
            case .path(let path):
                // Say which file, and where in the statement or script it was named.
                diagnostic.message = SessionMessages.aboutFile(path, diagnostic.message)
                diagnostic.location = .source(source, statement.range)
            default:
                break
            }
            output.emit(.diagnostic(diagnostic))
            status = .failed
        }
        if options.timer, status != .quit {
            note(SessionMessages.timing(clock.now - start))
        }
        return status
    }

    private func perform(_ statement: Statement, source: SourceText, keepGoing: Bool) throws(Diagnostic) -> Status {
        showHeldDiagnostics()
        try finishBackgroundBuild(hold: false)
        try buildDeferredColumns(for: statement, source: source)
        switch statement.kind {
        case .query(let query):
            try runQuery(query, source: source)
        case .letBinding(let name, let query):
            try define(name, query, source: source)
        case .load(let path, let alias, let options):
            try load(path.text, alias: alias?.text, options: loadOptions(options, source: source))
        case .loadSample(let name):
            try loadSample(name, source: source)
        case .samples:
            listSamples()
        case .save(let query, let path):
            try save(query, to: path, source: source)
        case .saveToServer(let query, let table):
            try saveToServer(query, table: table, source: source)
        case .connect(let url):
            do throws(Diagnostic) {
                try connect(url?.text ?? "")
            } catch {
                // Errors show the statement: show it without the password it may hold.
                var located = error
                let shown = ConnectionText.redacted(source.text(statement.range))
                located.location = .source(SourceText(shown, path: source.path), 0..<shown.utf8.count)
                throw located
            }
        case .datasets:
            listDatasets()
        case .describe(let name):
            try describe(name, source: source)
        case .explain(let query):
            try explain(query, source: source)
        case .cite(let query):
            try cite(query, source: source)
        case .run(let path):
            return try runScript(path, source: source, keepGoing: keepGoing)
        case .showOptions(let option):
            try showOptions(option, source: source)
        case .set(let option, let value):
            try setOption(option, value, source: source)
        case .drop(let name):
            try drop(name, source: source)
        case .help(let topic):
            try help(topic, source: source)
        case .quit:
            return .quit
        }
        return .ok
    }

    /// Prints a result; `chart` draws it as that chart instead (in the table format: in the
    /// others the rows are printed as data).
    package func emitResult(_ relation: Relation, chart: ChartShape? = nil) throws(Diagnostic) {
        var text = ""
        if let chart, options.format == .table {
            ChartFormatter(width: options.terminalWidth ?? 80, spec: chart.spec).render(relation, into: &text)
        } else {
            options.format.render(relation, width: options.terminalWidth, into: &text, cancellation: cancellation)
        }
        try cancellation.check()
        output.emit(.result(text))
    }

    /// Information for people, never part of a result (`loaded`, `replaced`, timings, why a
    /// result is empty): a note-level diagnostic from `SessionMessages`.
    package func note(_ diagnostic: Diagnostic) {
        output.emit(.diagnostic(diagnostic))
    }

    // MARK: - Catalog changes

    /// Replaces the catalog (used by loads that succeeded as a whole).
    package func commit(_ newCatalog: Catalog) {
        catalog = newCatalog
    }

    /// Loads the bundled sample at start-up (`dossier` without `--empty`).
    public func loadDefaultSample() -> Bool {
        let name = Name(SampleLibrary.defaultSample, range: 0..<0)
        do throws(Diagnostic) {
            try loadSample(name, source: SourceText(""), quiet: true)
            return true
        } catch {
            output.emit(.diagnostic(error))
            return false
        }
    }
}
