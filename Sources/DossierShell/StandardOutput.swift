import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// Prints session events: results to stdout, diagnostics and notes to stderr (§1).
public final class StandardOutput: SessionOutput {
    public var renderer: DiagnosticRenderer
    /// Progress lines are drawn only on a terminal.
    let showsProgress: Bool
    /// A progress line is on the screen: the next output erases it first (a load read in two
    /// halves reports its progress up to the middle only).
    private var progressShown = false

    public init(useColor: Bool, showsProgress: Bool = Terminal.isTerminal(Descriptor.error)) {
        self.renderer = DiagnosticRenderer(useColor: useColor)
        self.showsProgress = showsProgress
    }

    public func emit(_ event: SessionEvent) {
        if progressShown, !event.isProgress {
            Descriptor.write("\r\u{1B}[K", to: Descriptor.error)
            progressShown = false
        }
        switch event {
        case .result(let text):
            Descriptor.write(text, to: Descriptor.output)
        case .diagnostic(let diagnostic):
            Descriptor.write(renderer.render(diagnostic) + "\n", to: Descriptor.error)
        case .progress(let label, let percent):
            guard showsProgress else { return }
            // Redrawn in place; erased when done.
            Descriptor.write(percent >= 100 ? "\r\u{1B}[K" : "\r\(label) … \(percent)%\u{1B}[K", to: Descriptor.error)
            progressShown = percent < 100
        }
    }
}

extension SessionEvent {
    fileprivate var isProgress: Bool {
        if case .progress = self { return true }
        return false
    }
}
