import DossierSupport
import DossierDiagnostics

/// The threads alive at one text position, in priority order, each with its capture slots.
///
/// Memory is allocated once per match call: the program counters up front
/// (a list never holds the same instruction twice, so the instruction count
/// bounds it), the capture rows on demand, doubling, because for patterns with
/// many groups the full table would be large and is rarely needed.
package final class RegexThreadList {
    /// The most threads the list can hold: one per instruction.
    private let capacity: Int
    private let slotCount: Int
    private let pcs: UnsafeMutablePointer<Int>
    private var slots: UnsafeMutablePointer<Int>
    /// How many threads' rows `slots` has room for.
    private var rowCapacity: Int
    /// The number of threads.
    package var count = 0

    package init(capacity: Int, slotCount: Int) {
        self.capacity = Swift.max(capacity, 1)
        self.slotCount = slotCount
        // Safe: owned by this list and freed in deinit; pcs has a place per instruction, which bounds
        // count (append refuses more), and slots grows before a row past rowCapacity is written.
        pcs = .allocate(capacity: self.capacity)
        rowCapacity = Swift.min(self.capacity, 16)
        slots = .allocate(capacity: Swift.max(rowCapacity * slotCount, 1))
    }

    deinit {
        pcs.deallocate()
        slots.deallocate()
    }

    /// The instruction of thread `t` (< count).
    @inline(__always)
    package func pc(_ t: Int) -> Int { pcs[t] }

    /// The capture slots of thread `t` (< count): `slotCount` values, -1 where unset.
    @inline(__always)
    // Safe: t < count <= rowCapacity, so the row lies inside slots; the pointer is valid until the
    // next append that grows the list, and callers use it before then.
    package func row(_ t: Int) -> UnsafeMutablePointer<Int> { slots + t * slotCount }

    /// Adds a thread at `pc` with a copy of `captures`.
    @inline(__always)
    package func append(pc: Int, captures: UnsafeMutablePointer<Int>) {
        // Cannot happen (each instruction enters a list once per position); dropping beats corrupting memory.
        guard count < capacity else { return }
        if count == rowCapacity { grow() }
        pcs[count] = pc
        if slotCount > 0 { row(count).initialize(from: captures, count: slotCount) }
        count += 1
    }

    private func grow() {
        let newCapacity = Swift.min(capacity, rowCapacity * 2)
        let newSlots = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(newCapacity * slotCount, 1))
        // Safe: count <= rowCapacity < newCapacity, so the old rows fit in both buffers.
        newSlots.initialize(from: slots, count: count * slotCount)
        slots.deallocate()
        slots = newSlots
        rowCapacity = newCapacity
    }
}
