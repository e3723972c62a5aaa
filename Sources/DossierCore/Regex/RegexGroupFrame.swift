/// One open group while the parser reads a pattern; the whole pattern is the
/// bottom frame. Keeping open groups on an explicit stack (instead of
/// recursing per parenthesis) means no pattern can overflow the call stack.
struct RegexGroupFrame {
    enum Kind: Equatable {
        case root
        /// A capturing group, numbered from 1.
        case capture(Int)
        case nonCapturing
    }

    /// What the item just parsed was, which decides whether a quantifier may follow.
    enum LastItem: Equatable {
        /// Nothing yet in this branch.
        case nothing
        /// A quantifiable atom spanning these pattern bytes.
        case atom(Range<Int>)
        case quantifier
        case anchor
        /// A flag group such as `(?i)`.
        case flags
    }

    let kind: Kind
    /// The byte offset of the `(` (0 for the root), for "missing ')'" errors.
    let openOffset: Int
    /// The flags to restore when the group closes: `(?i)` inside a group lasts until its `)`.
    let flagsOnEntry: RegexFlags
    /// Completed branches before the latest `|`.
    private(set) var branches: [RegexNode] = []
    /// Items of the branch being read.
    private(set) var items: [RegexNode] = []
    private(set) var last: LastItem = .nothing

    init(kind: Kind, openOffset: Int, flagsOnEntry: RegexFlags) {
        self.kind = kind
        self.openOffset = openOffset
        self.flagsOnEntry = flagsOnEntry
    }

    mutating func append(_ node: RegexNode, as kind: LastItem) {
        items.append(node)
        last = kind
    }

    mutating func noteFlags() { last = .flags }

    /// Replaces the last item with its repetition; false when the last item cannot be repeated.
    mutating func repeatLast(min: Int, max: Int?, greedy: Bool) -> Bool {
        guard case .atom = last, let atom = items.popLast() else { return false }
        items.append(.repetition(atom, min: min, max: max, greedy: greedy))
        last = .quantifier
        return true
    }

    /// Ends the current branch at a `|`.
    mutating func endBranch() {
        branches.append(Self.sequence(items))
        items = []
        last = .nothing
    }

    /// The group's content: its branches as an alternation when there is more than one.
    func finished() -> RegexNode {
        if branches.isEmpty { return Self.sequence(items) }
        return .alternation(branches + [Self.sequence(items)])
    }

    private static func sequence(_ items: [RegexNode]) -> RegexNode {
        switch items.count {
        case 0: .empty
        case 1: items[0]
        default: .concatenation(items)
        }
    }
}
