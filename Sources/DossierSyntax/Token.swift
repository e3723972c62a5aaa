import DossierSupport
import DossierDiagnostics

/// A token: a kind and a UTF-8 byte range into the `SourceText`. Its text is never copied
/// until the parser needs it.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int
    /// The token is the first of its line: a statement may end before it.
    public var isAtStartOfLine: Bool
    /// For the first token of a line, the line's indentation in columns (a tab reaches the
    /// next multiple of 8): in a script, a line indented more than the one its statement
    /// started on continues that statement.
    public var indent: Int32 = 0
    /// A string or backticked name without its closing quote.
    public var isUnterminated: Bool = false

    public var range: Range<Int> { start..<end }
}
