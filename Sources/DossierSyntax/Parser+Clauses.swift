import DossierSupport
import DossierDiagnostics

extension Parser {
    /// query = source { [ "|" ] clause }
    /// source = name
    package mutating func parseQuery(stopWords: Set<Keyword>) throws(Diagnostic) -> Query {
        if isKeyword(.count), peek().kind == .word || peek().kind == .quotedName, !peek().isAtStartOfLine,
            keyword(peek()).map({ !Keyword.clauseWords.contains($0) }) ?? true
        {
            return try parseCountQuery(stopWords: stopWords)
        }
        let start = current.start
        offer(.dataset)
        guard current.kind == .word || current.kind == .quotedName else {
            throw error(SyntaxMessages.expectedDatasetName(found: describe(current)))
        }
        // `where region = Africa` forgot its dataset. The words of the later clauses (`change`,
        // `rank`, `share`, ...) are common file names, so they stay dataset names here.
        if current.kind == .word, let word = keyword(current), Keyword.clauseWords.contains(word),
            !Keyword.analysisClauseWords.contains(word)
        {
            throw error(SyntaxMessages.queryStartsWithClause(text(current)), incompleteAtEnd: false)
        }
        let source = try nameOfCurrent()
        advance()
        pipelineSource = source
        pipelineClauses = []
        let clauses = parseClauses(stopWords: stopWords)
        return Query(source: source, clauses: clauses, range: start..<previousEnd)
    }

    /// { [ "|" ] clause }, each bad clause reported and skipped.
    private mutating func parseClauses(stopWords: Set<Keyword>) -> [Clause] {
        var clauses: [Clause] = []
        offer(.clauseWord)
        while !atStatementEnd {
            if let word = keyword(current), stopWords.contains(word) { break }
            let before = current.start
            do throws(Diagnostic) {
                if current.kind == .pipe {
                    advance()
                    offer(.clauseWord)
                    if atStatementEnd {
                        throw error(SyntaxMessages.expectedClauseAfterPipe())
                    }
                }
                let clause = try parseClause()
                clauses.append(clause)
                pipelineClauses.append(clause)
                offer(.clauseWord)
            } catch {
                diagnostics.append(error)
                synchronize(toClause: true)
            }
            if current.start == before, current.kind != .endOfInput { advance() }
        }
        return clauses
    }

    /// count_query = "count" query [ "by" expression_list ] { [ "|" ] clause }: the same as
    /// `query | count by ...`, and clauses may follow (`count countries by region | chart`).
    /// Allowed wherever a query is (`save count countries by region to regions.md`).
    private mutating func parseCountQuery(stopWords: Set<Keyword>) throws(Diagnostic) -> Query {
        let keywordToken = current
        advance()
        var query = try parseQuery(stopWords: stopWords.union([.by]))
        var keys: [Expr] = []
        let countStart = previousEnd
        offer(.words(["by"]))
        if continuesLine, isKeyword(.by) {
            advance()
            offer(.field)
            keys = try parseExpressionList(after: "by")
        }
        query.clauses.append(
            Clause(kind: .count(by: keys), range: countStart..<previousEnd, keywordRange: keywordToken.range))
        query.clauses += parseClauses(stopWords: stopWords)
        query.range = keywordToken.start..<previousEnd
        return query
    }

