/// The aggregates of `summarize` and `count`. The operators of the language (this, comparison,
/// arithmetic, text matching) live in Support, shared by the syntax tree and the plan, which may
/// not know each other.
public enum AggregateFunction: String, Sendable, CaseIterable {
    case count, sum, avg, min, max
}
