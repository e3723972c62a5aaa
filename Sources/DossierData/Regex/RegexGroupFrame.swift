import DossierSupport
import DossierDiagnostics

/// One open group while the parser reads a pattern; the whole pattern is the
/// bottom frame. Keeping open groups on an explicit stack (instead of
/// recursing per parenthesis) means no pattern can overflow the call stack.
package struct RegexGroupFrame {
    package enum Kind: Equatable {
        case root
        /// A capturing group, numbered from 1.
        case capture(Int)
        case nonCapturing
    }

    /// What the item just parsed was, which decides whether a quantifier may follow.
    package enum LastItem: Equatable {
        /// Nothing yet in this branch.
        case nothing
        /// A quantifiable atom spanning these pattern bytes.
        case atom(Range<Int>)
        case quantifier
        case anchor
        /// A flag group such as `(?i)`.
        case flags
    }

    package let kind: Kind
    /// The byte offset of the `(` (0 for the root), for "missing ')'" errors.
    package let openOffset: Int
    /// The flags to restore when the group closes: `(?i)` inside a group lasts until its `)`.
    package let flagsOnEntry: RegexFlags
    /// Completed branches before the latest `|`.
    private(set) var branches: [RegexNode] = []
    /// Items of the branch being read.
    private(set) var items: [RegexNode] = []
    private(set) var last: LastItem = .nothing

    package init(kind: Kind, openOffset: Int, flagsOnEntry: RegexFlags) {
        self.kind = kind
        self.openOffset = openOffset
        self.flagsOnEntry = flagsOnEntry
    }

    package mutating func append(_ node: RegexNode, as kind: LastItem) {
        items.append(node)
        last = kind
    }

    package mutating func noteFlags() { last = .flags }

    /// Replaces the last item with its repetition; false when the last item cannot be repeated.
    package mutating func repeatLast(min: Int, max: Int?, greedy: Bool) -> Bool {
        guard case .atom = last, let atom = items.popLast() else { return false }
        items.append(.repetition(atom, min: min, max: max, greedy: greedy))
        last = .quantifier
        return true
    }

    /// Ends the current branch at a `|`.
    package mutating func endBranch() {
        branches.append(Self.sequence(items))
        items = []
        last = .nothing
    }

    /// The group's content: its branches as an alternation when there is more than one.
    package func finished() -> RegexNode {
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
