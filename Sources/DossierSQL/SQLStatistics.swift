import DossierSupport
import DossierDiagnostics
import DossierData

/// `median`, `quantile`, `stddev`, `variance` and `corr` in SQL, with dossier's results.
///
/// Quantiles interpolate between the two nearest values as dossier does (PostgreSQL's
/// `percentile_cont` interpolates the same way, but only over `float8`): here the two values
/// are picked by their rank within the group, and the interpolation is exact `numeric`, so
/// decimals come out with every digit. The spread and correlation are doubles in dossier;
/// here the sums they need are exact and only the last division and square root are `float8`,
/// so they agree with dossier's running (Welford) updates to the last few bits, not bit for bit.
enum SQLStatistics {
    /// The keyed rows with, for each column a quantile reads, its rank among its group's present
    /// values (`cN_r`, from 1, missing values last) and how many are present (`cN_n`).
    static func ranked(_ keyed: SQLStage, columns: [Int], keyCount: Int, alias: String) -> SQLStage {
        let groups = keyed.groupColumns(alias, count: keyCount)
        let partition = groups.isEmpty ? "" : "PARTITION BY " + groups.joined(separator: ", ") + " "
        var windows: [String] = []
        for column in Set(columns).sorted() {
            let value = "\(alias).c\(column)"
            windows.append("row_number() OVER (\(partition)ORDER BY \(value) ASC NULLS LAST) AS c\(column)_r")
            windows.append("count(\(value)) OVER (\(partition.isEmpty ? "" : String(partition.dropLast()))) AS c\(column)_n")
        }
        var stage = keyed
        stage.sql = "SELECT \(alias).*, \(windows.joined(separator: ", ")) FROM (\(keyed.sql)) AS \(alias)"
        return stage
    }

    /// `quantile(x, p)` of a ranked column `value` (`alias.cN`): with `(n - 1) × p = i + f`, the
    /// values ranked `i + 1` and `i + 2` (the last one when there is no next), `low + (high -
    /// low) × f`, trailing zeros removed as dossier removes them.
    static func quantile(_ value: String, fraction: DecimalNumber) -> String {
        let p = "CAST('\(fraction.description)' AS numeric)"
        let position = "((\(value)_n - 1) * \(p))"
        let lowRank = "floor(\(position))"
        let highRank = "least(\(lowRank) + 1, \(value)_n - 1)"
        func at(_ rank: String) -> String {
            "min(CAST(\(value) AS numeric)) FILTER (WHERE \(value) IS NOT NULL AND \(value)_r - 1 = \(rank))"
        }
        let share = "max(\(position) - \(lowRank))"
        return "trim_scale(\(at(lowRank)) + (\(at(highRank)) - \(at(lowRank))) * \(share))"
    }

    /// The sample variance (or its square root), from exact sums: `(n Σx² − (Σx)²) / (n (n − 1))`.
    static func spread(_ value: String, squareRoot: Bool) -> String {
        let x = "CAST(\(value) AS numeric)"
        let n = "count(\(value))"
        let variance = "CAST(\(n) * sum(\(x) * \(x)) - sum(\(x)) * sum(\(x)) AS float8) / CAST(\(n) * (\(n) - 1) AS float8)"
        return "(CASE WHEN \(n) >= 2 THEN \(squareRoot ? "sqrt(\(variance))" : variance) END)"
    }

    /// Pearson's correlation over the rows where both are present, from exact sums; missing
    /// when either side does not vary (dossier's division by zero).
    static func correlation(_ first: String, _ second: String) -> String {
        let both = "FILTER (WHERE \(first) IS NOT NULL AND \(second) IS NOT NULL)"
        let x = "CAST(\(first) AS numeric)"
        let y = "CAST(\(second) AS numeric)"
        let n = "count(*) \(both)"
        func total(_ term: String) -> String { "sum(\(term)) \(both)" }
        let covariance = "(\(n) * \(total("\(x) * \(y)")) - \(total(x)) * \(total(y)))"
        let spreadX = "(\(n) * \(total("\(x) * \(x)")) - \(total(x)) * \(total(x)))"
        let spreadY = "(\(n) * \(total("\(y) * \(y)")) - \(total(y)) * \(total(y)))"
        let ratio = "CAST(\(covariance) AS float8) / (sqrt(CAST(\(spreadX) AS float8)) * sqrt(CAST(\(spreadY) AS float8)))"
        return "(CASE WHEN \(n) >= 2 AND \(spreadX) > 0 AND \(spreadY) > 0 THEN greatest(-1, least(1, \(ratio))) END)"
    }
}
