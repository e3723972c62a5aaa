import DossierSupport

extension Cancellation {
    /// Throws when cancelled.
    public func check() throws(Diagnostic) {
        if isCancelled { throw Diagnostic(.cancelled, "cancelled") }
    }
}
