import DossierSupport
import DossierDiagnostics
import DossierData

/// An expression after checking: names bound to field positions, bare words turned into
/// text, literals converted to the type they are compared with, every node typed. The engine
/// compiles it; nothing here can fail at run time except cancellation.
public indirect enum BoundExpr: Sendable {
    case field(Int, ValueType)
    case constant(Value)
    case not(BoundExpr)
    case and([BoundExpr])
    case or([BoundExpr])
    case compare(ComparisonOperator, BoundExpr, BoundExpr)
    /// `F in (v, ...)`: constants already converted to F's type.
    case inList(BoundExpr, [Value], negated: Bool)
    case between(BoundExpr, low: BoundExpr, high: BoundExpr, negated: Bool)
    case textMatch(TextMatcher, BoundExpr, negated: Bool)
    case isMissing(BoundExpr, negated: Bool)
    case arithmetic(ArithmeticOperator, BoundExpr, BoundExpr, ValueType)
    case negate(BoundExpr, ValueType)
    /// A function and its arguments, with the type of its result (which may depend on the
    /// argument's: `round` of an integer is an integer).
    case call(BuiltinFunction, [BoundExpr], ValueType)

    /// The type of the value; nil for the `missing` literal.
    public var type: ValueType? {
        switch self {
        case .field(_, let type): return type
        case .constant(let value): return value.type
        case .not, .and, .or, .compare, .inList, .between, .textMatch, .isMissing: return .bool
        case .arithmetic(_, _, _, let type), .negate(_, let type): return type
        case .call(_, _, let type): return type
        }
    }

    /// The field a plain field reference names.
    public var fieldIndex: Int? {
        if case .field(let index, _) = self { return index }
        return nil
    }
}

public enum BuiltinFunction: String, Sendable, CaseIterable {
    case lower, upper, len, year, month
    case round, floor, ceil, abs
    case number, date, text

    /// How many arguments it takes.
    package var arity: ClosedRange<Int> {
        switch self {
        case .round, .date: return 1...2
        default: return 1...1
        }
    }

    package var summary: String {
        switch self {
        case .lower: return "lower(text): the text in lower case"
        case .upper: return "upper(text): the text in upper case"
        case .len: return "len(text or list): number of characters as people see them, or of items"
        case .year: return "year(date): the year as a number"
        case .month: return "month(date): the month as a number 1–12"
        case .round: return "round(x) or round(x, n): to n digits after the point (0 if left out; negative rounds to tens, hundreds …); halves away from zero"
        case .floor: return "floor(x): the largest whole number not above x"
        case .ceil: return "ceil(x): the smallest whole number not below x"
        case .abs: return "abs(x): x without its sign"
        case .number: return "number(x): text read as a number: 1,234  $1,234.50  12% (12)  (1,234) (-1234); else missing"
        case .date: return "date(x) or date(x, \"dd.mm.yyyy\"): text read as a date (ISO forms, or the format given); else missing"
        case .text: return "text(x): the value as text, as it is shown"
        }
    }
}

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
