import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

/// Every text the checker puts in a diagnostic, in one place: unknown names with their
/// did-you-means, type errors with the conversion that fixes them, misplaced clauses. Each
/// function returns the diagnostic without a location; the checker places it in the statement
/// (`Checker.error(_:at:)`). Fix-its carry their own ranges.
package enum SemanticsMessages {
    /// A type as messages name it: `a whole number`, `text`, `true/false`; nil is `missing`.
    package static func describe(_ type: ValueType?) -> String {
        switch type {
        case nil: return "missing"
        case .integer?: return "a whole number"
        case .decimal?: return "a number"
        case .text?: return "text"
        case .bool?: return "true/false"
        case .date?: return "a date"
        case .datetime?: return "a date and time"
        case .list?: return "a list"
        }
    }

    /// `` `region` (text) `` for a field, `2025 (a whole number)` for a value.
    package static func describeOperand(_ written: String, isField: Bool, _ type: ValueType) -> String {
        isField ? "`\(written)` (\(describe(type)))" : "\(written) (\(describe(type)))"
    }

    // MARK: - Datasets and named queries

    /// No dataset `name`, written at `range`: the closest of `known`, else a statement it may
    /// have meant, else what is loaded.
    package static func unknownDataset(_ name: String, at range: Range<Int>, known names: [String]) -> Diagnostic {
        var hint: String
        let close = Suggestions.closest(to: name, in: names)
        if let best = close.first {
            hint = "did you mean `\(best)`?"
        } else if let word = Suggestions.closest(to: name, in: Keyword.statementWords.map(\.rawValue)).first {
            hint = "did you mean the statement `\(word)`?"
        } else if names.isEmpty {
            hint = "nothing is loaded; try: load sample third-country-deals"
        } else {
            hint = "datasets: " + names.joined(separator: ", ")
        }
        if close.isEmpty, !names.isEmpty, !hint.hasPrefix("datasets") {
            hint += "\ndatasets: " + names.joined(separator: ", ")
        }
        return Diagnostic(.unknownDataset, "no dataset named `\(name)`", hint: hint,
            fixIts: close.first.map { [Diagnostic.FixIt(replacing: range, with: $0)] } ?? [])
    }

    package static func queryRefersToItself(_ name: String) -> Diagnostic {
        Diagnostic(.recursion, "`\(name)` refers to itself",
            hint: "a named query cannot use its own name; give the new query another name")
    }

    package static func queriesNestTooDeep(limit: Int) -> Diagnostic {
        Diagnostic(.recursion, "named queries nest more than \(limit) deep here")
    }

    /// The named query `name` (`let name = text`) fails now, with `problem`.
    package static func namedQueryBroken(_ name: String, text: String, problem: Diagnostic) -> Diagnostic {
        Diagnostic(problem.id, "the named query `\(name)` no longer works: \(problem.message)",
            hint: "it is: let \(name) = \(text)\n(re-create it with let, or remove it with drop \(name))")
    }

    // MARK: - Clauses

    /// `chart` found no number to draw: `value` (the last field) is not one; `label` is the
    /// field before it, when the chart is not of a grouping.
    package static func chartNeedsANumber(label: Field?, value: Field?) -> Diagnostic {
        guard let value else {
            return Diagnostic(.typeMismatch, "`chart` needs a field to draw", hint: chartShapes)
        }
        guard let label else {
            return Diagnostic(.typeMismatch, "`chart` draws the last field of a grouping, but `\(value.displayName)` is \(value.type.rawValue)",
                hint: "the number to draw comes last: ... summarize AGG, ..., count() by F | chart")
        }
        let found = "the last two fields are `\(label.displayName)` (\(label.type.rawValue)) and `\(value.displayName)` (\(value.type.rawValue))"
        return Diagnostic(.typeMismatch, "`chart` draws a label and then a number, but \(found)",
            hint: "to count rows by \(label.displayName): ... count by \(label.displayName) | chart\n"
                + "to draw a number for each \(label.displayName): ... select \(label.displayName), NUMBER | chart")
    }

    /// `chart` of one field that is not a number (a histogram needs numbers).
    package static func chartOfOneField(_ field: Field) -> Diagnostic {
        Diagnostic(.typeMismatch, "`chart` of one field draws a histogram of numbers, but `\(field.displayName)` is \(field.type.rawValue)",
            hint: "to draw how often each \(field.displayName) occurs, count first: ... count by \(field.displayName) | chart")
    }

    private static let chartShapes =
        "chart draws: count by F | chart (a bar a group), select LABEL, NUMBER | chart, select NUMBER | chart (a histogram)"

    package static func chartNotLast() -> Diagnostic {
        Diagnostic(.misplacedClause, "`chart` must be the last clause", hint: "move `chart` to the end of the query")
    }

    package static func starAddsNothing() -> Diagnostic {
        Diagnostic(.duplicateName, "this `*` adds no field: every field is already in the result",
            hint: "`*` is every field not listed before it; write it once")
    }

    package static func fieldOnlyMissing() -> Diagnostic {
        Diagnostic(.typeMismatch, "a field cannot be only `missing`")
    }

    /// A second field named `displayName` in `select`; `afterStar` when a `*` before it
    /// brought the first.
    package static func duplicateSelectField(_ displayName: String, name: String, afterStar: Bool) -> Diagnostic {
        let hint = afterStar
            ? "`*` already brought `\(displayName)`; to put it first: select \(displayName), *"
            : "name this one with `as`: ... as \(name)_2"
        return Diagnostic(.duplicateName, "the result already has a field `\(displayName)`", hint: hint)
    }

    /// An aggregate named with `as` like a field the result already has.
    package static func duplicateAggregateName(_ name: String) -> Diagnostic {
        Diagnostic(.duplicateName, "the result already has a field `\(name)`")
    }

    package static func groupByMissing() -> Diagnostic {
        Diagnostic(.typeMismatch, "cannot group by `missing`")
    }

    package static func keyListedTwice(_ displayName: String) -> Diagnostic {
        Diagnostic(.duplicateName, "`\(displayName)` is listed twice")
    }

    package static func aggregateNeedsNumbers(_ function: AggregateFunction, _ written: String, _ type: ValueType?) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(function.rawValue)` needs numbers; `\(written)` is \(type?.rawValue ?? "missing")",
            hint: "count it instead: count(\(written))")
    }

    package static func aggregateArgumentCount(_ function: AggregateFunction, given count: Int) -> Diagnostic {
        let expected: String
        switch function.arity {
        case 0...1: expected = "no argument or one"
        case 2...2: expected = "two arguments"
        default: expected = "one argument"
        }
        return Diagnostic(.badArgument, "`\(function.rawValue)` takes \(expected), not \(count)", hint: "write it \(function.usage)")
    }

    package static func aggregateInsideAggregate(_ function: AggregateFunction) -> Diagnostic {
        Diagnostic(.badArgument, "`\(function.rawValue)` cannot be used here",
            hint: "aggregates go in summarize items: summarize \(function.usage) by ...")
    }

    package static func badQuantileFraction() -> Diagnostic {
        Diagnostic(.badArgument, "the share of `quantile` is a number from 0 to 1",
            hint: "quantile(x, 0.9) is the value 90% of the values are at or below; median(x) is quantile(x, 0.5)")
    }

    package static func notGroupedNorAggregated(_ name: String) -> Diagnostic {
        Diagnostic(.unknownField, "`\(name)` has many values in each group",
            hint: "use it inside an aggregate (sum(\(name)), max(\(name)), …) or add it after by")
    }

    package static func itemWithoutAggregate(_ written: String) -> Diagnostic {
        Diagnostic(.badArgument, "`\(written)` is not an aggregate",
            hint: "aggregates: count(), count(F), count distinct F, sum, avg, min, max, median, quantile(F, p), stddev, variance, corr(F, G)")
    }

    package static func aggregateOnList(_ function: AggregateFunction) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(function.rawValue)` does not work on lists")
    }

    package static func joinTypesDiffer(_ left: Field, _ right: Field) -> Diagnostic {
        Diagnostic(.typeMismatch,
            "cannot join `\(left.displayName)` (\(describe(left.type))) with `\(right.displayName)` (\(describe(right.type)))",
            hint: right.type == .list
                ? "the joined side's key cannot be a list; join from the side that has it, or expand it first: expand \(right.displayName)"
                : left.type == .list ? "a list joins with text, item by item" : "join on fields of the same kind")
    }

    // MARK: - Fields

    package static func ambiguousField(_ name: String, candidates: [String]) -> Diagnostic {
        let options = candidates.map { "`\($0)`" }.joined(separator: " or ")
        return Diagnostic(.ambiguousField, "`\(name)` is in both joined datasets", hint: "write \(options)")
    }

    /// No field `written` (typed as `typed`) at `range`: why it is gone (`droppedBy`, the
    /// text of the clause that left it out), else the closest field, else the function of
    /// that name; then the fields there are.
    package static func unknownField(
        _ written: String, typed: String, at range: Range<Int>, droppedBy clause: String?, fields: [Field]
    ) -> Diagnostic {
        let close = Suggestions.closest(to: typed, in: fields.map(\.displayName))
        var hint = ""
        var fixIts: [Diagnostic.FixIt] = []
        if let clause {
            let shown = DisplayWidth.truncate(clause, to: 40)
            hint = "`\(typed)` was left out by `\(shown)` earlier in the query: keep it there, or move this clause before it\n"
        } else if let best = close.first {
            hint = "did you mean `\(best)`?\n"
            let plain = best.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            fixIts = [Diagnostic.FixIt(replacing: range, with: plain ? best : "`\(best)`")]
        } else if let function = BuiltinFunction(rawValue: typed.lowercased()) {
            hint = "`\(function.rawValue)` is a function: \(function.summary)\n"
        }
        hint += "fields: " + Checker.fieldList(fields)
        return Diagnostic(.unknownField, "no field `\(written)` here", hint: hint, fixIts: fixIts)
    }

    // MARK: - Conditions and comparisons

    /// `clause` (`where`, `not`, `and`) given `written`, of `type`, which is not true or false.
    package static func notACondition(_ written: String, of type: ValueType, in clause: String) -> Diagnostic {
        var hint = "compare it with a value: \(clause) \(written) = ..."
        if type == .text || type == .list { hint = "compare it with a value, such as: \(clause) \(written) = rights" }
        if type.isNumeric { hint = "compare it with a number, such as: \(clause) \(written) > 10" }
        return Diagnostic(.notACondition, "`\(clause)` needs a condition, but `\(written)` is \(describe(type))", hint: hint)
    }

    /// `region = Africa or Asia`: `name` after `word` (`or`) was meant as another value of the
    /// comparison `field op value` before it.
    package static func valueAsCondition(
        _ name: String, joinedBy word: String, field: String, op: ComparisonOperator, value: String
    ) -> Diagnostic {
        var hint = "repeat the field: \(field) \(op.rawValue) \(value) \(word) \(field) \(op.rawValue) \(name)"
        if op == .equal && word == "or" { hint += "\nor list the values: \(field) in (\(value), \(name))" }
        return Diagnostic(.notACondition, "`\(name)` is not a condition (nor a field)", hint: hint)
    }

    package static func negateNeedsNumber(_ type: ValueType?) -> Diagnostic {
        Diagnostic(.typeMismatch, "`-` needs a number, but this is \(describe(type))")
    }

    /// `code > 2` on a text field `field` (written at `fieldRange`): it would compare text.
    /// `note` is the field's stray-value note when it has one of this `kind`.
    package static func textOrdering(
        _ field: String, at fieldRange: Range<Int>, op: String, literal: String, kind: TypeNote.Kind, note: TypeNote?
    ) -> Diagnostic {
        let conversion = "\(kind == .numbers ? "number" : "date")(\(field))"
        var message = "`\(field)` is text, so `\(op) \(literal)` would compare text, not \(kind.rawValue)"
        if let note, note.kind == kind {
            message = note.sentence(field: field) + ", so it cannot be ordered against \(kind == .numbers ? "a number" : "a date")"
        }
        let example = op == "between" ? "\(conversion) between ..." : "\(conversion) \(op) \(literal)"
        return Diagnostic(.typeMismatch, message,
            hint: "to compare as \(kind.rawValue): \(example) (values that are not \(kind.rawValue) are then missing)\nto compare as text, quote it: \"\(literal)\"",
            fixIts: [Diagnostic.FixIt(replacing: fieldRange, with: conversion)])
    }

    /// Two operands of kinds that cannot be compared, each as `describeOperand` words it.
    package static func incomparable(_ left: String, _ right: String) -> Diagnostic {
        Diagnostic(.typeMismatch, "cannot compare \(left) with \(right)", hint: "compare fields of the same kind, or use a literal value")
    }

    /// A constant `written` (of `type`) compared with `field`, of `target`, with no conversion.
    package static func incomparableConstant(_ written: String, _ type: ValueType?, field: String, _ target: ValueType) -> Diagnostic {
        Diagnostic(.typeMismatch, "cannot compare `\(field)` (\(describe(target))) with \(written) (\(describe(type)))")
    }

    package static func notANumber(_ value: String, comparedWith field: String) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(value)` is not a number, and `\(field)` holds numbers",
            hint: "compare it with a number, such as: \(field) > 100")
    }

    package static func notADate(_ value: String, comparedWith field: String) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(value)` is not a date, and `\(field)` holds dates",
            hint: "write dates as YYYY-MM-DD, such as 2025-03-01")
    }

    package static func notABool(_ value: String, comparedWith field: String) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(value)` is not true or false, and `\(field)` holds true/false", hint: "\(field) = true")
    }

    package static func textMatchOnNonText(_ op: TextMatchOperator, _ written: String, _ type: ValueType) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(op.rawValue)` works on text, but `\(written)` is \(describe(type))",
            hint: type.isNumeric ? "compare numbers with = < >" : nil)
    }

    package static func patternIsField(_ op: TextMatchOperator) -> Diagnostic {
        Diagnostic(.badPattern, "the text after `\(op.rawValue)` must be a value, not a field", hint: "name contains \"ica\"")
    }

    package static func badRegex(_ error: RegexSyntaxError) -> Diagnostic {
        Diagnostic(.badPattern, "this is not a valid regular expression: \(error.message)",
            hint: "for case-insensitive matching start with (?i); for plain text use contains")
    }

    package static func arithmeticNeedsNumbers(_ op: ArithmeticOperator, _ written: String, _ type: ValueType) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(op.rawValue)` needs numbers, but `\(written)` is \(describe(type))")
    }

    // MARK: - Functions

    /// No function `name`: an aggregate of that name belongs in `summarize`, else the closest.
    package static func unknownFunction(_ name: String) -> Diagnostic {
        var hint = "functions: " + BuiltinFunction.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")
        if AggregateFunction(rawValue: name.lowercased()) != nil {
            hint = "aggregates go in summarize: summarize \(name.lowercased())(...) by ..."
        } else if let best = Suggestions.closest(to: name, in: BuiltinFunction.allCases.map(\.rawValue)).first {
            hint = "did you mean `\(best)`?"
        }
        return Diagnostic(.unknownFunction, "no function named `\(name)`", hint: hint)
    }

    package static func wrongArgumentCount(_ function: BuiltinFunction, given count: Int) -> Diagnostic {
        let words = ["no argument", "one argument", "two arguments", "three arguments"]
        let (low, high) = (function.arity.lowerBound, function.arity.upperBound)
        let expected: String
        if high >= BuiltinFunction.manyArguments {
            expected = low <= 1 ? "one argument or more" : "\(low) arguments or more"
        } else if low == high {
            expected = words[min(low, 3)]
        } else {
            expected = "\(words[min(low, 3)].replacingAll(" arguments", with: "").replacingAll(" argument", with: "")) or \(words[min(high, 3)])"
        }
        return Diagnostic(.badArgument, "`\(function.rawValue)` takes \(expected), not \(count)", hint: function.summary)
    }

    /// `left(people, 2)`: a text function given another type.
    package static func asTextFirst(_ function: BuiltinFunction, _ written: String) -> String {
        "\(function.summary)\nto use it on another kind of value, make it text first: \(function.rawValue)(text(\(written)), …)"
    }

    package static func patternNotQuoted() -> Diagnostic {
        Diagnostic(.badArgument, "the regular expression must be written in quotes",
            hint: "extract(quote, \"[0-9]+ people\")   (the first match; with a group, the group: \"([0-9]+) people\")")
    }

    /// `if(c, a, b)` or `coalesce(a, b)` whose values are of kinds that do not mix.
    package static func choicesDiffer(_ function: BuiltinFunction, first: String, _ firstType: ValueType, other: String, _ otherType: ValueType)
        -> Diagnostic
    {
        Diagnostic(.typeMismatch,
            "`\(function.rawValue)` gives one kind of value, but `\(first)` is \(describe(firstType)) and `\(other)` is \(describe(otherType))",
            hint: firstType.isTemporal && !otherType.isTemporal
                ? "a date goes with a date (\(first) or 2025-01-01) or missing; text(\(first)) and text(\(other)) give text"
                : "make them one kind: text(\(other)) for text, number(\(other)) for a number")
    }

    package static func notADatetime(_ value: String, comparedWith field: String) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(value)` is not a date and time, and `\(field)` holds dates and times",
            hint: "write them as \"2025-03-01 14:30\" (or a date, 2025-03-01, for its midnight)")
    }

    /// `name + people`: `+` joins text only with text.
    package static func joinTextWith(_ written: String, _ type: ValueType) -> Diagnostic {
        Diagnostic(.typeMismatch, "`+` joins text to text, but `\(written)` is \(describe(type))",
            hint: "make it text first: text(\(written)); or add numbers to numbers")
    }

    /// `date + 1.5`: a date moves by whole days.
    package static func fractionOfADay(_ written: String, date: String) -> Diagnostic {
        Diagnostic(.typeMismatch, "a date moves by whole days, but `\(written)` may have a fraction",
            hint: "round it: \(date) + round(\(written)); or use a date and time: datetime(\(date)) + \(written)")
    }

    /// `+ - * /` on dates that has no meaning (`date + date`, `date * 2`, `30 - date`).
    package static func dateArithmetic(_ op: ArithmeticOperator, _ left: String, _ leftType: ValueType?, _ right: String, _ rightType: ValueType?)
        -> Diagnostic
    {
        Diagnostic(.typeMismatch,
            "cannot compute `\(left) \(op.rawValue) \(right)`: \(describe(leftType)) \(op.rawValue) \(describe(rightType))",
            hint: "with dates: date - date (days between them), date + 30 and date - 30 (30 days later, earlier)")
    }

    // MARK: - Shares, ranks, running totals, change

    /// `share`, `running total` or `change` of something that is not a number.
    package static func analysisNeedsNumber(_ clause: String, _ written: String, _ type: ValueType?) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(clause)` needs a number, but `\(written)` is \(describe(type))",
            hint: "name a number field: \(clause) of FIELD; to count rows first: count by \(written) | \(clause)")
    }

    /// `share`, `running total`, `change` or `rank` with no `of`/`by` and no number field to take.
    package static func noNumberToAnalyse(_ clause: String, fields: [Field]) -> Diagnostic {
        Diagnostic(.typeMismatch, "`\(clause)` needs a number, and no field here is one",
            hint: "count or sum first: ... count by F | \(clause)\nfields: \(Checker.fieldList(fields))")
    }

    /// `expand` of a field that is not a list.
    package static func expandNeedsList(_ written: String, _ type: ValueType) -> Diagnostic {
        Diagnostic(.typeMismatch, "`expand` makes a row for each item of a list, but `\(written)` is \(describe(type))",
            hint: type == .text
                ? "split it into a list first: select split(\(written), \",\") as \(written), * | expand \(written)"
                : "expand works on list fields (CSV header `name:list`, or split(text, \",\"))")
    }

    /// `function` needs `what` (`text`, `a date`), but got `type`; `hint` replaces the
    /// function's summary.
    package static func argumentNeeds(_ function: BuiltinFunction, _ what: Argument, _ type: ValueType?, hint: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.badArgument, "`\(function.rawValue)` needs \(what.rawValue)\(type.map { ", but this is \(describe($0))" } ?? "")",
            hint: hint ?? function.summary)
    }

    /// What a function's argument must be, for `argumentNeeds`.
    package enum Argument: String {
        case text = "text"
        case textOrList = "text or a list"
        case date = "a date"
        case number = "a number"
        case textOrNumber = "text or a number"
        case textOrDate = "text or a date"
        case wholeNumber = "a whole number"
        case datetime = "a date and time"
    }

    /// `year("2025")`: how dates are written.
    package static func dateForm() -> String { "dates are written YYYY-MM-DD" }

    /// `year(when)` on a text field: read it first.
    package static func readAsDate(_ function: String, _ argument: String) -> String {
        "read the text as a date first: \(function)(date(\(argument))); date(\(argument), \"dd.mm.yyyy\") reads other forms"
    }

    /// `hour(release)`: a date has no time of day.
    package static func datetimeForm() -> String {
        "a date has no time of day; dates and times are written \"2025-03-01 14:30\" (datetime(x) reads text as one)"
    }

    /// `round(code)` on text: read it as a number first.
    package static func readAsNumberFirst(_ function: BuiltinFunction, _ written: String) -> String {
        "read text as a number first: \(function.rawValue)(number(\(written)))"
    }

    package static func badPlaces() -> Diagnostic {
        Diagnostic(.badArgument, "the digits after the point must be a whole number from -18 to 18",
            hint: "round(price, 2) keeps two digits; round(people, -3) rounds to thousands")
    }

    package static func dateFormatNotQuoted() -> Diagnostic {
        Diagnostic(.badArgument, "the date format must be written in quotes", hint: "date(when, \"dd.mm.yyyy\")")
    }

    package static func badDateFormat(_ problem: String) -> Diagnostic {
        Diagnostic(.badArgument, "this is not a date format: \(problem)",
            hint: "use yyyy, yy, mm, m, dd, d, mon (Jan) or month (January) and the separators between them: \"dd.mm.yyyy\", \"d mon yyyy\"")
    }
}
