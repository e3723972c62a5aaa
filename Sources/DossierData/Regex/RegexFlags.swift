import DossierSupport
import DossierDiagnostics

/// The flags that `(?ims)` and `(?-ims)` turn on and off.
package struct RegexFlags: Sendable, Equatable {
    /// `i`: letters match their simple case variants.
    package var caseInsensitive = false
    /// `m`: `^` and `$` also match at line breaks.
    package var multiline = false
    /// `s`: `.` also matches `\n`.
    package var dotMatchesNewline = false
}
