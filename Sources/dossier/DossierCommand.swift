import ArgumentParser
import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierLoad
import DossierSession
import DossierCompletion
import DossierShell

#if canImport(Glibc)
import Glibc
#endif

/// The command line (§1): picks the shell or script mode and sets the session up.
@main
struct DossierCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A query shell for small, forgiving questions about datasets.",
        discussion: """
            With no command, starts the shell on the bundled sample `third-country-deals`.
            Try: dossier -c 'countries where concern = rights'
            """,
        version: "dossier \(version)")

    @Option(name: .customShort("c"), help: ArgumentHelp("Run statements, print, exit (repeatable).", valueName: "query"))
    var commands: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run a script file, exit (repeatable).", valueName: "script"))
    var scripts: [String] = []

    @Option(help: ArgumentHelp("Output format: table, csv, tsv, json, jsonl, markdown or record.", valueName: "format"))
    var format: String = "table"

    @Flag(help: "Start without the bundled sample.")
    var empty = false

    @Flag(help: "Scripts: report an error and go on (default: stop at the first).")
    var keepGoing = false

    @Option(help: ArgumentHelp("History file (default: $XDG_STATE_HOME/dossier/history).", valueName: "path"))
    var history: String?

    @Flag(help: "Keep no history.")
    var noHistory = false

    @Option(help: ArgumentHelp(
        "Connect to a PostgreSQL server first (as the connect statement; PGHOST, PGUSER … fill in what the URL leaves out).",
        valueName: "url"))
    var connect: String?

    @Argument(help: ArgumentHelp("Files or directories to load before starting.", valueName: "file|dir"))
    var paths: [String] = []

    func validate() throws {
        guard OutputFormat(name: format) != nil else {
            throw ValidationError("unknown format `\(format)`; use table, csv, tsv, json, jsonl, markdown or record")
        }
    }

    /// Usage errors exit 2 (§1), not ArgumentParser's 64.
    static func main() {
        let command: DossierCommand
        do {
            command = try parse()
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                Descriptor.write(message + "\n", to: Descriptor.output)
                Glibc.exit(0)
            }
            Descriptor.write(message + "\n", to: Descriptor.error)
            Glibc.exit(2)
        }
        Glibc.exit(command.start())
    }

    func start() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessEnvironment.current
        let interactive = commands.isEmpty && scripts.isEmpty && Terminal.isTerminal(0)
        let useColor = Terminal.isTerminal(Descriptor.error) && environment["NO_COLOR"] == nil
        let output: SessionOutput
        if interactive {
            Interrupts.install()
            output = ShellOutput(useColor: useColor, environment: environment)
        } else {
            output = StandardOutput(useColor: useColor)
        }
        let session = Session(
            output: output, samples: SampleLibrary.locate(environment: environment), cancellation: Interrupts.cancellation)
        (output as? ShellOutput)?.pagerEnabled = { [unowned session] in session.options.pager }
        session.options.format = OutputFormat(name: format) ?? .table
        // The shell waits for lines: a large JSON file's columns are built meanwhile.
        session.buildsColumnsInBackground = interactive
        if Terminal.isTerminal(Descriptor.output) { session.options.terminalWidth = Terminal.width() }

        var failed = false
        if !empty { _ = session.loadDefaultSample() }
        for path in paths where session.loadPath(path) == .failed { failed = true }
        // After the loads, as typing `connect` first thing would be: a local dataset keeps its name.
        if let connect, !session.connectAtStart(connect) { failed = true }

        if !commands.isEmpty || !scripts.isEmpty {
            let inputs = orderedInputs(CommandLine.arguments)
            for (index, input) in inputs.enumerated() {
                session.setUpcoming(inputs[(index + 1)...].compactMap { input -> SourceText? in
                    switch input {
                    case .command(let text): return SourceText(text)
                    case .script(let path): return (try? FileAccess.read(path, limit: DataLimits.maximumScriptBytes)).map { SourceText(bytes: $0, path: path) }
                    }
                })
                let summary: Session.Summary
                switch input {
                case .command(let text): summary = session.run(SourceText(text), keepGoing: keepGoing)
                case .script(let path): summary = session.runScriptFile(path, keepGoing: keepGoing)
                }
                if summary.failed { failed = true }
                if summary.quit || (summary.failed && !keepGoing) { return failed ? 1 : 0 }
            }
            return failed ? 1 : 0
        }

        guard interactive else {
            // Piped input is a script: no prompt, no banner, no history.
            guard let script = FileAccess.readStandardInput() else {
                Descriptor.write("<stdin>: error: the script is larger than \(DataLimits.maximumScriptBytes >> 20) MB\n", to: Descriptor.error)
                return 1
            }
            let summary = session.run(SourceText(bytes: script, path: "<stdin>"), keepGoing: keepGoing)
            return failed || summary.failed ? 1 : 0
        }
        return startShell(session, environment: environment)
    }

    enum Input: Equatable {
        case command(String)
        case script(String)
    }

    /// `-c` and `-f` in the order they were typed (psql's rule): the parser keeps each option's
    /// values apart, so the order is read off the raw arguments.
    func orderedInputs(_ arguments: [String]) -> [Input] {
        var kinds: [Character] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "-c" || argument == "-f" {
                kinds.append(argument == "-c" ? "c" : "f")
                index += 2
                continue
            }
            if argument.hasPrefix("-c") || argument.hasPrefix("-f"), !argument.hasPrefix("--") {
                kinds.append(argument.dropFirst().first ?? "c")
            }
            index += 1
        }
        var remainingCommands = commands[...]
        var remainingScripts = scripts[...]
        guard kinds.filter({ $0 == "c" }).count == commands.count, kinds.filter({ $0 == "f" }).count == scripts.count else {
            return commands.map(Input.command) + scripts.map(Input.script)
        }
        return kinds.compactMap { kind in
            kind == "c" ? remainingCommands.popFirst().map(Input.command) : remainingScripts.popFirst().map(Input.script)
        }
    }

    /// The interactive shell: init file, banner, history, line editing.
    private func startShell(_ session: Session, environment: [String: String]) -> Int32 {
        let warn = { (text: String) in Descriptor.write(text + "\n", to: Descriptor.error) }
        var history: HistoryFile?
        if !noHistory, let path = self.history ?? HistoryFile.defaultPath(environment: environment) {
            do throws(Diagnostic) {
                history = try HistoryFile(path: path)
            } catch {
                warn(DiagnosticRenderer().render(error))
            }
        }
        if let initFile = InitFile.path(environment: environment) {
            session.runScriptFile(initFile, keepGoing: true)
        }
        Descriptor.write(Banner.text(session: session, version: DossierCommand.version), to: Descriptor.output)
        let completer = { [unowned session] (text: String, cursor: Int) -> Completion in
            // Tab may run the pipeline: Ctrl-C stops it like any query, and a stale Ctrl-C
            // from before must not.
            session.cancellation.reset()
            // Values are offered from built columns.
            session.buildAllDeferredColumnsQuietly()
            let completion = Completer(
                catalog: session.catalog, samples: session.samples, cancellation: session.cancellation, session: session)
                .complete(text, cursor: cursor)
            return session.cancellation.isCancelled
                ? Completion(replace: completion.replace, candidates: [], wasInterrupted: true) : completion
        }
        let reader: LineReader = EditLineReader(completer: completer, entries: history?.entries ?? [])
            ?? PlainLineReader(showsPrompt: true)
        let shell = Shell(session: session, reader: reader, history: history, warn: warn)
        shell.beforeStatement = { [unowned session] in session.options.terminalWidth = Terminal.width() }
        return shell.run()
    }
}
