import DossierSupport
import DossierDiagnostics

/// The words of the language. They are contextual: the parser treats a word as a keyword only
/// where the grammar allows that keyword, so a field called `to` or `count` still works where a
/// field is expected. Keywords are case-insensitive.
public enum Keyword: String, Sendable, CaseIterable {
    // statements
    case count, `let`, load, sample, samples, save, datasets, describe, explain, cite, run, set, drop,
        help, quit, exit, connect, postgres
    // clauses
    case `where`, select, sort, order, by, limit, offset, distinct, summarize, join, left, on, chart,
        `as`, asc, desc, to, per, share, rank, running, total, change, expand, of
    // expressions
    case and, or, not, `in`, between, contains, like, matches, mentions, starts, ends, with, `is`, missing, null, `true`,
        `false`

    /// Words that can start a statement (from `WordTable`).
    public static var statementWords: [Keyword] { WordTable.statements.map(\.keyword) }

    /// Words that can start a clause after a source (from `WordTable`).
    public static var clauseWords: Set<Keyword> { WordTable.clauseKeywords }
    /// The clauses that add a column computed over the rows, and `expand` (issue 14).
    public static let analysisClauseWords: Set<Keyword> = [.share, .rank, .running, .change, .expand]

    /// Case-insensitive lookup of a word's bytes.
    package static func match(_ bytes: ArraySlice<UInt8>) -> Keyword? {
        guard bytes.count <= 10 else { return nil }
        var lowered = ""
        lowered.reserveCapacity(bytes.count)
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            lowered.unicodeScalars.append(Unicode.Scalar(lower))
        }
        return Keyword(rawValue: lowered)
    }
}
