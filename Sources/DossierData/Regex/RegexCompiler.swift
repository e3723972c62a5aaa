import DossierSupport
import DossierDiagnostics

/// Lowers a `RegexNode` tree into instructions.
///
/// Size: counted repetition copies its operand, so a program can grow
/// multiplicatively (`((a{1000}){1000}){1000}`). Every emitted instruction is
/// counted and compiling stops with an error at `maxInstructions`, which bounds
/// both the compile time and the matching work per text scalar.
///
/// Empty iterations: Perl and Python end a loop after an iteration (past the
/// minimum count) that matched the empty string, go on with what follows the
/// loop, and keep that iteration's captures. A plain Thompson loop drops such a
/// path instead, which changes captures and sometimes the match itself: `(a*)*`
/// on "b" captures "" in Python and nothing in RE2; `(|a)*` on "aa" matches ""
/// in Python and "aa" in RE2. To give Python's answers without adding state to
/// threads (which would break the one-thread-per-instruction rule the linear
/// bound rests on), a loop whose body can match empty compiles that body twice:
///   * a *fresh* copy, entered at the start of each iteration: it is only ever
///     reached before the iteration consumed anything, so reaching its end means
///     the iteration was empty and leaves the loop; and right after each scalar
///     it consumes, it jumps to the same place in
///   * the *plain* copy, whose end starts the next iteration.
/// Inside fresh code every nested loop is fresh as well (it started at the same
/// position), so a scalar nested in d such loops is compiled at most d + 1 times.
/// With no empty cycles left, the VM's priority order is exactly backtracking's.
package struct RegexCompiler {
    package static let maxInstructions = 10_000

    private(set) var instructions: [RegexInst] = []
    /// The pattern's byte range, for the "too large" error (the tree keeps no source ranges).
    private let patternRange: Range<Int>
    /// For each consuming instruction of plain code, in compile order, the pc just after it.
    private var plainContinuations: [Int] = []
    /// While compiling fresh code: the index in `plainContinuations` of the
    /// plain twin of the next consuming instruction. Fresh code walks the same
    /// nodes in the same order as the plain copy compiled just before it.
    private var freshCursor = 0

    package init(patternLength: Int) {
        patternRange = 0..<patternLength
    }

    /// `save 0; <pattern>; save 1; match`: slots 0 and 1 hold the whole match.
    package mutating func compileProgram(_ root: RegexNode) throws(RegexSyntaxError) {
        try emit(.save(0))
        try compile(root, fresh: false)
        try emit(.save(1))
        try emit(.match)
    }

    // MARK: Emitting

    @discardableResult
    private mutating func emit(_ inst: RegexInst) throws(RegexSyntaxError) -> Int {
        guard instructions.count < Self.maxInstructions else {
            throw DataMessages.tooManyInstructions(limit: Self.maxInstructions, at: patternRange)
        }
        instructions.append(inst)
        return instructions.count - 1
    }

    /// A jump or split whose targets are filled in once known.
    private mutating func placeholder() throws(RegexSyntaxError) -> Int { try emit(.jump(-1)) }

    private mutating func patch(_ at: Int, _ inst: RegexInst) { instructions[at] = inst }

    /// A split that prefers `preferred` when `greedy`, `other` when lazy.
    private func split(_ preferred: Int, _ other: Int, greedy: Bool) -> RegexInst {
        greedy ? .split(preferred, other) : .split(other, preferred)
    }

    private mutating func emitConsuming(_ inst: RegexInst, fresh: Bool) throws(RegexSyntaxError) {
        try emit(inst)
        guard fresh else {
            plainContinuations.append(instructions.count)
            return
        }
        // Having consumed, the iteration is not empty any more: go on in the plain copy.
        // (An out-of-range cursor would be a compiler bug; -1 then fails the program check.)
        let target = freshCursor < plainContinuations.count ? plainContinuations[freshCursor] : -1
        freshCursor += 1
        try emit(.jump(target))
    }

    // MARK: Nodes

    /// Each case hands off to a small function: in debug builds a frame holds
    /// the locals of every case, and this recursion is as deep as the pattern's nesting.
    private mutating func compile(_ node: RegexNode, fresh: Bool) throws(RegexSyntaxError) {
        switch node {
        case .empty:
            break
        case .literal(let scalar, let caseInsensitive):
            try emitConsuming(Self.literal(scalar, caseInsensitive: caseInsensitive), fresh: fresh)
        case .any(let matchesNewline):
            try emitConsuming(matchesNewline ? .anyScalar : .anyButNewline, fresh: fresh)
        case .set(let index):
            try emitConsuming(.set(index), fresh: fresh)
        case .assertion(let assertion):
            try emit(.assert(assertion))
        case .capture(let body, let index):
            try compileCapture(body, index: index, fresh: fresh)
        case .concatenation(let items):
            for item in items { try compile(item, fresh: fresh) }
        case .alternation(let branches):
            try compileAlternation(branches, fresh: fresh)
        case .repetition(let body, let min, let max, let greedy):
            try compileRepetition(body, min: min, max: max, greedy: greedy, fresh: fresh)
        }
    }

    private static func literal(_ scalar: UInt32, caseInsensitive: Bool) -> RegexInst {
        guard caseInsensitive else { return .scalar(scalar) }
        return .scalarFold(scalar, lower: RegexScalars.lower(scalar), upper: RegexScalars.upper(scalar))
    }

    private mutating func compileCapture(_ body: RegexNode, index: Int, fresh: Bool) throws(RegexSyntaxError) {
        try emit(.save(2 * index))
        try compile(body, fresh: fresh)
        try emit(.save(2 * index + 1))
    }

    /// `split L1, next; L1: a; jump end; next: split L2, next2; L2: b; jump end; ...; z; end:`
    private mutating func compileAlternation(_ branches: [RegexNode], fresh: Bool) throws(RegexSyntaxError) {
        var jumpsToEnd: [Int] = []
        for (position, branch) in branches.enumerated() {
            guard position < branches.count - 1 else {
                try compile(branch, fresh: fresh)
                break
            }
            let fork = try placeholder()
            try compile(branch, fresh: fresh)
            jumpsToEnd.append(try placeholder())
            patch(fork, .split(fork + 1, instructions.count))
        }
        for jump in jumpsToEnd { patch(jump, .jump(instructions.count)) }
    }

    private mutating func compileRepetition(
        _ body: RegexNode, min: Int, max: Int?, greedy: Bool, fresh: Bool
    ) throws(RegexSyntaxError) {
        if Self.canMatchEmpty(body) {
            try compileRepetitionOfNullable(body, min: min, max: max, greedy: greedy, fresh: fresh)
        } else {
            try compileRepetitionOfConsuming(body, min: min, max: max, greedy: greedy, fresh: fresh)
        }
    }

    /// Repetition of a body that always consumes something, as in Thompson's construction.
    private mutating func compileRepetitionOfConsuming(
        _ body: RegexNode, min: Int, max: Int?, greedy: Bool, fresh: Bool
    ) throws(RegexSyntaxError) {
        guard let max else {
            if min == 0 {
                // L: split body, end; body; jump L; end:
                let loop = try placeholder()
                try compile(body, fresh: fresh)
                try emit(.jump(loop))
                patch(loop, split(loop + 1, instructions.count, greedy: greedy))
            } else {
                // min-1 copies, then L: body; split L, end (the last required copy doubles as the loop).
                for _ in 1..<min { try compile(body, fresh: fresh) }
                let loop = instructions.count
                try compile(body, fresh: fresh)
                let fork = try placeholder()
                patch(fork, split(loop, fork + 1, greedy: greedy))
            }
            return
        }
        for _ in 0..<min { try compile(body, fresh: fresh) }
        // Optional copies: split c1, end; c1: body; split c2, end; c2: body; ... end:
        // Once one optional copy is skipped, all later ones are too.
        var forks: [Int] = []
        for _ in min..<max {
            forks.append(try placeholder())
            try compile(body, fresh: fresh)
        }
        let end = instructions.count
        for fork in forks { patch(fork, split(fork + 1, end, greedy: greedy)) }
    }

    /// Repetition of a body that can match empty: iterations up to `min` are
    /// plain copies (they may be empty and still go on, as in Python); each
    /// later iteration starts in a fresh copy (see the type's comment).
    private mutating func compileRepetitionOfNullable(
        _ body: RegexNode, min: Int, max: Int?, greedy: Bool, fresh: Bool
    ) throws(RegexSyntaxError) {
        for _ in 0..<min { try compile(body, fresh: fresh) }
        let optional = max.map { $0 - min }
        var forks: [(at: Int, body: Int)] = []
        var exits: [Int] = []
        var copy = 0
        while optional.map({ copy < $0 }) ?? (copy == 0) {
            let fork = try placeholder()
            // In fresh code, or for a last bounded copy, an empty iteration leads straight to the end anyway.
            if fresh || optional == copy + 1 {
                forks.append((fork, fork + 1))
                try compile(body, fresh: fresh)
                if fresh { exits.append(try placeholder()) }
            } else {
                let firstContinuation = plainContinuations.count
                try compile(body, fresh: false)
                // After a non-empty iteration: back to the loop's fork, or on to the next copy's.
                let next = try placeholder()
                freshCursor = firstContinuation
                let freshStart = instructions.count
                try compile(body, fresh: true)
                exits.append(try placeholder())
                patch(next, .jump(optional == nil ? fork : instructions.count))
                forks.append((fork, freshStart))
            }
            copy += 1
        }
        let end = instructions.count
        for fork in forks { patch(fork.at, split(fork.body, end, greedy: greedy)) }
        for exit in exits { patch(exit, .jump(end)) }
    }

    /// Whether `node` can match the empty string (assertions count as empty).
    package static func canMatchEmpty(_ node: RegexNode) -> Bool {
        switch node {
        case .empty, .assertion: true
        case .literal, .any, .set: false
        case .capture(let body, _): canMatchEmpty(body)
        case .concatenation(let items): items.allSatisfy(canMatchEmpty)
        case .alternation(let branches): branches.contains(where: canMatchEmpty)
        case .repetition(let body, let min, _, _): min == 0 || canMatchEmpty(body)
        }
    }
}