    /// clause = where | select | sort | limit | distinct | count | summarize | join | chart
    ///        | share | rank | running_total | change | expand
    private mutating func parseClause() throws(Diagnostic) -> Clause {
        guard current.kind == .word, let word = keyword(current), Keyword.clauseWords.contains(word) else {
            throw unknownClause()
        }
        let start = current.start
        let keywordToken = current
        advance()
        var keywordEnd = keywordToken.end
        let kind: ClauseKind
        switch word {
        case .where:
            offer(.field)
            inCondition = true
            defer { inCondition = false }
            kind = .filter(try parseOperand(else: SyntaxMessages.missingCondition()))
        case .select:
            kind = .select(try parseSelectItems())
        case .sort, .order:
            offer(.words(["by"]))
            if isKeyword(.by) {
                keywordEnd = current.end
                advance()
            }
            kind = .sort(try parseSortKeys())
        case .limit:
            kind = try parseLimit()
        case .distinct:
            offer(.field)
            var fields: [Expr] = []
            // `(` too: the printer wraps a computed key in parentheses (`distinct (a = b)`).
            if continuesLine, current.kind == .word || current.kind == .quotedName || current.kind == .leftParen, !startsClauseOrStop {
                fields = try parseExpressionList(after: "distinct")
            }
            kind = .distinct(fields)
        case .count:
            var keys: [Expr] = []
            offer(.words(["by"]))
            if continuesLine, isKeyword(.by) {
                keywordEnd = current.end
                advance()
                offer(.field)
                keys = try parseExpressionList(after: "count by")
            }
            kind = .count(by: keys)
        case .summarize:
            kind = try parseSummarize()
        case .join:
            kind = .join(try parseJoin(isLeft: false))
        case .left:
            offer(.words(["join"]))
            guard isKeyword(.join) else {
                throw error(SyntaxMessages.expectedJoinAfterLeft())
            }
            keywordEnd = current.end
            advance()
            kind = .join(try parseJoin(isLeft: true))
        case .chart:
            kind = .chart
        case .share, .rank, .running, .change, .expand:
            kind = try parseAnalysisClause(word, keywordEnd: &keywordEnd)
        default:
            throw unknownClause()
        }
        return Clause(kind: kind, range: start..<previousEnd, keywordRange: keywordToken.start..<keywordEnd)
    }

    /// A clause keyword, or a word that ends the query here (`to` in save, `by` in count).
    private var startsClauseOrStop: Bool {
        guard let word = keyword(current) else { return current.kind == .pipe }
        return Keyword.clauseWords.contains(word) || word == .to || word == .by
    }

    private func unknownClause() -> Diagnostic {
        if current.kind == .unknown { return unknownCharacterError() }
        if current.kind == .rightParen { return unexpectedAfterStatement() }
        let found = text(current)
        if current.kind == .word {
            if let bare = lastBareValue, bare.upperBound == previousEnd {
                // `status = nearly finalized`: the value was meant to include this word.
                var end = current.end
                var probe = 1
                while true {
                    let next = peekWithoutMutating(probe)
                    guard let next, next.kind == .word, !next.isAtStartOfLine, keyword(next) == nil else { break }
                    end = next.end
                    probe += 1
                }
                let value = source.text(bare.lowerBound..<end)
                return error(
                    SyntaxMessages.valueNeedsQuotes(found, after: source.text(bare), value: value, at: bare.lowerBound..<end),
                    incompleteAtEnd: false)
            }
            let words = WordTable.clauses.flatMap { [$0.keyword.rawValue, $0.typed] } + ["desc", "asc"]
            let closest = Suggestions.closest(to: found, in: words).first
            let beforeComparison = peekWithoutMutating(1).map({ $0.kind.isComparison }) == true
            return error(
                SyntaxMessages.notAClause(found, at: current.range, closest: closest, beforeComparison: beforeComparison),
                incompleteAtEnd: false)
        }
        if current.kind.isComparison {
            return error(SyntaxMessages.comparisonWithoutWhere(describe(current)), incompleteAtEnd: false)
        }
        return error(SyntaxMessages.expectedClause(found: describe(current)))
    }

    /// Lookahead without consuming, for hints only.
    private func peekWithoutMutating(_ distance: Int) -> Token? {
        if distance == 0 { return current }
        if distance <= buffered.count { return buffered[distance - 1] }
        var copy = lexer
        var token = buffered.last ?? current
        for _ in buffered.count..<distance { token = copy.next() }
        return token
    }

