import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// `name(arguments)`: the function, its arguments checked against what it takes, and the
    /// type of its result.
    package func bindCall(_ name: Name, _ arguments: [Expr], range: Range<Int>, in scope: Scope) throws(Diagnostic) -> BoundExpr {
        guard let function = BuiltinFunction(rawValue: name.text.lowercased()) else {
            var hint = "functions: " + BuiltinFunction.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")
            if AggregateFunction(rawValue: name.text.lowercased()) != nil {
                hint = "aggregates go in summarize: summarize \(name.text.lowercased())(...) by ..."
            } else if let best = Suggestions.closest(to: name.text, in: BuiltinFunction.allCases.map(\.rawValue)).first {
                hint = "did you mean `\(best)`?"
            }
            throw error(.unknownFunction, "no function named `\(name.text)`", at: name.range, hint: hint)
        }
        guard function.arity.contains(arguments.count) else {
            let expected = function.arity.count == 1 ? "one argument" : "one or two arguments"
            throw error(.badArgument, "`\(function.rawValue)` takes \(expected), not \(arguments.count)", at: range,
                hint: function.summary)
        }
        var argument = try bind(arguments[0], in: scope)
        let type = argument.type
        let resultType: ValueType
        var extra: [BoundExpr] = []
        switch function {
        case .lower, .upper:
            try require(type == nil || type == .text, function, "text", arguments[0], type)
            resultType = .text
        case .len:
            try require(type == nil || type == .text || type == .list, function, "text or a list", arguments[0], type)
            resultType = .integer
        case .year, .month:
            if case .constant(let value) = argument, case .text(let text) = value, let days = CivilDate.parse(text) {
                argument = .constant(.date(days))
            } else {
                try require(type == nil || type == .date, function, "a date", arguments[0], type, hint: "dates are written YYYY-MM-DD")
            }
            resultType = .integer
        case .round, .floor, .ceil, .abs:
            try require(type == nil || type?.isNumeric == true, function, "a number", arguments[0], type,
                hint: type == .text ? "read text as a number first: \(function.rawValue)(number(\(source.text(arguments[0].range))))" : nil)
            resultType = type ?? .integer
            if arguments.count == 2 { extra.append(.constant(.integer(try places(arguments[1])))) }
        case .number:
            try require(type != .list && type != .bool && type != .date, function, "text or a number", arguments[0], type)
            resultType = .decimal
        case .date:
            try require(type == nil || type == .text || type == .date, function, "text or a date", arguments[0], type)
            if arguments.count == 2 { extra.append(.constant(.text(try dateFormat(arguments[1])))) }
            resultType = .date
        case .text:
            resultType = .text
        }
        return .call(function, [argument] + extra, resultType)
    }

    private func require(
        _ condition: Bool, _ function: BuiltinFunction, _ what: String, _ argument: Expr, _ type: ValueType?,
        hint: String? = nil
    ) throws(Diagnostic) {
        guard !condition else { return }
        throw error(.badArgument, "`\(function.rawValue)` needs \(what)\(type.map { ", but this is \(describe($0))" } ?? "")",
            at: argument.range, hint: hint ?? function.summary)
    }

    /// `round(x, n)`: n is a whole number written in the query, -18...18.
    private func places(_ expression: Expr) throws(Diagnostic) -> Int64 {
        guard case .literal(.integer(let places)) = expression.kind, (-18...18).contains(places) else {
            throw error(.badArgument, "the digits after the point must be a whole number from -18 to 18", at: expression.range,
                hint: "round(price, 2) keeps two digits; round(people, -3) rounds to thousands")
        }
        return places
    }

    /// `date(x, "dd.mm.yyyy")`: a format written in the query, checked now.
    private func dateFormat(_ expression: Expr) throws(Diagnostic) -> String {
        guard case .literal(.text(let format)) = expression.kind else {
            throw error(.badArgument, "the date format must be written in quotes", at: expression.range,
                hint: "date(when, \"dd.mm.yyyy\")")
        }
        if let problem = DateText.Format.problem(format) {
            throw error(.badArgument, "this is not a date format: \(problem)", at: expression.range,
                hint: "use yyyy, yy, mm, m, dd, d, mon (Jan) or month (January) and the separators between them: \"dd.mm.yyyy\", \"d mon yyyy\"")
        }
        return format
    }
}
