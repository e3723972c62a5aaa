public enum TextMatchOperator: String, Sendable {
    case contains, like, matches
}
