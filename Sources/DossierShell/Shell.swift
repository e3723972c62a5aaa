import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// The interactive loop (§2): prompt, continuation while a statement is incomplete (the
/// parser decides), one history entry per statement, errors that never end the session.
public final class Shell {
    public static let prompt = "dossier> "
    public static let continuationPrompt = "     ...> "

    let session: Session
    let reader: LineReader
    let history: HistoryFile?
    /// Reports a problem outside any statement (the history file could not be written).
    let warn: (String) -> Void
    /// Run before each statement (the terminal may have been resized).
    public var beforeStatement: () -> Void = {}

    public init(session: Session, reader: LineReader, history: HistoryFile?, warn: @escaping (String) -> Void) {
        self.session = session
        self.reader = reader
        self.history = history
        self.warn = warn
    }

    /// Records a statement in libedit's list and in the history file, as soon as it is accepted.
    private func remember(_ text: String) {
        // A password typed in `connect postgres://ana:secret@host/db` never reaches the history.
        var statement = ConnectionText.redactedStatement(text)
        while let last = statement.last, last == " " || last == "\t" { statement.removeLast() }
        reader.addHistory(statement)
        guard let history, history.failure == nil else { return }
        if !history.append(statement) {
            warn("warning: history is not being saved to \(history.path): \(history.failure ?? "write failed")")
        }
    }

    /// Runs until `quit`, `exit` or end of input. Returns the exit status.
    public func run() -> Int32 {
        var pending: [String] = []
        while true {
            reader.setPending(pending.joined(separator: "\n"))
            let prompt = pending.isEmpty ? Shell.prompt : Shell.continuationPrompt
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                // Ctrl-D at the continuation prompt gives up the statement, not the shell (a
                // second Ctrl-D, on the empty `dossier>` line, leaves).
                if pending.isEmpty { return 0 }
                pending = []
            case .interrupted:
                pending = []
            case .line(let line):
                // An empty line ends a pending continuation: run it and show what is missing.
                let abandon = !pending.isEmpty && line.allSatisfy { $0 == " " || $0 == "\t" }
                if !abandon { pending.append(line) }
                let text = pending.joined(separator: "\n")
                let source = SourceText(text, linesContinue: true)
                if !abandon, Shell.isIncomplete(source) { continue }
                pending = []
                guard text.contains(where: { !$0.isWhitespace }) else { continue }
                remember(text)
                beforeStatement()
                if session.run(source, keepGoing: true).quit { return 0 }
            }
        }
    }

    /// More input could complete the last statement.
    public static func isIncomplete(_ source: SourceText) -> Bool {
        Session.needsMoreInput(source)
    }
}
