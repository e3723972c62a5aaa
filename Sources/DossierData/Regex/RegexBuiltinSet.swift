import DossierSupport
import DossierDiagnostics

/// One of the shorthand sets `\d \D \w \W \s \S`, alone or inside brackets.
package enum RegexBuiltinSet: Sendable, Hashable {
    case digit, notDigit, word, notWord, space, notSpace

    package func contains(_ c: UInt32) -> Bool {
        switch self {
        case .digit: RegexScalars.isDigit(c)
        case .notDigit: !RegexScalars.isDigit(c)
        case .word: RegexScalars.isWord(c)
        case .notWord: !RegexScalars.isWord(c)
        case .space: RegexScalars.isSpace(c)
        case .notSpace: !RegexScalars.isSpace(c)
        }
    }

    /// Whether some scalar at or above U+0080 is in the set (all but `\d` have some).
    package var reachesBeyondASCII: Bool { self != .digit }
}
