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
    /// Folded prefix and suffix: `starts with`, `ends with`.
    case startsWith([UInt8])
    case endsWith([UInt8])
    /// `mentions`: a substring, ignoring accents as well as case (`Unaccent.fold` on both
    /// sides), for reporters who type `cote` for Côte d'Ivoire.
    case mentions([UInt8])
    /// An empty or missing pattern: matches nothing.
    case never

    /// Whether the text (raw UTF-8 bytes) matches. A regular expression stops early when
    /// `cancellation` is set (the answer is then false, and the caller's next check throws).
    public func test(_ bytes: UnsafeBufferPointer<UInt8>, cancellation: Cancellation? = nil) -> Bool {
        switch self {
        case .contains(let needle):
            return TextFolding.contains(TextFolding.fold(bytes: bytes), needle)
        case .like(let pattern):
            return Glob.matches(text: bytes, pattern: pattern)
        case .matches(let regex, _):
            let cancelled: (() -> Bool)? = cancellation.map { flag in { flag.isCancelled } }
            return (try? regex.matches(bytes, cancelled: cancelled)) ?? false
        case .startsWith(let prefix):
            let folded = TextFolding.fold(bytes: bytes)
            return folded.count >= prefix.count && folded.starts(with: prefix)
        case .endsWith(let suffix):
            let folded = TextFolding.fold(bytes: bytes)
            return folded.count >= suffix.count && folded[(folded.count - suffix.count)...].elementsEqual(suffix)
        case .mentions(let needle):
            return TextFolding.contains(Unaccent.fold(bytes), needle)
        case .never:
            return false
        }
    }

    public func test(_ text: String, cancellation: Cancellation? = nil) -> Bool {
        var copy = text
        return copy.withUTF8 { test($0, cancellation: cancellation) }
    }
}
