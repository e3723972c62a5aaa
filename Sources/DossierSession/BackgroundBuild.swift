import Dispatch
import Synchronization
import DossierSupport
import DossierDiagnostics
import DossierData

/// Every deferred column of a dataset just loaded, built on another thread while the shell
/// waits for the next line: the load returns after checking the file, and by the time a
/// statement is typed its columns are there (`Session.finishBackgroundBuild`).
package final class BackgroundBuild: Sendable {
    let dataset: Dataset
    private let cancellation = Cancellation()
    private let group = DispatchGroup()
    private let outcome = Mutex<Result<(Dataset, [Diagnostic]), Diagnostic>?>(nil)

    init(_ dataset: Dataset) {
        self.dataset = dataset
        group.enter()
        DispatchQueue.global(qos: .utility).async { [self] in
            let result = Result { () throws(Diagnostic) in try dataset.buildingAll(cancellation: cancellation) }
            outcome.withLock { $0 = result }
            group.leave()
        }
    }

    /// The dataset with every column built and the warnings about them, once the build ends;
    /// nil when it failed, or when `interrupt` was set while waiting (the build is stopped).
    func wait(interrupt: Cancellation) -> (Dataset, [Diagnostic])? {
        while group.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if interrupt.isCancelled {
                cancellation.cancel()
                group.wait()
                return nil
            }
        }
        return try? outcome.withLock { $0 }?.get()
    }
}
