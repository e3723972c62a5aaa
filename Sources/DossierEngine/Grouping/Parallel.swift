import Dispatch
import DossierSupport
import DossierDiagnostics
import DossierData

#if canImport(Glibc)
import Glibc
#endif

/// Work split over the machine's cores: a loop over rows cut into one range per core, each
/// range's result kept apart and merged by the caller. Below `minimumRows` a split costs more
/// than it saves, so the work runs on the calling thread.
package enum Parallel {
    /// Cores to use (at most four: the merges are written for a few parts).
    package static let parts: Int = {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, min(4, online))
    }()

    package static let minimumRows = 1 << 17

    /// The ranges `0..<count` is cut into: one when `count` is small.
    package static func ranges(_ count: Int) -> [Range<Int>] {
        let parts = count < minimumRows ? 1 : Parallel.parts
        let size = (count + parts - 1) / max(1, parts)
        return (0..<parts).map { part in min(count, part * size)..<min(count, (part + 1) * size) }
    }

    /// `body` over each range, concurrently; results in range order.
    package static func each<Result>(_ ranges: [Range<Int>], _ body: (Range<Int>) -> Result) -> [Result] {
        do throws(Diagnostic) {
            return try map(ranges.count) { (part) throws(Diagnostic) in body(ranges[part]) }
        } catch {
            // `body` throws nothing, so no part can fail; were it to, the ranges run here.
            return ranges.map(body)
        }
    }

    /// `body` for each part, concurrently; results in part order. The first error thrown (by
    /// part order) is rethrown once every part has finished.
    package static func map<Result>(_ parts: Int, _ body: (Int) throws(Diagnostic) -> Result) throws(Diagnostic) -> [Result] {
        if parts <= 1 {
            return parts == 1 ? [try body(0)] : []
        }
        // Each part writes only its own slot.
        let slots = UnsafeMutablePointer<Swift.Result<Result, Diagnostic>?>.allocate(capacity: parts)
        slots.initialize(repeating: nil, count: parts)
        defer {
            slots.deinitialize(count: parts)
            slots.deallocate()
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedPointer(slots)
            let work = SharedWork(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                do throws(Diagnostic) {
                    shared.pointer[part] = .success(try work.body(part))
                } catch {
                    shared.pointer[part] = .failure(error)
                }
            }
        }
        var results: [Result] = []
        results.reserveCapacity(parts)
        for part in 0..<parts {
            switch slots[part] {
            case .success(let value): results.append(value)
            case .failure(let error): throw error
            case nil: throw DataMessages.cancelled()
            }
        }
        return results
    }
}

/// A pointer handed to the threads of `Parallel.map`. Invariant: each thread writes only
/// elements no other thread reads or writes (its own slot, or its own range of rows).
package struct SharedPointer<Pointer>: @unchecked Sendable {
    package let pointer: Pointer
    package init(_ pointer: Pointer) { self.pointer = pointer }
}

/// The body run by `Parallel.map`'s threads: it reads shared inputs and returns its own result.
// Safe: `map` waits for every thread before it returns, and each call of `body` writes only its
// own result slot; what the closure captures is read, never written, while the threads run.
private struct SharedWork<Result>: @unchecked Sendable {
    let body: (Int) throws(Diagnostic) -> Result
    init(_ body: @escaping (Int) throws(Diagnostic) -> Result) { self.body = body }
}
