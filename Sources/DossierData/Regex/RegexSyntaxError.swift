import DossierSupport
import DossierDiagnostics

/// Why a pattern could not be compiled, and where.
///
/// The message is lower case and names the construct (so it reads well after
/// "error: " in a query's diagnostic); `range` is the UTF-8 byte range of the
/// pattern to underline with carets.
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `missing ')' to close this group`.
    public var message: String
    /// The UTF-8 byte offsets in the pattern that the message is about.
    public var range: Range<Int>

    /// Makes an error for `range` of the pattern.
    public init(message: String, range: Range<Int>) {
        self.message = message
        self.range = range
    }

    /// `message (bytes lower..<upper)`, for logs and test failures.
    public var description: String { "\(message) (bytes \(range.lowerBound)..<\(range.upperBound))" }
}
