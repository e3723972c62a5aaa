import ArgumentParser
import DossierCore
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

    @Option(help: ArgumentHelp("Output format: table, csv, tsv, json, jsonl or markdown.", valueName: "format"))
    var format: String = "table"

    @Flag(help: "Start without the bundled sample.")
    var empty = false

    @Flag(help: "Scripts: report an error and go on (default: stop at the first).")
    var keepGoing = false

    @Option(help: ArgumentHelp("History file (default: $XDG_STATE_HOME/dossier/history).", valueName: "path"))
    var history: String?

    @Flag(help: "Keep no history.")
    var noHistory = false

    @Argument(help: ArgumentHelp("Files or directories to load before starting.", valueName: "file|dir"))
    var paths: [String] = []

    func validate() throws {
        guard OutputFormat(name: format) != nil else {
            throw ValidationError("unknown format `\(format)`; use table, csv, tsv, json, jsonl or markdown")
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
        let useColor = Terminal.isTerminal(Descriptor.error) && environment["NO_COLOR"] == nil
        let session = Session(output: StandardOutput(useColor: useColor), samples: SampleLibrary.locate(environment: environment))
        session.options.format = OutputFormat(name: format) ?? .table
        if Terminal.isTerminal(Descriptor.output) { session.options.terminalWidth = Terminal.width() }

        var failed = false
        if !empty { _ = session.loadDefaultSample() }
        for path in paths where session.loadPath(path) == .failed { failed = true }

        if !commands.isEmpty || !scripts.isEmpty {
            for text in commands {
                let summary = session.run(SourceText(text), keepGoing: keepGoing)
                if summary.failed { failed = true }
                if summary.quit || (summary.failed && !keepGoing) { return failed ? 1 : 0 }
            }
            for path in scripts {
                let summary = session.runScriptFile(path, keepGoing: keepGoing)
                if summary.failed { failed = true }
                if summary.quit || (summary.failed && !keepGoing) { return failed ? 1 : 0 }
            }
            return failed ? 1 : 0
        }

        guard Terminal.isTerminal(0) else {
            // Piped input is a script: no prompt, no banner.
            let summary = session.run(SourceText(bytes: FileAccess.readStandardInput(), path: "<stdin>"), keepGoing: keepGoing)
            return failed || summary.failed ? 1 : 0
        }
        Descriptor.write(Banner.text(session: session, version: DossierCommand.version), to: Descriptor.output)
        let shell = Shell(session: session, reader: PlainLineReader(showsPrompt: true))
        return shell.run()
    }
}
