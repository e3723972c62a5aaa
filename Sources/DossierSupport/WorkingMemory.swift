#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// While a query runs, its large working arrays (packed keys, group numbers: tens of MB at ten
/// million rows) come from the C heap and stay there for the next query. Left alone, glibc
/// maps every allocation above 32 MB afresh and unmaps it when freed, so each query paid tens
/// of thousands of page faults zero-filling memory it had just given back: at 1e7 rows, `sum`
/// of three fields by 100,000 groups went from 400 to 270 ms without them. Loading keeps the
/// default (its columns grow by reallocation, which a mapping does without copying; loads on
/// the heap measured 25% more peak memory).
public enum WorkingMemory {
    private static let depth = Atomic<Int>(0)
    /// Heap memory freed at the top beyond this goes back to the system after a query.
    private static let keptAfterQuery: Int32 = 256 << 20

    /// Runs `body` with large allocations on the heap; nested runs (a named query inside a
    /// query) keep the outer setting.
    public static func duringQuery<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        if depth.add(1, ordering: .sequentiallyConsistent).newValue == 1 { useHeap(true) }
        defer { if depth.subtract(1, ordering: .sequentiallyConsistent).newValue == 0 { useHeap(false) } }
        return try body()
    }

    private static func useHeap(_ heap: Bool) {
        guard let mallopt = Self.mallopt else { return }
        _ = mallopt(trimThreshold, keptAfterQuery)
        _ = mallopt(mmapMaximum, heap ? 0 : 65536)
    }

    // glibc's <malloc.h>, which Swift's Glibc module does not export: found at run time, so a
    // C library without it (musl) just keeps its defaults.
    private typealias MalloptFunction = @convention(c) (Int32, Int32) -> Int32
    private static let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
    private static let mmapMaximum: Int32 = -4    // M_MMAP_MAX
    private static let mallopt: MalloptFunction? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
        return unsafeBitCast(symbol, to: MalloptFunction.self)
        #else
        return nil
        #endif
    }()
}
