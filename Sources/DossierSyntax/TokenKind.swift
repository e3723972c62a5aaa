import DossierSupport
import DossierDiagnostics

/// What a token is. Keywords are not token kinds: a word becomes a keyword only where the
/// grammar expects one, so fields named `to`, `from` or `count` keep working.
public enum TokenKind: UInt8, Sendable, Equatable {
    case word
    /// A name in backticks: `` `first name` ``.
    case quotedName
    /// `'...'` or `"..."`; `Token.isUnterminated` when the closing quote is missing.
    case string
    case number
    /// `2025-03-01`
    case date
    /// A bare path after `load`, `run`, `save ... to` (lexed in path mode only).
    case path
    case equal          // = ==
    case notEqual       // != <>
    case less, lessEqual, greater, greaterEqual
    case plus, minus, star, slash
    case leftParen, rightParen, comma, pipe, semicolon, dot
    /// Bytes that start no token; the parser reports them.
    case unknown
    case endOfInput

    package var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }
}
