#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// Ctrl-C (§2): at the prompt it clears the line (libedit returns EINTR); during a query or a
/// load it sets the cancellation flag the engine checks, and the work stops with every
/// dataset as it was. The handler only stores to an atomic flag, which is signal-safe.
public enum Interrupts {
    /// The flag the handler sets; the session is created with it.
    public static let cancellation = Cancellation()

    public static func install() {
        _ = cancellation.isCancelled  // initialise the global before a signal can reach it
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupts.cancellation.cancel() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns EINTR
        sigaction(SIGINT, &action, nil)
    }
}