    /// select_items = select_item { "," select_item }
    /// select_item  = "*" | expression [ "as" name ]
    private mutating func parseSelectItems() throws(Diagnostic) -> [SelectItem] {
        var items: [SelectItem] = []
        repeat {
            if !items.isEmpty { advance() }  // the comma
            offer(.field)
            let start = current.start
            if current.kind == .star {
                advance()
                items.append(SelectItem(kind: .all, range: start..<previousEnd))
                continue
            }
            let expression = try parseOperand(else: SyntaxMessages.missingSelectField(afterComma: !items.isEmpty))
            var alias: Name?
            offer(.words(["as"]))
            if continuesLine, isKeyword(.as) {
                advance()
                alias = try parseName(else: SyntaxMessages.expectedSelectAlias)
            }
            items.append(SelectItem(kind: .expression(expression, alias: alias), range: start..<previousEnd))
        } while continuesLine && current.kind == .comma
        return items
    }

    /// sort = ( "sort" | "order" ) [ "by" ] sort_key { "," sort_key }
    /// sort_key = expression [ "asc" | "desc" ]
    /// `clause`: the words before the keys, for an error (`sort by`, `rank by`).
    package mutating func parseSortKeys(after clause: String = "sort by") throws(Diagnostic) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            if !keys.isEmpty { advance() }
            offer(.field)
            let expression = try parseOperand(else: SyntaxMessages.missingSortField(afterComma: !keys.isEmpty, clause: clause))
            offer(.words(["asc", "desc"]))
            var descending = false
            if continuesLine, let word = keyword(current), word == .asc || word == .desc {
                descending = word == .desc
                advance()
            }
            keys.append(SortKey(expression: expression, descending: descending))
        } while continuesLine && current.kind == .comma
        return keys
    }

    /// limit = "limit" integer [ "offset" integer ]
    /// limit = "limit" number [ "offset" number ] [ "per" expression_list ]
    private mutating func parseLimit() throws(Diagnostic) -> ClauseKind {
        let count = try parseWholeNumber(after: "limit")
        offer(.words(["offset"]))
        var offset: NumberArgument?
        if continuesLine, isKeyword(.offset) {
            advance()
            offset = try parseWholeNumber(after: "offset")
        }
        offer(.words(["per"]))
        var per: [Expr] = []
        if continuesLine, isKeyword(.per) {
            advance()
            offer(.field)
            per = try parseExpressionList(after: "per")
        }
        return .limit(count: count, offset: offset, per: per)
    }

    /// A whole number after the keyword `word` (`limit`, `offset`).
    private mutating func parseWholeNumber(after word: String) throws(Diagnostic) -> NumberArgument {
        guard continuesLine || current.kind == .endOfInput, current.kind == .number else {
            throw error(SyntaxMessages.expectedWholeNumber(after: word, found: describe(current)))
        }
        let digits = text(current).filter { $0 != "_" }
        guard let value = Int(digits) else {
            throw error(SyntaxMessages.notAWholeNumber(text(current), after: word))
        }
        let range = current.range
        advance()
        return NumberArgument(value: value, range: range)
    }

    /// summarize = "summarize" aggregate { "," aggregate } [ "by" expression_list ]
    /// aggregate = ( "count" "(" [ expression ] ")" | "count" "distinct" expression
    ///             | ( "sum" | "avg" | "min" | "max" ) "(" expression ")" ) [ "as" name ]
    private mutating func parseSummarize() throws(Diagnostic) -> ClauseKind {
        var items: [SummaryItem] = []
        repeat {
            if !items.isEmpty { advance() }
            offer(.aggregate)
            items.append(try parseSummaryItem())
        } while continuesLine && current.kind == .comma
        var keys: [Expr] = []
        offer(.words(["by"]))
        if continuesLine, isKeyword(.by) {
            advance()
            offer(.field)
            keys = try parseExpressionList(after: "by")
        }
        return .summarize(items, by: keys)
    }

    /// summary_item = expression [ "as" name ], where the expression's operands may be
    /// aggregates: `sum(v1)`, `max(v1) - min(v2) as range`.
    private mutating func parseSummaryItem() throws(Diagnostic) -> SummaryItem {
        guard continuesLine || current.kind == .endOfInput, current.kind == .word || current.kind == .leftParen
            || current.kind == .number || current.kind == .minus
        else {
            throw error(SyntaxMessages.expectedAggregate(found: describe(current)))
        }
        let start = current.start
        let outer = aggregatesAllowed
        aggregatesAllowed = true
        defer { aggregatesAllowed = outer }
        let expression = try parseExpression()
        var alias: Name?
        offer(.words(["as"]))
        if continuesLine, isKeyword(.as) {
            advance()
            alias = try parseName(else: SyntaxMessages.expectedAggregateAlias)
        }
        return SummaryItem(expression: expression, alias: alias, range: start..<previousEnd)
    }

    /// aggregate = "count" "(" ")" | "count" "distinct" operand
    ///           | aggregate_name "(" expression { "," expression } ")"
    /// The current token is the aggregate's name.
    package mutating func parseAggregateCall(_ function: AggregateFunction) throws(Diagnostic) -> Expr {
        let nameToken = current
        let name = text(nameToken)
        advance()
        // An aggregate inside this one (`sum(count())`) still parses as one, so the checker
        // can say it cannot be used there.
        var arguments: [Expr] = []
        var isDistinct = false
        if function == .count, continuesLine, isKeyword(.distinct) {
            advance()
            isDistinct = true
            offer(.field)
            arguments = [try parseOperand(else: SyntaxMessages.missingCountDistinctField(), allowBinary: false)]
        } else {
            try expect(.leftParen) { SyntaxMessages.expectedOpenParenAfterAggregate(name, found: $0) }
            parenDepth += 1
            defer { parenDepth -= 1 }
            if !(function == .count && current.kind == .rightParen) {
                offer(.field)
                arguments.append(try parseOperand(else: SyntaxMessages.missingAggregateArgument()))
                while current.kind == .comma {
                    advance()
                    arguments.append(try parseOperand(else: SyntaxMessages.missingAggregateArgument()))
                }
            }
            try expect(.rightParen, else: SyntaxMessages.expectedCloseParen)
        }
        let call = AggregateCall(function: function, arguments: arguments, isDistinct: isDistinct, nameRange: nameToken.range)
        return Expr(.aggregate(call), nameToken.start..<previousEnd)
    }

    /// join = [ "left" ] "join" name "on" key [ "=" key ]
    /// key  = name [ "." name ]
    private mutating func parseJoin(isLeft: Bool) throws(Diagnostic) -> JoinClause {
        offer(.dataset)
        let source = try parseName(else: SyntaxMessages.expectedJoinDataset)
        offer(.words(["on"]))
        guard continuesLine, isKeyword(.on) else {
            throw error(SyntaxMessages.expectedOn(afterJoining: source.text))
        }
        advance()
        offer(.joinKey(joined: source))
        let left = try parseJoinKey()
        offer(.words(["="]))
        var right = left
        if continuesLine, current.kind == .equal {
            advance()
            offer(.joinKey(joined: source))
            right = try parseJoinKey()
        }
        return JoinClause(isLeft: isLeft, source: source, leftKey: left, rightKey: right)
    }

    private mutating func parseJoinKey() throws(Diagnostic) -> Expr {
        let key = try parseOperand(else: SyntaxMessages.missingJoinKey(), allowBinary: false)
        switch key.kind {
        case .name, .qualified: return key
        default:
            throw error(SyntaxMessages.joinKeyNotAField(), at: key.range)
        }
    }

    /// expression_list = expression { "," expression }
    ///
    /// `word` is what comes before the list (`by`, `distinct`), for the message when it is missing.
    package mutating func parseExpressionList(after word: String) throws(Diagnostic) -> [Expr] {
        var list: [Expr] = []
        repeat {
            if !list.isEmpty {
                advance()
                offer(.field)
            }
            list.append(try parseOperand(else: SyntaxMessages.missingListField(after: list.isEmpty ? word : ",")))
        } while continuesLine && current.kind == .comma
        return list
    }
}
