import DossierSupport
import DossierDiagnostics

/// A zero-width test on the position between two scalars.
package enum RegexAssertion: Sendable, Equatable {
    /// `\A`, and `^` without the `m` flag.
    case textStart
    /// `\z`, `\Z`, and `$` without the `m` flag: the very end (not before a final newline).
    case textEnd
    /// `^` with the `m` flag: the start, or just after a `\n`.
    case lineStart
    /// `$` with the `m` flag: the end, or just before a `\n`.
    case lineEnd
    /// `\b`: a `\w` scalar on exactly one side.
    case wordBoundary
    /// `\B`.
    case notWordBoundary
}

/// The flags that `(?ims)` and `(?-ims)` turn on and off.
package struct RegexFlags: Sendable, Equatable {
    /// `i`: letters match their simple case variants.
    package var caseInsensitive = false
    /// `m`: `^` and `$` also match at line breaks.
    package var multiline = false
    /// `s`: `.` also matches `\n`.
    package var dotMatchesNewline = false
}

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
