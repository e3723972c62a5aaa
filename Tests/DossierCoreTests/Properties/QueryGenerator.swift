@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierEngine
@testable import DossierOutput
@testable import DossierSession
@testable import DossierCompletion

/// Builds query text from a stream of small numbers, each a choice (which clause, which
/// operator, which word). Shrinking the stream shrinks the query; running out of numbers
/// picks the simplest option, so every stream gives a finite query.
struct QueryGenerator {
    private var choices: [Int]
    private var index = 0

    init(_ choices: [Int]) { self.choices = choices }

    private mutating func pick(_ count: Int) -> Int {
        guard index < choices.count, count > 0 else { return 0 }
        defer { index += 1 }
        return abs(choices[index]) % count
    }

    private mutating func pick<T>(_ options: [T]) -> T { options[pick(options.count)] }

    static let sources = ["countries", "agreements", "transfers", "sources", "nosuch"]
    static let fields = ["name", "region", "status", "concern", "incentives", "roles", "people", "to", "from", "country", "kind", "regoin", "`first name`", "count"]
    static let words = ["Africa", "rights", "receiving", "Panama", "nearly", "x", "AFRICA", "and", "Libya"]
    static let strings = ["\"financial aid\"", "'Costa Rica'", "\"\"", "\"a\\\"b\"", "“Libya”", "\"\\u{1F600}\"", "\"*a\"", "\"^[A-M]\"", "\"(\""]
    static let numbers = ["0", "-1", "100", "2.5", "1e3", "1_000", "99999999999999999999", "2025-03-01", "-0.5"]

    /// A statement, usually a query.
    mutating func statement() -> String {
        switch pick(10) {
        case 0: return "count " + query()
        case 1: return "explain " + query()
        case 2: return "cite " + query()
        case 3: return "describe " + pick(Self.sources)
        default: return query()
        }
    }

    mutating func query() -> String {
        var text = pick(Self.sources)
        for _ in 0..<pick(5) {
            text += pick([" ", " | ", "\n| "]) + clause()
        }
        return text
    }

    mutating func clause() -> String {
        switch pick(10) {
        case 0, 1, 2: return pick(["where ", "WHERE ", "filter "]) + condition(depth: 0)
        case 3: return "select " + list { $0.selectItem() }
        case 4: return pick(["sort by ", "order by ", "sort "]) + list { $0.value(depth: 1) + $0.pick(["", " desc", " asc"]) }
        case 5: return "limit " + pick(["0", "3", "10", "-1", "x"]) + pick(["", " offset 2"])
        case 6: return "count" + pick(["", " by " + list { $0.field() }])
        case 7: return "summarize " + list { $0.aggregate() } + pick(["", " by " + field()])
        case 8: return pick(["join ", "left join "]) + pick(Self.sources) + " on " + field() + pick(["", " = " + field()])
        default: return pick(["distinct", "distinct " + field(), "chart", "wher x = 1"])
        }
    }

    mutating func list(_ item: (inout QueryGenerator) -> String) -> String {
        var items = [item(&self)]
        for _ in 0..<pick(3) { items.append(item(&self)) }
        return items.joined(separator: ", ")
    }

    mutating func selectItem() -> String {
        switch pick(4) {
        case 0: return "*"
        case 1: return value(depth: 1) + " as " + pick(["n", "`new name`", "count"])
        default: return value(depth: 1)
        }
    }

    mutating func aggregate() -> String {
        pick(["count()", "count(\(field()))", "count distinct \(field())", "sum(people)", "avg(people)", "min(\(field()))", "max(\(field()))", "mean(x)"])
            + pick(["", " as total"])
    }

    mutating func field() -> String { pick(Self.fields) }

    mutating func literal() -> String {
        switch pick(4) {
        case 0: return pick(Self.strings)
        case 1: return pick(Self.numbers)
        case 2: return pick(["true", "false", "missing", "null"])
        default: return pick(Self.words)
        }
    }

    mutating func value(depth: Int) -> String {
        if depth > 3 { return literal() }
        switch pick(8) {
        case 0: return "(" + value(depth: depth + 1) + pick([" + ", " - ", " * ", " / "]) + value(depth: depth + 1) + ")"
        case 1: return pick(["lower", "upper", "len", "year", "month", "nosuchfn"]) + "(" + value(depth: depth + 1) + ")"
        case 2: return "-" + value(depth: depth + 1)
        case 3, 4: return literal()
        default: return field()
        }
    }

    mutating func condition(depth: Int) -> String {
        if depth > 3 { return field() + " = " + literal() }
        switch pick(12) {
        case 0: return "(" + condition(depth: depth + 1) + " and " + condition(depth: depth + 1) + ")"
        case 1: return condition(depth: depth + 1) + " or " + condition(depth: depth + 1)
        case 2: return "not " + condition(depth: depth + 1)
        case 3: return field() + pick([" in (", " not in ("]) + list { $0.literal() } + ")"
        case 4: return field() + pick([" between ", " not between "]) + literal() + " and " + literal()
        case 5: return field() + pick([" contains ", " like ", " matches ", " not like "]) + literal()
        case 6: return field() + pick([" is missing", " is not missing", " is null"])
        case 7: return value(depth: depth + 1) + pick([" = ", " != ", " < ", " <= ", " > ", " >= ", " == ", " <> "]) + value(depth: depth + 1)
        default: return field() + pick([" = ", " != ", " < ", " >= "]) + literal()
        }
    }
}
