import DossierSupport
import DossierDiagnostics
import DossierData

/// A compiled `contains`, `like` or `matches` pattern.
public enum TextMatcher: Sendable {
    /// Folded needle: case-insensitive substring.
    case contains([UInt8])
    /// Folded glob: `*` any run, `?` one character; matches the whole text.
    case like([UInt8])
    /// A regular expression, searched anywhere in the text, case-sensitive. Linear time in
    /// the text, whatever the pattern: no pattern can hang a query.
    case matches(LinearRegex, String)
    /// An empty or missing pattern: matches nothing.
    case never

    /// Whether the text (raw UTF-8 bytes) matches. A regular expression stops early when
    /// `cancellation` is set (the answer is then false, and the caller's next check throws).
    public func test(_ bytes: UnsafeBufferPointer<UInt8>, cancellation: Cancellation? = nil) -> Bool {
        switch self {
        case .contains(let needle):
            return TextFolding.contains(TextFolding.fold(bytes: bytes), needle)
        case .like(let pattern):
            return Glob.matches(TextFolding.fold(bytes: bytes), pattern)
        case .matches(let regex, _):
            let cancelled: (() -> Bool)? = cancellation.map { flag in { flag.isCancelled } }
            return (try? regex.matches(bytes, cancelled: cancelled)) ?? false
        case .never:
            return false
        }
    }

    public func test(_ text: String, cancellation: Cancellation? = nil) -> Bool {
        var copy = text
        return copy.withUTF8 { test($0, cancellation: cancellation) }
    }
}

/// Glob matching of folded text: `*` matches any run, `?` one character as people see it (a
/// grapheme: `é`, `ß`, a flag), so `like "?"` and `len` count alike.
package enum Glob {
    package static func matches(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        if text.allSatisfy({ $0 < 0x80 }) && pattern.allSatisfy({ $0 < 0x80 }) {
            return matches(text, pattern, star: UInt8(ascii: "*"), one: UInt8(ascii: "?"))
        }
        return matches(Array(String(decoding: text, as: UTF8.self)), Array(String(decoding: pattern, as: UTF8.self)),
            star: "*", one: "?")
    }

    /// The classic two-pointer glob with one backtrack point: linear-ish, no recursion.
    private static func matches<Unit: Equatable>(_ text: [Unit], _ pattern: [Unit], star: Unit, one: Unit) -> Bool {
        var t = 0
        var p = 0
        var starP = -1
        var starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == one {
                t += 1
                p += 1
            } else if p < pattern.count, pattern[p] == star {
                starP = p
                starT = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                t += 1
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == star { p += 1 }
        return p == pattern.count
    }
}
