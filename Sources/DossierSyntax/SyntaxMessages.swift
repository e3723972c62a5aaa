import DossierSupport
import DossierDiagnostics

/// Every text the parser puts in a diagnostic, in one place: the message, the hint and the
/// fix-its. Each function returns the diagnostic without a location; the parser places it
/// (`Parser.error(_:at:incompleteAtEnd:)`), because where a problem is reported and whether
/// more input could fix it depend on the parser's state. `found` is what stands where
/// something else was expected, as `describe(_:_:)` words it.
package enum SyntaxMessages {
    /// A token as messages name it: `end of input`, `text "x"`, `number 3`, `` `where` ``.
    package static func describe(_ kind: TokenKind, _ text: String) -> String {
        switch kind {
        case .endOfInput: return "end of input"
        case .string: return "text \(text)"
        case .number: return "number \(text)"
        default: return "`\(text)`"
        }
    }

    /// "expected …, found …": the shape of most of the parser's messages.
    private static func expected(
        _ what: String, found: String, hint: String? = nil, id: DiagnosticID = .unexpectedToken
    ) -> Diagnostic {
        Diagnostic(id, "expected \(what), found \(found)", hint: hint)
    }

    // MARK: - Statements

    package static func unexpected(_ found: String) -> Diagnostic {
        Diagnostic(.unexpectedToken, "unexpected \(found)")
    }

    package static func unmatchedCloseParen() -> Diagnostic {
        Diagnostic(.unexpectedToken, "unexpected `)` without a matching `(`")
    }

    package static func unexpectedAfterStatement(_ found: String) -> Diagnostic {
        Diagnostic(.unexpectedToken, "unexpected \(found) after the end of the statement",
            hint: "put `;` between statements, or start a new line")
    }

    package static func expectedStatement(found: String) -> Diagnostic {
        expected("a statement", found: found, hint: "start with a dataset name, such as: countries where region = Africa",
            id: .unknownStatement)
    }

    package static func countNeedsDataset() -> Diagnostic {
        Diagnostic(.unexpectedToken, "`count` needs a dataset", hint: "count countries by region")
    }

    package static func expectedQueryName(found: String) -> Diagnostic {
        expected("a name for the query", found: found, hint: "let african = countries where region = Africa")
    }

    package static func expectedEqualsAfterName(_ name: String, found: String) -> Diagnostic {
        expected("`=` after the name", found: found, hint: "let \(name) = countries where region = Africa")
    }

    package static func expectedSaveTo() -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `to PATH` after the query", hint: "save countries to countries.csv")
    }

    package static func expectedDatasetToDescribe(found: String) -> Diagnostic {
        expected("a dataset name", found: found, hint: "describe countries")
    }

    package static func expectedDatasetToDrop(found: String) -> Diagnostic {
        expected("a dataset name", found: found, hint: "drop african")
    }

    package static func expectedOption(found: String) -> Diagnostic {
        expected("an option (format, timer, pager)", found: found, hint: "set format csv")
    }

    package static func queryStartsWithSelect() -> Diagnostic {
        Diagnostic(.unknownStatement, "a query starts with the dataset, not with `select`",
            hint: "countries select name, status   (sqlite: SELECT name, status FROM countries)")
    }

    /// `cuont countries`: `written`, at `range`, was meant as the statement `suggestion`.
    package static func mistypedStatement(_ written: String, suggestion: String, at range: Range<Int>) -> Diagnostic {
        Diagnostic(.unknownStatement, "unknown statement `\(written)`", hint: "did you mean `\(suggestion)`?",
            fixIts: [Diagnostic.FixIt(replacing: range, with: suggestion)])
    }

    package static func expectedLoadAlias(_ path: String, found: String) -> Diagnostic {
        expected("a dataset name after `as`", found: found, hint: "load \(path) as deals")
    }

    package static func expectedHeaderAfterNo(found: String) -> Diagnostic {
        expected("`header` after `no`", found: found, hint: "load data.csv no header")
    }

    /// A word after `load PATH` that is no option: the closest option, or all of them.
    package static func unknownLoadOption(_ word: String, path: String) -> Diagnostic {
        let options = ["as", "delimiter", "quote", "header", "no header", "skip", "encoding", "sheet", "table"]
        let close = Suggestions.closest(to: word, in: options)
        return Diagnostic(.unknownOption, "`\(word)` is not an option of `load`",
            hint: close.first.map { "did you mean `\($0)`?" }
                ?? "load \(path) [as NAME] [delimiter \";\"] [quote \"'\"] [header | no header] [skip N] [encoding latin1] [sheet \"NAME\"]")
    }

    package static func loadOptionNeedsValue(_ option: String, path: String) -> Diagnostic {
        let example: String
        switch option {
        case "delimiter": example = "delimiter \";\"   (or tab)"
        case "quote": example = "quote \"'\""
        case "skip": example = "skip 3"
        case "encoding": example = "encoding latin1"
        default: example = "\(option) \"Sheet1\""
        }
        return Diagnostic(.unexpectedToken, "`\(option)` needs a value", hint: "load \(path) \(example)")
    }

    /// `statement` is the words that take the path (`load`, `save ... to`, `.read`).
    package static func pathMissing(for statement: String) -> Diagnostic {
        Diagnostic(.unexpectedToken, "`\(statement)` needs a file path",
            hint: "\(statement) data/deals.csv   (quote paths with spaces: \"my data.csv\")")
    }

    package static func unterminatedPath() -> Diagnostic {
        Diagnostic(.unterminatedString, "this path has no closing quote")
    }

    package static func unterminatedName() -> Diagnostic {
        Diagnostic(.unterminatedString, "this name has no closing backtick", hint: "`first name`")
    }

    package static func expectedDotCommand() -> Diagnostic {
        Diagnostic(.unknownStatement, "expected a command after `.`", hint: dotCommandHint)
    }

    package static func unknownDotCommand(_ word: String) -> Diagnostic {
        Diagnostic(.unknownStatement, "unknown command `.\(word)`", hint: dotCommandHint)
    }

    private static let dotCommandHint =
        "sqlite commands understood here: .help .quit .exit .read .load .mode .tables .schema"

    package static func expectedSchemaName(found: String) -> Diagnostic {
        expected("a dataset name", found: found)
    }

    package static func expectedServerTableName(found: String) -> Diagnostic {
        expected("a table name", found: found, hint: "save countries to postgres countries")
    }

    package static func expectedOutputFormat(found: String) -> Diagnostic {
        expected("an output format", found: found, hint: "table, csv, tsv, json, jsonl or markdown")
    }

    package static func expectedOnOrOff(found: String) -> Diagnostic {
        expected("on or off", found: found)
    }

    // MARK: - Queries and clauses

    package static func expectedDatasetName(found: String) -> Diagnostic {
        expected("a dataset name", found: found, hint: "for example: countries where region = Africa")
    }

    package static func queryStartsWithClause(_ word: String) -> Diagnostic {
        Diagnostic(.unexpectedToken, "a query starts with a dataset name, not `\(word)`",
            hint: "for example: countries \(word) ...   (`datasets` lists them)")
    }

    package static func expectedClauseAfterPipe() -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected a clause after `|`", hint: WordTable.clauseList)
    }

    package static func expectedClause(found: String) -> Diagnostic {
        expected("a clause", found: found, hint: WordTable.clauseList, id: .unknownClause)
    }

    package static func expectedTotalAfterRunning(found: String) -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `total` after `running`, found \(found)",
            hint: "running total of people   (add up people row by row)")
    }

    package static func expectedFieldToExpand() -> Diagnostic {
        missingOperand("a list field", after: "expand", example: "countries expand incentives")
    }

    package static func expandNeedsAField() -> Diagnostic {
        Diagnostic(.unexpectedToken, "`expand` takes a field that holds a list",
            hint: "make the list a field first: select split(codes, \",\") as code | expand code")
    }

    /// `starts` or `ends` not followed by `with`.
    /// `codename starts "b"`: the hint is the line as meant, `codename starts with "b"`.
    package static func expectedWith(after word: String, found: String, field: String, operand: String?) -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `with` after `\(word)`, found \(found)",
            hint: "\(field) \(word) with \(operand ?? "\"Co\"")")
    }

    package static func expectedJoinAfterLeft() -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `join` after `left`", hint: "left join agreements on name = country")
    }

    /// `status = nearly finalized`: the bare value `bare` was meant to go on to `value`, which
    /// spans `range` and needs quotes.
    package static func valueNeedsQuotes(_ word: String, after bare: String, value: String, at range: Range<Int>) -> Diagnostic {
        Diagnostic(.unexpectedToken, "unexpected word `\(word)` after `\(bare)`",
            hint: "text with spaces needs quotes: \"\(value)\"",
            fixIts: [Diagnostic.FixIt(replacing: range, with: "\"\(value)\"")])
    }

    /// A word where a clause should be, at `range`: the way to say a habit from another query
    /// language, else the closest clause word; before a comparison, it was meant as a condition.
    package static func notAClause(
        _ word: String, at range: Range<Int>, closest: String?, beforeComparison: Bool
    ) -> Diagnostic {
        var hint = WordTable.clauseList
        var fixIts: [Diagnostic.FixIt] = []
        if let habit = foreignHabit(word) {
            hint = habit
        } else if let closest {
            hint = "did you mean `\(closest)`?"
            fixIts = [Diagnostic.FixIt(replacing: range, with: closest)]
        }
        if beforeComparison {
            hint = "conditions go after `where`: where \(word) ..."
            fixIts = [Diagnostic.FixIt(replacing: range.lowerBound..<range.lowerBound, with: "where ")]
        }
        return Diagnostic(.unknownClause, "`\(word)` is not a clause", hint: hint, fixIts: fixIts)
    }

    /// Habits from other query languages, mapped to the way to say it here.
    private static func foreignHabit(_ word: String) -> String? {
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

    package static func comparisonWithoutWhere(_ found: String) -> Diagnostic {
        Diagnostic(.unknownClause, "unexpected \(found)", hint: "conditions go after `where`: where field = value")
    }

    /// `limit` or `offset` without a whole number after it.
    package static func expectedWholeNumber(after word: String, found: String) -> Diagnostic {
        expected("a whole number after `\(word)`", found: found, hint: limitExample(after: word), id: .badNumber)
    }

    package static func notAWholeNumber(_ written: String, after word: String) -> Diagnostic {
        Diagnostic(.badNumber, "`\(written)` is not a whole number", hint: limitExample(after: word))
    }

    private static func limitExample(after word: String) -> String {
        word == "offset" ? "limit 10 offset 20" : "limit 10"
    }

    private static let aggregateExample = "summarize count() as n, avg(people) by origin"

    package static func expectedAggregate(found: String) -> Diagnostic {
        expected("an aggregate such as count() or sum(F)", found: found, hint: aggregateExample)
    }

    /// `name` is no aggregate: the closest one, with `average` and `mean` meaning `avg`.
    package static func notAnAggregate(_ name: String) -> Diagnostic {
        let known = AggregateFunction.allCases.map(\.rawValue)
        let close = Suggestions.closest(to: name, in: known + ["average", "mean"])
        var hint = "aggregates: count(), count(F), count distinct F, sum(F), avg(F), min(F), max(F)"
        if ["average", "mean"].contains(name.lowercased()) || close.contains("average") || close.contains("mean") {
            hint = "did you mean `avg`?"
        } else if let best = close.first {
            hint = "did you mean `\(best)`?"
        }
        return Diagnostic(.unknownFunction, "`\(name)` is not an aggregate", hint: hint)
    }

    package static func expectedOpenParenAfterAggregate(_ name: String, found: String) -> Diagnostic {
        expected("`(` after `\(name)`", found: found, hint: aggregateExample)
    }

    package static func expectedCloseParen(found: String) -> Diagnostic {
        expected("`)`", found: found)
    }

    package static func expectedAggregateAlias(found: String) -> Diagnostic {
        expected("a name after `as`", found: found, hint: aggregateExample)
    }

    private static let joinExample = "join countries on country = name"

    package static func expectedJoinDataset(found: String) -> Diagnostic {
        expected("a dataset to join", found: found, hint: joinExample)
    }

    package static func expectedOn(afterJoining dataset: String) -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `on` after `join \(dataset)`", hint: joinExample)
    }

    package static func joinKeyNotAField() -> Diagnostic {
        Diagnostic(.unexpectedToken, "a join key must be a field name", hint: joinExample)
    }

    package static func expectedSelectAlias(found: String) -> Diagnostic {
        expected("a name after `as`", found: found, hint: "select upper(name) as country")
    }

    // MARK: - Missing operands

    /// "expected a condition after `where`", with an example of the clause.
    private static func missingOperand(_ what: String, after word: String, example: String) -> Diagnostic {
        Diagnostic(.expectedExpression, "expected \(what) after `\(word)`", hint: example)
    }

    package static func missingCondition() -> Diagnostic {
        missingOperand("a condition", after: "where", example: "where region = Africa")
    }

    package static func missingSelectField(afterComma: Bool) -> Diagnostic {
        missingOperand("a field", after: afterComma ? "," : "select", example: "select name, status")
    }

    package static func missingSortField(afterComma: Bool, clause: String = "sort by") -> Diagnostic {
        missingOperand(clause == "sort by" ? "a field to sort by" : "a field to \(clause.prefix { $0 != " " }) by",
            after: afterComma ? "," : clause, example: "\(clause) name")
    }

    package static func missingCountDistinctField() -> Diagnostic {
        missingOperand("a field", after: "count distinct", example: "count distinct origin")
    }

    package static func missingAggregateArgument() -> Diagnostic {
        missingOperand("a field", after: "(", example: aggregateExample)
    }

    package static func missingJoinKey() -> Diagnostic {
        missingOperand("a field", after: "on", example: joinExample)
    }

    /// A field of a `by`, `distinct` or `per` list, after `word` or after a comma: the example
    /// shows the clause being typed.
    package static func missingListField(after word: String) -> Diagnostic {
        let example: String
        switch word {
        case "per": example = "limit 2 per region"
        case "distinct": example = "distinct region, status"
        case let clause where clause.hasSuffix(" of"): example = "\(clause) people"
        default: example = "count by region, status"
        }
        return missingOperand("a field", after: word, example: example)
    }

    /// After an operator token `word` (`and`, `=`, `between`, `+` …), nothing that could be
    /// its operand.
    private static func missing(_ what: String, after word: String) -> Diagnostic {
        Diagnostic(.expectedExpression, "expected \(what) after `\(word)`")
    }

    package static func expectedCondition(after word: String) -> Diagnostic { missing("a condition", after: word) }
    package static func expectedValue(after word: String) -> Diagnostic { missing("a value", after: word) }
    package static func expectedLowerBound(after word: String) -> Diagnostic { missing("a lower bound", after: word) }
    package static func expectedUpperBound(after word: String) -> Diagnostic { missing("an upper bound", after: word) }
    package static func expectedTextToFind(after word: String) -> Diagnostic { missing("a text to look for", after: word) }
    package static func expectedNumber(after word: String) -> Diagnostic { missing("a number", after: word) }
    package static func expectedExpression(after word: String) -> Diagnostic { missing("an expression", after: word) }

    // MARK: - Expressions

    package static func nestedTooDeeply(limit: Int) -> Diagnostic {
        Diagnostic(.tooDeep, "this expression is nested too deeply (more than \(limit) levels)",
            hint: "split it into smaller conditions")
    }

    package static func chainedComparison() -> Diagnostic {
        Diagnostic(.unexpectedToken, "comparisons cannot be chained", hint: "join them with `and`: a < b and b < c")
    }

    package static func expectedAndInBetween() -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `and` in `between`", hint: "people between 10 and 100")
    }

    package static func expectedMissingAfterIs() -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `missing` after `is`",
            hint: "is missing, is not missing   (to compare values, use =)")
    }

    package static func expectedOpenParenAfterIn() -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `(` after `in`", hint: "put the values in brackets: region in (Africa, Asia)")
    }

    package static func unclosedList() -> Diagnostic {
        Diagnostic(.unexpectedToken, "expected `)` to close the list")
    }

    /// Two values of an `in` list without a comma; `valueWithSpaces` when they were one text
    /// with spaces in it.
    package static func expectedCommaInList(found: String, valueWithSpaces: String?) -> Diagnostic {
        let hint = valueWithSpaces.map { "text with spaces needs quotes: \"\($0)\"" }
            ?? "separate values with commas: (Africa, Asia)"
        return expected("`,` or `)` in the list", found: found, hint: hint)
    }

    package static func expectedOperandBefore(_ found: String) -> Diagnostic {
        Diagnostic(.expectedExpression, "expected a field or a value before \(found)",
            hint: "each condition names its field: people > 50 and people < 200 (or: people between 50 and 200)")
    }

    package static func expectedOperand(found: String) -> Diagnostic {
        expected("a field or a value", found: found, id: .expectedExpression)
    }

    package static func expectedConditionBefore(_ word: String) -> Diagnostic {
        Diagnostic(.expectedExpression, "expected a condition before `\(word)`")
    }

    package static func unterminatedText() -> Diagnostic {
        Diagnostic(.unterminatedString, "this text has no closing quote", hint: "add the closing quote: \"...\"")
    }

    package static func invalidDate(_ written: String) -> Diagnostic {
        Diagnostic(.badDate, "`\(written)` is not a valid date", hint: "dates are written YYYY-MM-DD, such as 2025-03-01")
    }

    package static func numberTooLarge(_ written: String) -> Diagnostic {
        Diagnostic(.badNumber, "`\(written)` is not a number this shell can hold")
    }

    package static func unclosedParen() -> Diagnostic {
        Diagnostic(.unexpectedToken, "this `(` is never closed", hint: "add `)` after the condition")
    }

    package static func expectedCloseParen(openedAtColumn column: Int, found: String) -> Diagnostic {
        expected("`)` to close the `(` at column \(column)", found: found)
    }

    package static func expectedArgumentSeparator(_ function: String, found: String) -> Diagnostic {
        expected("`,` or `)` in the arguments of \(function)", found: found)
    }

    package static func expectedArgument(_ function: String) -> Diagnostic {
        Diagnostic(.expectedExpression, "expected an argument for \(function)")
    }

    // MARK: - Characters

    package static func ampersandsForAnd(at range: Range<Int>) -> Diagnostic {
        Diagnostic(.unknownCharacter, "use `and` instead of `&&`", fixIts: [Diagnostic.FixIt(replacing: range, with: "and")])
    }

    package static func barsForOr(at range: Range<Int>) -> Diagnostic {
        Diagnostic(.unknownCharacter, "use `or` instead of `||`", fixIts: [Diagnostic.FixIt(replacing: range, with: "or")])
    }

    package static func bang() -> Diagnostic {
        Diagnostic(.unknownCharacter, "unexpected `!`", hint: "use `not`, or `!=` to compare")
    }

    package static func unknownCharacter(_ found: String) -> Diagnostic {
        Diagnostic(.unknownCharacter, "unexpected character `\(found)`",
            hint: "names with punctuation go in backticks: `first name`")
    }
}
