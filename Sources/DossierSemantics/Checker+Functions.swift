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
            throw error(SemanticsMessages.unknownFunction(name.text), at: name.range)
        }
        guard function.arity.contains(arguments.count) else {
            throw error(SemanticsMessages.wrongArgumentCount(function, given: arguments.count), at: range)
        }
        var argument = try bind(arguments[0], in: scope)
        let type = argument.type
        let resultType: ValueType
        var extra: [BoundExpr] = []
        switch function {
        case .lower, .upper:
            try require(type == nil || type == .text, function, .text, arguments[0], type)
            resultType = .text
        case .len:
            try require(type == nil || type == .text || type == .list, function, .textOrList, arguments[0], type)
            resultType = .integer
        case .year, .month:
            if case .constant(let value) = argument, case .text(let text) = value, let days = CivilDate.parse(text) {
                argument = .constant(.date(days))
            } else {
                try require(type == nil || type == .date, function, .date, arguments[0], type, hint: SemanticsMessages.dateForm())
            }
            resultType = .integer
        case .round, .floor, .ceil, .abs:
            try require(type == nil || type?.isNumeric == true, function, .number, arguments[0], type,
                hint: type == .text ? SemanticsMessages.readAsNumberFirst(function, source.text(arguments[0].range)) : nil)
            resultType = type ?? .integer
            if arguments.count == 2 { extra.append(.constant(.integer(try places(arguments[1])))) }
        case .sqrt, .pow:
            try require(type == nil || type?.isNumeric == true, function, .number, arguments[0], type)
            resultType = .decimal
            if arguments.count == 2 {
                let exponent = try bind(arguments[1], in: scope)
                try require(exponent.type == nil || exponent.type?.isNumeric == true, function, .number, arguments[1], exponent.type)
                extra.append(exponent)
            }
        case .number:
            try require(type != .list && type != .bool && type != .date, function, .textOrNumber, arguments[0], type)
            resultType = .decimal
        case .date:
            try require(type == nil || type == .text || type == .date, function, .textOrDate, arguments[0], type)
            if arguments.count == 2 { extra.append(.constant(.text(try dateFormat(arguments[1])))) }
            resultType = .date
        case .text:
            resultType = .text
        }
        return .call(function, [argument] + extra, resultType)
    }

    private func require(
        _ condition: Bool, _ function: BuiltinFunction, _ what: SemanticsMessages.Argument, _ argument: Expr, _ type: ValueType?,
        hint: String? = nil
    ) throws(Diagnostic) {
        guard !condition else { return }
        throw error(SemanticsMessages.argumentNeeds(function, what, type, hint: hint), at: argument.range)
    }

    /// `round(x, n)`: n is a whole number written in the query, -18...18.
    private func places(_ expression: Expr) throws(Diagnostic) -> Int64 {
        guard case .literal(.integer(let places)) = expression.kind, (-18...18).contains(places) else {
            throw error(SemanticsMessages.badPlaces(), at: expression.range)
        }
        return places
    }

    /// `date(x, "dd.mm.yyyy")`: a format written in the query, checked now.
    private func dateFormat(_ expression: Expr) throws(Diagnostic) -> String {
        guard case .literal(.text(let format)) = expression.kind else {
            throw error(SemanticsMessages.dateFormatNotQuoted(), at: expression.range)
        }
        if let problem = DateText.Format.problem(format) {
            throw error(SemanticsMessages.badDateFormat(problem), at: expression.range)
        }
        return format
    }
}
