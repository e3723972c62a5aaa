import DossierCore

/// The interactive loop (§2): prompt, continuation while a statement is incomplete (the
/// parser decides), one history entry per statement, errors that never end the session.
public final class Shell {
    public static let prompt = "dossier> "
    public static let continuationPrompt = "     ...> "

    let session: Session
    let reader: LineReader

    public init(session: Session, reader: LineReader) {
        self.session = session
        self.reader = reader
    }

    /// Runs until `quit`, `exit` or end of input. Returns the exit status.
    public func run() -> Int32 {
        var pending: [String] = []
        while true {
            let prompt = pending.isEmpty ? Shell.prompt : Shell.continuationPrompt
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                return 0
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
                reader.addHistory(text)
                if session.run(source, keepGoing: true).quit { return 0 }
            }
        }
    }

    /// More input could complete the last statement.
    public static func isIncomplete(_ source: SourceText) -> Bool {
        Parser.parse(source).last?.isIncomplete ?? false
    }
}
