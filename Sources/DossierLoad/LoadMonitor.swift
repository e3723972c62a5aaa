import DossierSupport
import DossierDiagnostics
import DossierData

/// What a load reports to and hears from its caller: progress as bytes read, and Ctrl-C.
/// Readers call `checkpoint` every chunk of records.
public struct LoadMonitor {
    public var cancellation: Cancellation?
    /// The file, bytes done and bytes in all, for a progress line on a terminal.
    public var progress: ((_ path: String, _ done: Int, _ total: Int) -> Void)?

    public init(cancellation: Cancellation? = nil, progress: ((String, Int, Int) -> Void)? = nil) {
        self.cancellation = cancellation
        self.progress = progress
    }

    /// Reports progress; throws when the user cancelled.
    @inline(__always)
    package func checkpoint(_ done: Int, of total: Int, path: String) throws(Diagnostic) {
        if let cancellation, cancellation.isCancelled {
            throw LoadMessages.cancelled(path)
        }
        progress?(path, done, total)
    }
}
