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
        switch function {
        case .today: return .call(.today, [], .date)
        case .now: return .call(.now, [], .datetime)
        case .if, .coalesce: return try bindChoice(function, arguments, range: range, in: scope)
        case .concat:
            // Any value joins as it is shown; a list as its items joined by `, `.
            var bound: [BoundExpr] = []
            for argument in arguments { bound.append(try bind(argument, in: scope)) }
            return .call(.concat, bound, .text)
        default:
            break
        }
        var argument = try bind(arguments[0], in: scope)
        let type = argument.type
        let resultType: ValueType
        var extra: [BoundExpr] = []
        switch function {
        case .lower, .upper, .trim, .unaccent:
            try requireText(argument, function, arguments[0])
            resultType = .text
        case .len:
            try require(type == nil || type == .text || type == .list, function, .textOrList, arguments[0], type)
            resultType = .integer
        case .replace:
            try requireText(argument, function, arguments[0])
            extra = [try textArgument(arguments[1], of: function, in: scope), try textArgument(arguments[2], of: function, in: scope)]
            resultType = .text
        case .substring, .left, .right:
            try requireText(argument, function, arguments[0])
            for position in arguments.indices.dropFirst() { extra.append(try wholeNumberArgument(arguments[position], of: function, in: scope)) }
            resultType = .text
        case .split:
            try requireText(argument, function, arguments[0])
            extra = [try textArgument(arguments[1], of: function, in: scope)]
            resultType = .list
        case .extract:
            try requireText(argument, function, arguments[0])
            extra = [.constant(.text(try regexArgument(arguments[1])))]
            resultType = .text
        case .year, .month, .day, .weekday, .quarter, .week:
            argument = try temporalArgument(argument, function, arguments[0], needsTime: false)
            resultType = .integer
        case .hour, .minute:
            argument = try temporalArgument(argument, function, arguments[0], needsTime: true)
            resultType = .integer
        case .dayOf, .weekOf, .monthOf, .quarterOf, .yearOf:
            argument = try temporalArgument(argument, function, arguments[0], needsTime: false)
            resultType = .date
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
            try require(type != .list && type != .bool && type?.isTemporal != true, function, .textOrNumber, arguments[0], type)
            resultType = .decimal
        case .date:
            try require(type == nil || type == .text || type?.isTemporal == true, function, .textOrDate, arguments[0], type)
            if arguments.count == 2 { extra.append(.constant(.text(try dateFormat(arguments[1])))) }
            resultType = .date
        case .datetime:
            try require(type == nil || type == .text || type?.isTemporal == true, function, .textOrDate, arguments[0], type)
            resultType = .datetime
        case .text:
            resultType = .text
        case .today, .now, .if, .coalesce, .concat:
            // Bound above.
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

    /// Text, or missing; a list or a number needs `text(x)` first, which the hint says.
    private func requireText(_ bound: BoundExpr, _ function: BuiltinFunction, _ argument: Expr) throws(Diagnostic) {
        let type = bound.type
        try require(type == nil || type == .text, function, .text, argument, type,
            hint: type.map { _ in SemanticsMessages.asTextFirst(function, source.text(argument.range)) })
    }

    /// A text argument after the first (`replace`'s, `split`'s separator): any text expression.
    private func textArgument(_ expression: Expr, of function: BuiltinFunction, in scope: Scope) throws(Diagnostic) -> BoundExpr {
        let bound = try bind(expression, in: scope)
        try require(bound.type == nil || bound.type == .text, function, .text, expression, bound.type)
        return bound
    }

    /// A count of characters or a position (`left(name, 3)`): a whole number.
    private func wholeNumberArgument(_ expression: Expr, of function: BuiltinFunction, in scope: Scope) throws(Diagnostic) -> BoundExpr {
        let bound = try bind(expression, in: scope)
        try require(bound.type == nil || bound.type == .integer, function, .wholeNumber, expression, bound.type)
        return bound
    }

    /// A date or a date and time; a text literal in either form is read as one
    /// (`year("2025-03-01")`). `needsTime`: `hour` and `minute` of a plain date are an error.
    private func temporalArgument(_ bound: BoundExpr, _ function: BuiltinFunction, _ argument: Expr, needsTime: Bool) throws(Diagnostic) -> BoundExpr {
        if case .constant(.text(let text)) = bound {
            if let microseconds = DatetimeText.parse(text.trimmingSpaces) { return .constant(.datetime(microseconds)) }
            if !needsTime, let days = CivilDate.parse(text.trimmingSpaces) { return .constant(.date(days)) }
        }
        let type = bound.type
        if needsTime {
            try require(type == nil || type == .datetime, function, .datetime, argument, type, hint: SemanticsMessages.datetimeForm())
        } else {
            // A text field of dates (a column that did not read as one): say how to read it.
            var isField = true
            if case .constant = bound { isField = false }
            let hint = type == .text && isField
                ? SemanticsMessages.readAsDate(function.rawValue, source.text(argument.range)) : SemanticsMessages.dateForm()
            try require(type == nil || type?.isTemporal == true, function, .date, argument, type, hint: hint)
        }
        return bound
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

    /// `extract(x, "regex")`: a pattern written in the query, compiled now so a bad one is an
    /// error before any row is read (at the offending part of the pattern).
    private func regexArgument(_ expression: Expr) throws(Diagnostic) -> String {
        guard case .literal(.text(let pattern)) = expression.kind, !pattern.isEmpty else {
            throw error(SemanticsMessages.patternNotQuoted(), at: expression.range)
        }
        do throws(RegexSyntaxError) {
            _ = try LinearRegex(pattern)
        } catch {
            throw self.error(SemanticsMessages.badRegex(error), at: patternRange(error, in: expression, pattern: pattern))
        }
        return pattern
    }

    /// Where a regular expression's error is in the query: inside the literal when it holds
    /// the pattern byte for byte, else the whole literal.
    package func patternRange(_ error: RegexSyntaxError, in literal: Expr, pattern: String) -> Range<Int> {
        let written = Array(source.bytes[literal.range.clamped(to: 0..<source.bytes.count)])
        guard written.count == pattern.utf8.count + 2, written.dropFirst().dropLast().elementsEqual(pattern.utf8) else {
            return literal.range
        }
        let start = literal.range.lowerBound + 1
        let range = (start + error.range.lowerBound)..<(start + max(error.range.upperBound, error.range.lowerBound + 1))
        return range.clamped(to: literal.range)
    }
}
