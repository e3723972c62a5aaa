import DossierSupport
import DossierDiagnostics

/// Runs a program over a text in one left-to-right pass: Pike's VM, as in RE2.
///
/// All threads advance in lock step, one scalar at a time. A thread is an
/// instruction plus capture slots; since at most one thread per instruction
/// survives at each position (the one with the highest priority: later ones
/// would behave the same from there on), the work per text scalar is bounded by
/// the program size, whatever the pattern: O(text × program), never exponential.
/// Threads are kept in priority order, which gives Perl's leftmost-first
/// answers (greedy and lazy as written, earlier alternatives first).
///
/// One VM serves one call; it allocates its buffers up front and nothing per step.
package final class RegexPikeVM {
    private let program: RegexProgram
    private let instructions: [RegexInst]
    // Safe: borrowed from the caller of `LinearRegex.matches`/`firstMatch`, which creates this VM,
    // runs it and drops it before the buffer's scope ends; the VM is never stored.
    private let text: UnsafeBufferPointer<UInt8>
    /// 0 when only a yes/no answer is wanted: `save` is skipped and the first match ends the run.
    private let slotCount: Int
    private let cancelled: (() -> Bool)?

    private var current: RegexThreadList
    private var next: RegexThreadList
    /// Per instruction, the generation (position + 1) at which it last entered a list.
    private let marks: UnsafeMutablePointer<Int>
    /// Pending work of `addThread`: branches to explore and capture slots to restore.
    private let stack: UnsafeMutablePointer<StackEntry>
    /// The capture row that new threads start from.
    private let fresh: UnsafeMutablePointer<Int>
    /// The captures of the best match so far (overwritten in place: a greedy
    /// pattern finds a better match at every step).
    private let best: UnsafeMutablePointer<Int>
    /// Work done since cancellation was last polled.
    private var steps = 0
    private static let pollInterval = 1 << 16

    /// `slot < 0`: explore from `pc`; otherwise restore `slot` to `value` on the way back.
    private struct StackEntry {
        package var pc: Int
        package var slot: Int
        package var value: Int
    }

    package init(program: RegexProgram, text: UnsafeBufferPointer<UInt8>, captures: Bool, cancelled: (() -> Bool)?) {
        self.program = program
        instructions = program.instructions
        self.text = text
        slotCount = captures ? program.slotCount : 0
        self.cancelled = cancelled
        let size = instructions.count
        current = RegexThreadList(capacity: size, slotCount: slotCount)
        next = RegexThreadList(capacity: size, slotCount: slotCount)
        // Safe: these buffers are owned by this VM (freed in deinit) and sized for their worst case:
        // marks and stack are indexed by pc < size (one stack entry per instruction, plus the start);
        // fresh and best hold slotCount values.
        marks = .allocate(capacity: size)
        marks.initialize(repeating: 0, count: size)
        // Each instruction pushes at most one entry per `addThread` (when first reached), plus the start.
        stack = .allocate(capacity: size + 1)
        fresh = .allocate(capacity: Swift.max(slotCount, 1))
        fresh.initialize(repeating: -1, count: Swift.max(slotCount, 1))
        best = .allocate(capacity: Swift.max(slotCount, 1))
        best.initialize(repeating: -1, count: Swift.max(slotCount, 1))
    }

    deinit {
        marks.deallocate()
        stack.deallocate()
        fresh.deallocate()
        best.deallocate()
    }

    /// The capture slots of the leftmost-first match ([] when captures were
    /// not asked for), or nil when the text has no match.
    package func run() throws(RegexInterrupted) -> [Int]? {
        let end = text.count
        let none = RegexScalars.none
        var pos = 0
        var before = none
        var (scalar, length) = end > 0 ? RegexScalars.decode(text, at: 0) : (none, 0)
        var found = false
        while true {
            if !found && (pos == 0 || !program.anchoredAtStart) {
                // Nothing alive: skip to where a match could start.
                if current.count == 0, let firstBytes = program.firstBytes {
                    guard let candidate = firstBytes.firstPosition(in: text, from: pos) else { break }
                    if candidate != pos {
                        pos = candidate
                        before = RegexScalars.scalar(before: pos, in: text)
                        (scalar, length) = RegexScalars.decode(text, at: pos)
                    }
                }
                // Added last, so a match starting here ranks below those already under way.
                addThread(to: current, pc: 0, captures: fresh, at: pos, before: before, after: scalar)
            }
            if current.count == 0 {
                // Done if a match was found or none can start later; otherwise try the next position.
                if found || program.anchoredAtStart || length == 0 { break }
                let nextPos = pos + length
                before = scalar
                pos = nextPos
                (scalar, length) = nextPos < end ? RegexScalars.decode(text, at: nextPos) : (none, 0)
                try poll(0)
                continue
            }
            try poll(current.count)
            let nextPos = pos + length
            let (after, afterLength) = nextPos < end ? RegexScalars.decode(text, at: nextPos) : (none, 0)
            let folded = program.usesCaseFolding && length > 0
            let lower = folded ? RegexScalars.lower(scalar) : scalar
            let upper = folded ? RegexScalars.upper(scalar) : scalar
            next.count = 0
            threads: for t in 0..<current.count {
                let pc = current.pc(t)
                let consumed: Bool
                switch instructions[pc] {
                case .match:
                    if slotCount == 0 { return [] }
                    best.update(from: current.row(t), count: slotCount)
                    found = true
                    // Lower-priority threads (the rest of this list) are cut off.
                    break threads
                case _ where length == 0:
                    consumed = false  // the end of the text: nothing left to consume
                case .scalar(let expected):
                    consumed = scalar == expected
                case .scalarFold(let expected, let expectedLower, let expectedUpper):
                    consumed = scalar == expected || lower == expectedLower || upper == expectedUpper
                case .anyScalar:
                    consumed = true
                case .anyButNewline:
                    consumed = scalar != 0x0A
                case .set(let index):
                    consumed = program.classes[index].contains(scalar, lower: lower, upper: upper)
                case .split, .jump, .save, .assert:
                    consumed = false  // never in a list: `addThread` follows them
                }
                if consumed {
                    addThread(to: next, pc: pc + 1, captures: current.row(t), at: nextPos, before: scalar, after: after)
                }
            }
            if length == 0 { break }
            swap(&current, &next)
            before = scalar
            pos = nextPos
            (scalar, length) = (after, afterLength)
        }
        // Safe: best holds max(slotCount, 1) initialized values; the Array copies slotCount of them.
        return found ? Array(UnsafeBufferPointer(start: best, count: slotCount)) : nil
    }

    /// Adds the thread at `pc` to `list`, following every non-consuming
    /// instruction from there depth first, in priority order, so that the list
    /// only holds consuming instructions and `match`. `captures` is updated in
    /// place by `save` and restored before returning.
    private func addThread(
        to list: RegexThreadList, pc start: Int, captures: UnsafeMutablePointer<Int>,
        at pos: Int, before: UInt32, after: UInt32
    ) {
        let generation = pos + 1
        stack[0] = StackEntry(pc: start, slot: -1, value: 0)
        var depth = 1
        while depth > 0 {
            depth -= 1
            let entry = stack[depth]
            if entry.slot >= 0 {
                captures[entry.slot] = entry.value
                continue
            }
            var pc = entry.pc
            follow: while marks[pc] != generation {
                marks[pc] = generation
                steps += 1
                switch instructions[pc] {
                case .jump(let target):
                    pc = target
                case .split(let first, let second):
                    stack[depth] = StackEntry(pc: second, slot: -1, value: 0)
                    depth += 1
                    pc = first
                case .save(let slot):
                    if slot < slotCount {
                        stack[depth] = StackEntry(pc: pc, slot: slot, value: captures[slot])
                        depth += 1
                        captures[slot] = pos
                    }
                    pc += 1
                case .assert(let assertion):
                    guard holds(assertion, at: pos, before: before, after: after) else { break follow }
                    pc += 1
                default:
                    list.append(pc: pc, captures: captures)
                    break follow
                }
            }
        }
    }

    @inline(__always)
    private func holds(_ assertion: RegexAssertion, at pos: Int, before: UInt32, after: UInt32) -> Bool {
        let none = RegexScalars.none
        switch assertion {
        case .textStart: return pos == 0
        case .textEnd: return pos == text.count
        case .lineStart: return before == none || before == 0x0A
        case .lineEnd: return after == none || after == 0x0A
        case .wordBoundary, .notWordBoundary:
            let wordBefore = before != none && RegexScalars.isWord(before)
            let wordAfter = after != none && RegexScalars.isWord(after)
            return (wordBefore != wordAfter) == (assertion == .wordBoundary)
        }
    }

    /// Calls the cancellation callback about every `pollInterval` units of work.
    @inline(__always)
    private func poll(_ work: Int) throws(RegexInterrupted) {
        steps += work + 1
        guard steps >= Self.pollInterval else { return }
        steps = 0
        if let cancelled, cancelled() { throw RegexInterrupted() }
    }
}
