import DossierSupport
import DossierDiagnostics

/// A field, dataset or alias name as written: a bare word or a backticked name.
public struct Name: Sendable, Equatable {
    public var text: String
    public var range: Range<Int>
    /// Written in backticks: never a keyword, never a bare-word value.
    public var isQuoted: Bool

    public init(_ text: String, range: Range<Int>, isQuoted: Bool = false) {
        self.text = text
        self.range = range
        self.isQuoted = isQuoted
    }
}
