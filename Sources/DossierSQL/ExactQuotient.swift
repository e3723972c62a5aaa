import DossierSupport
import DossierDiagnostics
import DossierData

/// `a / b` and `avg` on the server with dossier's rule (`DecimalNumber.dividing`): 18
/// significant digits and at most 18 places, ties to even, trailing zeros removed, missing
/// when `b` is 0; a quotient of 10^18 or more is the `Double` quotient. PostgreSQL's own
/// `numeric` division keeps at least 16 digits and rounds ties away from zero, so the rule is
/// spelled out with exact integer arithmetic instead: `div` gives the whole part (which fixes
/// how many places there are), then the quotient scaled by those places and its remainder
/// decide the rounding. Only built-in functions are used (`trim_scale` needs PostgreSQL 13).
enum ExactQuotient {
    /// The quotient of two exact numbers (SQL expressions of any numeric type), as `numeric`.
    /// The operands are bound once in a scalar subquery, so neither is evaluated twice.
    static func sql(_ dividend: String, _ divisor: String) -> String {
        // v: the operands; w: the places kept (18 − digits of the whole part; negative when
        // the quotient is 10^18 or more); x: the dividend scaled by them; y: the truncated
        // quotient; z: rounded half to even by the remainder.
        let v = "SELECT CAST(\(dividend) AS numeric) AS a, CAST(\(divisor) AS numeric) AS b"
        let whole = "div(abs(v.a), abs(v.b))"
        let w = """
            SELECT v.a, v.b, abs(v.b) AS bb, sign(v.a) * sign(v.b) AS s, \
            CASE WHEN \(whole) = 0 THEN 18 ELSE 18 - length(CAST(\(whole) AS text)) END AS p \
            FROM (\(v)) AS v WHERE v.b <> 0
            """
        let x = "SELECT w.*, abs(w.a) * CAST('1e' || greatest(w.p, 0) AS numeric) AS n FROM (\(w)) AS w"
        let y = "SELECT x.*, div(x.n, x.bb) AS t FROM (\(x)) AS x"
        let remainder = "(y.n - y.t * y.bb)"
        let z = """
            SELECT y.*, y.t + CASE WHEN 2 * \(remainder) > y.bb OR (2 * \(remainder) = y.bb AND mod(y.t, 2) = 1) \
            THEN 1 ELSE 0 END AS m FROM (\(y)) AS y
            """
        // 10^18 units or more (a quotient that rounds up to 10^18 included) is dossier's Double,
        // sent as its shortest text with one place: 20 digits or more, which the decoder reads
        // back as that same Double, never as an exact decimal.
        let tooLarge = "z.p < 0 OR (z.p = 0 AND z.m >= 1000000000000000000)"
        let double = "round(CAST(CAST(CAST(z.a AS float8) / CAST(z.b AS float8) AS text) AS numeric), 1)"
        return """
            (SELECT CASE WHEN \(tooLarge) THEN \(double) \
            ELSE trim_scale(z.s * z.m * CAST('1e-' || z.p AS numeric)) END FROM (\(z)) AS z)
            """
    }

    /// A quotient where one side is dossier's binary floating point: the `Double` quotient,
    /// missing when dividing by zero.
    static func floating(_ dividend: String, _ divisor: String) -> String {
        "(SELECT CASE WHEN v.b = 0 THEN NULL ELSE v.a / v.b END FROM (SELECT CAST(\(dividend) AS float8) AS a, CAST(\(divisor) AS float8) AS b) AS v)"
    }
}
