#if canImport(Glibc)
import Glibc
#endif
import CEditLine
import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// Line editing with libedit's native API (emacs keys, Up/Down, Ctrl-R, Tab). C callbacks
/// find this object through EL_CLIENTDATA; no global state.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    /// The prompt libedit draws, kept alive as a C string between calls.
    // Safe: owned here (strdup), freed only when replaced in readLine or in deinit; libedit reads it
    // only during el_gets, which runs on this thread while the pointer is current.
    private var promptStorage: UnsafeMutablePointer<CChar>
    /// Computes candidates for text (earlier continuation lines + this line) at a byte offset.
    private let completer: (String, Int) -> Completion
    /// Lines typed before this one in the statement being continued.
    private var pendingText = ""

    public func setPending(_ text: String) { pendingText = text }

    public init?(completer: @escaping (String, Int) -> Completion, entries: [String]) {
        setlocale(LC_ALL, "")  // without it libedit drops non-ASCII input
        guard let editLine = el_init("dossier", dossier_stdin(), dossier_stdout(), dossier_stderr()) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.completer = completer
        self.promptStorage = strdup("dossier> ")
        _ = dossier_history_set_size(history, Int32(HistoryFile.maximumEntries))
        _ = dossier_history_set_unique(history, 1)
        for entry in entries { _ = dossier_history_enter(history, entry) }
        _ = dossier_el_set_editor(editLine, "emacs")
        _ = dossier_el_set_signal(editLine, 1)
        _ = dossier_el_set_history(editLine, history)
        // Safe: unretained, because self owns editLine and el_end runs in deinit: no callback can find
        // this pointer after self is gone.
        _ = dossier_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = dossier_el_set_prompt(editLine) { editLine in
            guard let reader = EditLineReader.from(editLine) else { return nil }
            return reader.promptStorage
        }
        _ = dossier_el_add_function(editLine, "dossier-complete", "complete the word at the cursor") { editLine, _ in
            guard let reader = EditLineReader.from(editLine) else { return UInt8(CC_ERROR) }
            return reader.completeAtCursor()
        }
        _ = dossier_el_bind(editLine, "^I", "dossier-complete")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptStorage)
    }

    private static func from(_ editLine: OpaquePointer?) -> EditLineReader? {
        guard let editLine, let data = dossier_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    public func readLine(prompt: String) -> LineInput {
        free(promptStorage)
        promptStorage = strdup(prompt)
        var count: Int32 = 0
        errno = 0
        guard let line = el_gets(editLine, &count) else {
            // Ctrl-C and Ctrl-D end their line, so what comes next (a prompt, or the
            // calling shell's prompt after leaving) starts on a line of its own.
            if count == -1 && errno == EINTR {
                Descriptor.write("^C\n", to: Descriptor.output)
                return .interrupted
            }
            Descriptor.write("\n", to: Descriptor.output)
            return .endOfInput
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    public func addHistory(_ statement: String) {
        _ = dossier_history_enter(history, statement)
    }

    // MARK: - Tab

    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        // Safe: buffer ..< lastchar is libedit's line, cursor lies within it, and both stay valid until
        // this callback returns; the Strings below copy the bytes.
        let lineLength = info.lastchar.map { $0 - buffer } ?? 0
        let cursorOffset = cursor - buffer
        let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: lineLength).bindMemory(to: UInt8.self), as: UTF8.self)
        let prefix = pendingText.isEmpty ? "" : pendingText + "\n"
        let prefixLength = prefix.utf8.count
        let completion = completer(prefix + line, prefixLength + cursorOffset)
        if completion.wasInterrupted {
            // Ctrl-C while Tab worked: the line is cleared, as Ctrl-C at the prompt does.
            let scalars = Int32(clamping: line.unicodeScalars.count)
            let before = Int32(clamping: String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursorOffset)
                .bindMemory(to: UInt8.self), as: UTF8.self).unicodeScalars.count)
            _ = el_cursor(editLine, scalars - before)
            el_deletestr(editLine, scalars)
            Descriptor.write("^C\n", to: Descriptor.output)
            return UInt8(CC_REDISPLAY)
        }
        let lineBytes = Array(line.utf8)
        let replaceStart = max(0, completion.replace.lowerBound - prefixLength)
        guard replaceStart <= cursorOffset, cursorOffset <= lineBytes.count else { return UInt8(CC_ERROR) }
        let partial = String(decoding: lineBytes[replaceStart..<cursorOffset], as: UTF8.self)
        switch completion.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            let candidate = completion.candidates[0]
            replace(partial, with: candidate.insert + (candidate.appendsSpace ? " " : ""))
            return UInt8(CC_REFRESH)
        default:
            let common = completion.commonPrefix
            if common.unicodeScalars.count > partial.unicodeScalars.count {
                replace(partial, with: common)
                return UInt8(CC_REFRESH)
            }
            Descriptor.write("\n" + CandidateList.format(completion.candidates.map(\.display), width: Terminal.width() ?? 80), to: Descriptor.output)
            return UInt8(CC_REDISPLAY)
        }
    }

    private func replace(_ partial: String, with text: String) {
        // libedit counts characters as wide characters: one per Unicode scalar.
        el_deletestr(editLine, Int32(partial.unicodeScalars.count))
        _ = el_insertstr(editLine, text)
    }
}
