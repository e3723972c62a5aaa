/// The aggregates of `summarize` and `count`. The operators of the language (this, comparison,
/// arithmetic, text matching) live in Support, shared by the syntax tree and the plan, which may
/// not know each other.
public enum AggregateFunction: String, Sendable, CaseIterable {
    case count, sum, avg, min, max
    /// The statistics: `median(x)`, `quantile(x, p)`, `stddev(x)` and `variance(x)` (of a
    /// sample), `corr(x, y)`.
    case median, quantile, stddev, variance, corr

    /// How many arguments it takes (`count` takes none or one).
    public var arity: ClosedRange<Int> {
        switch self {
        case .count: return 0...1
        case .quantile, .corr: return 2...2
        default: return 1...1
        }
    }

    /// How it is written, for help and hints.
    public var usage: String {
        switch self {
        case .count: return "count() or count(F)"
        case .quantile: return "quantile(F, p)"
        case .corr: return "corr(F, G)"
        default: return "\(rawValue)(F)"
        }
    }
}
