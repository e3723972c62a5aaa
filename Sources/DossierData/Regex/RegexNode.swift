import DossierSupport
import DossierDiagnostics

/// The parsed pattern, before it is compiled into a program.
///
/// The tree's depth is bounded by the parser's nesting limit, so the
/// compiler may walk it recursively.
package indirect enum RegexNode: Sendable {
    /// Matches the empty string (an empty pattern, branch or group).
    case empty
    /// One scalar; with `caseInsensitive`, any of its simple case variants.
    case literal(UInt32, caseInsensitive: Bool)
    /// `.`.
    case any(matchesNewline: Bool)
    /// A class: the index into the parser's class table, shared by all copies that repetition makes.
    case set(Int)
    case assertion(RegexAssertion)
    /// A capturing group; `index` counts from 1 in the order of the opening parentheses.
    case capture(RegexNode, index: Int)
    case concatenation([RegexNode])
    /// Branches in priority order (leftmost first).
    case alternation([RegexNode])
    /// `max == nil` means no upper bound. `greedy == false` for the lazy `?` forms.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
}
