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
        `as`, asc, desc, to
    // expressions
    case and, or, not, `in`, between, contains, like, matches, `is`, missing, null, `true`, `false`

    /// Words that can start a statement (from `WordTable`).
    public static var statementWords: [Keyword] { WordTable.statements.map(\.keyword) }

    /// Words that can start a clause after a source (from `WordTable`).
    public static var clauseWords: Set<Keyword> { WordTable.clauseKeywords }

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

/// Habits from other query languages, mapped to the way to say it here. Used in hints.
package enum ForeignHabit {
    package static func hint(for word: String) -> String? {
        switch word.lowercased() {
        case "group": return "to group, use `count by F` or `summarize AGG by F`"
        case "filter": return "to keep rows, use `where`: countries where region = Africa"
        case "top", "take", "head": return "to keep the first rows, use `limit N` (after `sort by F desc` for a top N)"
        case "having": return "to filter groups, add `where` after the count: count by region | where count > 2"
        case "from": return "queries start with the dataset: countries select name, status"
        case "project": return "to choose fields, use `select`"
        case "extend": return "to compute a field, use `select *, EXPR as NAME`"
        case "uniq", "unique": return "to remove duplicates, use `distinct [F, ...]`"
        case "descending", "decending", "desending", "ascending", "acending":
            return "write `desc` (or `asc`) after the field: sort by name desc"
        default: return nil
        }
    }
}
