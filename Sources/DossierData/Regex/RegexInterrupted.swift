import DossierSupport
import DossierDiagnostics

/// Thrown by matching when the caller's `cancelled` callback returned true.
public struct RegexInterrupted: Error, Sendable, Equatable {
    /// Makes the (only) value.
    public init() {}
}
