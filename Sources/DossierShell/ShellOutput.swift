#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// Output in the interactive shell: like `StandardOutput`, but a result taller than the
/// terminal goes through `$PAGER` (default `less -FRX`) unless `set pager off`.
public final class ShellOutput: SessionOutput {
    let standard: StandardOutput
    let pagerCommand: String?
    /// Asked each time: the session's `set pager` option.
    public var pagerEnabled: () -> Bool = { true }

    public init(useColor: Bool, environment: [String: String]) {
        standard = StandardOutput(useColor: useColor)
        let pager = environment["PAGER"] ?? "less -FRX"
        pagerCommand = pager.allSatisfy { $0 == " " } ? nil : pager
    }

    public func emit(_ event: SessionEvent) {
        // The terminal echoed Ctrl-C as `^C` where the cursor was; end that line first.
        if case .diagnostic(let diagnostic) = event, diagnostic.id == .cancelled {
            Descriptor.write("\n", to: Descriptor.output)
        }
        if case .result(let text) = event, pagerEnabled(), let command = pagerCommand,
            let height = Terminal.height(), text.utf8.reduce(0, { $0 + ($1 == 0x0A ? 1 : 0) }) >= height - 1,
            page(text, through: command)
        {
            return
        }
        standard.emit(event)
    }

    /// Pipes the text into the pager; false if it could not be started.
    private func page(_ text: String, through command: String) -> Bool {
        guard let pipe = popen(command, "w") else { return false }
        var copy = text
        // Safe: fwrite reads bytes.count bytes of the borrowed UTF-8, and copies them before returning.
        copy.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, pipe) }
        let status = pclose(pipe)
        // 127: the shell could not find the pager; show the text plainly instead.
        return status != 127 << 8
    }
}
