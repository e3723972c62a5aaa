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
