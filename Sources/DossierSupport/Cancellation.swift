import Synchronization

/// A flag that Ctrl-C sets and long loops check between chunks of rows. When set, the work
/// stops with a `cancelled` diagnostic and nothing it was building is kept.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public func reset() { flag.store(false, ordering: .relaxed) }
}
