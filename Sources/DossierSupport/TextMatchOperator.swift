/// The text operators of a condition: `contains`, `like`, `matches`, `starts with`,
/// `ends with`, and `mentions` (contains, ignoring accents as well as case).
public enum TextMatchOperator: String, Sendable {
    case contains, like, matches, mentions
    case startsWith = "starts with"
    case endsWith = "ends with"
}
