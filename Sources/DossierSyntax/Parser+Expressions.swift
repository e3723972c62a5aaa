import DossierSupport
import DossierDiagnostics

extension Parser {
    /// An expression that must come next. When it is missing, reports `missing` (which says
    /// what was expected after what: `expected a condition after where`); at the end of input
    /// that is incomplete.
    package mutating func parseOperand(
        else missing: @autoclosure () -> Diagnostic, allowBinary: Bool = true
    ) throws(Diagnostic) -> Expr {
        if endsOperand {
            throw error(missing(), at: missingOperandRange)
        }
        return allowBinary ? try parseExpression() : try parsePrimary()
    }

    /// Tokens that can never start an expression, and, in a script, a new line that is not
    /// indented: the statement ended before what it needed.
    private var endsOperand: Bool {
        switch current.kind {
        case .endOfInput, .semicolon, .rightParen, .comma, .pipe: return true
        default: return startsUnindentedLine
        }
    }

    /// A token at the start of a line that does not continue the statement.
    package var startsUnindentedLine: Bool {
        current.isAtStartOfLine && !continuesStatement && parenDepth == 0 && !source.linesContinue
            && current.kind != .endOfInput && previousEnd > 0
    }

    /// Where a missing operand is reported: at the end of input, or just after the previous
    /// token when the line ended.
    private var missingOperandRange: Range<Int>? {
        startsUnindentedLine ? max(0, previousEnd - 1)..<previousEnd : nil
    }

    /// An operand must follow `token`; when none can, reports `missing(text(token))`.
    private mutating func requireOperand(after token: Token, else missing: (String) -> Diagnostic) throws(Diagnostic) {
        if endsOperand {
            throw error(missing(text(token)), at: missingOperandRange)
        }
    }

    /// expression = and_expr { "or" and_expr }
    package mutating func parseExpression() throws(Diagnostic) -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        let first = try parseAnd()
        if inCondition { offer(.words(["or"])) }
        guard continuesLine, isKeyword(.or) else { return first }
        var operands = [first]
        while continuesLine, isKeyword(.or) {
            let operatorToken = current
            advance()
            offer(.field)
            try requireOperand(after: operatorToken, else: SyntaxMessages.expectedCondition)
            operands.append(try parseAnd())
        }
        return Expr(.or(operands), first.range.lowerBound..<previousEnd)
    }

    /// and_expr = not_expr { "and" not_expr }
    private mutating func parseAnd() throws(Diagnostic) -> Expr {
        let first = try parseNot()
        if inCondition { offer(.words(["and"])) }
        guard continuesLine, isKeyword(.and) else { return first }
        var operands = [first]
        while continuesLine, isKeyword(.and) {
            let operatorToken = current
            advance()
            offer(.field)
            try requireOperand(after: operatorToken, else: SyntaxMessages.expectedCondition)
            operands.append(try parseNot())
        }
        return Expr(.and(operands), first.range.lowerBound..<previousEnd)
    }

    /// not_expr = "not" not_expr | predicate
    private mutating func parseNot() throws(Diagnostic) -> Expr {
        guard isKeyword(.not) else { return try parsePredicate() }
        try enterNesting()
        defer { nesting -= 1 }
        let notToken = current
        advance()
        offer(.field)
        try requireOperand(after: notToken, else: SyntaxMessages.expectedCondition)
        let operand = try parseNot()
        return Expr(.not(operand), notToken.start..<previousEnd)
    }

    /// predicate = additive [ comparison_operator additive
    ///                      | [ "not" ] "in" "(" [ expression_list ] ")"
    ///                      | [ "not" ] "between" additive "and" additive
    ///                      | [ "not" ] ( "contains" | "like" | "matches" | "mentions"
    ///                                  | "starts" "with" | "ends" "with" ) additive
    ///                      | "is" [ "not" ] "missing" ]
    private mutating func parsePredicate() throws(Diagnostic) -> Expr {
        let left = try parseAdditive()
        if inCondition {
            offer(.words(["in", "not in", "between", "contains", "like", "matches", "mentions", "starts with", "ends with", "is"]))
        }
        guard continuesLine else { return left }
        let start = left.range.lowerBound
        if current.kind.isComparison {
            let operatorToken = current
            let comparison = comparisonOperator(operatorToken.kind)
            advance()
            offer(.value(field: left))
            try requireOperand(after: operatorToken, else: SyntaxMessages.expectedValue)
            let right = try parseAdditive()
            if case .name(let name) = right.kind, !name.isQuoted { lastBareValue = right.range }
            if continuesLine, current.kind.isComparison {
                throw error(SyntaxMessages.chainedComparison(), incompleteAtEnd: false)
            }
            return Expr(.comparison(comparison, left, right), start..<previousEnd)
        }
        var negated = false
        if isKeyword(.not), let next = keyword(peek()),
            [.in, .between, .contains, .like, .matches, .mentions, .starts, .ends].contains(next)
        {
            advance()
            negated = true
        }
        switch keyword(current) {
        case .in?:
            advance()
            let values = try parseInList(for: left)
            return Expr(.inList(left, values, negated: negated), start..<previousEnd)
        case .between?:
            let betweenToken = current
            advance()
            offer(.value(field: left))
            try requireOperand(after: betweenToken, else: SyntaxMessages.expectedLowerBound)
            let low = try parseAdditive()
            guard isKeyword(.and) else {
                throw error(SyntaxMessages.expectedAndInBetween())
            }
            let andToken = current
            advance()
            offer(.value(field: left))
            try requireOperand(after: andToken, else: SyntaxMessages.expectedUpperBound)
            let high = try parseAdditive()
            return Expr(.between(left, low: low, high: high, negated: negated), start..<previousEnd)
        case .contains?, .like?, .matches?, .mentions?, .starts?, .ends?:
            let operatorToken = current
            var match = TextMatchOperator(rawValue: text(current).lowercased()) ?? .contains
            advance()
            if keyword(operatorToken) == .starts || keyword(operatorToken) == .ends {
                // `starts with`, `ends with`: two words, one operator.
                guard continuesLine, isKeyword(.with) else {
                    let operand = continuesLine && current.kind == .string ? text(current) : nil
                    throw error(SyntaxMessages.expectedWith(
                        after: text(operatorToken).lowercased(), found: describeNext(), field: source.text(left.range), operand: operand))
                }
                match = keyword(operatorToken) == .starts ? .startsWith : .endsWith
                advance()
            }
            offer(.value(field: left))
            try requireOperand(after: operatorToken, else: SyntaxMessages.expectedTextToFind)
            let pattern = try parseAdditive()
            return Expr(.textMatch(match, left, pattern: pattern, negated: negated), start..<previousEnd)
        case .is?:
            advance()
            offer(.words(["missing", "not missing"]))
            var isNot = false
            if isKeyword(.not) {
                advance()
                offer(.words(["missing"]))
                isNot = true
            }
            guard isKeyword(.missing) || isKeyword(.null) else {
                throw error(SyntaxMessages.expectedMissingAfterIs())
            }
            advance()
            return Expr(.isMissing(left, negated: isNot), start..<previousEnd)
        default:
            return left
        }
    }

    private func comparisonOperator(_ kind: TokenKind) -> ComparisonOperator {
        switch kind {
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return .equal
        }
    }

    /// "(" [ expression { "," expression } [ "," ] ] ")"
    private mutating func parseInList(for field: Expr) throws(Diagnostic) -> [Expr] {
        guard current.kind == .leftParen else {
            throw error(SyntaxMessages.expectedOpenParenAfterIn())
        }
        advance()
        parenDepth += 1
        defer { parenDepth -= 1 }
        var values: [Expr] = []
        offer(.value(field: field))
        while current.kind != .rightParen {
            if current.kind == .endOfInput {
                throw error(SyntaxMessages.unclosedList())
            }
            let value = try parseAdditive()
            values.append(value)
            if current.kind == .comma {
                advance()
                offer(.value(field: field))
                continue
            }
            if current.kind != .rightParen {
                var valueWithSpaces: String?
                if case .name = value.kind, current.kind == .word {
                    valueWithSpaces = source.text(value.range.lowerBound..<current.end)
                }
                throw error(SyntaxMessages.expectedCommaInList(found: describe(current), valueWithSpaces: valueWithSpaces))
            }
        }
        advance()
        return values
    }

    /// additive = multiplicative { ( "+" | "-" ) multiplicative }
    private mutating func parseAdditive() throws(Diagnostic) -> Expr {
        var left = try parseMultiplicative()
        // Each operator of a chain deepens the tree by one level: count it as nesting.
        let outerNesting = nesting
        defer { nesting = outerNesting }
        while continuesLine, current.kind == .plus || current.kind == .minus {
            let operatorToken = current
            advance()
            try enterNesting()
            try requireOperand(after: operatorToken, else: SyntaxMessages.expectedNumber)
            let right = try parseMultiplicative()
            let op: ArithmeticOperator = operatorToken.kind == .plus ? .add : .subtract
            left = Expr(.arithmetic(op, left, right), left.range.lowerBound..<previousEnd)
        }
        return left
    }

    /// multiplicative = unary { ( "*" | "/" ) unary }
    private mutating func parseMultiplicative() throws(Diagnostic) -> Expr {
        var left = try parseUnary()
        let outerNesting = nesting
        defer { nesting = outerNesting }
        while continuesLine, current.kind == .star || current.kind == .slash {
            let operatorToken = current
            advance()
            try enterNesting()
            try requireOperand(after: operatorToken, else: SyntaxMessages.expectedNumber)
            let right = try parseUnary()
            let op: ArithmeticOperator = operatorToken.kind == .star ? .multiply : .divide
            left = Expr(.arithmetic(op, left, right), left.range.lowerBound..<previousEnd)
        }
        return left
    }

    /// unary = ( "-" | "+" ) unary | primary
    private mutating func parseUnary() throws(Diagnostic) -> Expr {
        guard current.kind == .minus || current.kind == .plus else { return try parsePrimary() }
        try enterNesting()
        defer { nesting -= 1 }
        let signToken = current
        advance()
        try requireOperand(after: signToken, else: SyntaxMessages.expectedNumber)
        let operand = try parseUnary()
        let range = signToken.start..<previousEnd
        if signToken.kind == .plus { return Expr(operand.kind, range) }
        switch operand.kind {
        case .literal(.integer(let value)) where value != .min: return Expr(.literal(.integer(-value)), range)
        case .literal(.decimal(let digits)) where !digits.hasPrefix("-"): return Expr(.literal(.decimal("-" + digits)), range)
        default: return Expr(.negate(operand), range)
        }
    }

    /// primary = number | string | date | "true" | "false" | "missing"
    ///         | name [ "." name ] | name "(" [ expression_list ] ")" | "(" expression ")"
    package func primaryStartError() -> Diagnostic {
        if current.kind == .unknown { return unknownCharacterError() }
        if current.kind.isComparison {
            return error(SyntaxMessages.expectedOperandBefore(describe(current)))
        }
        return error(SyntaxMessages.expectedOperand(found: describe(current)))
    }

    private mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return Expr(.literal(try numberLiteral(token)), token.range)
        case .string:
            if token.isUnterminated {
                throw error(SyntaxMessages.unterminatedText(), at: token.range)
            }
            advance()
            return Expr(.literal(.text(unescapeString(token))), token.range)
        case .date:
            guard let days = CivilDate.parse(source.bytes[token.range]) else {
                throw error(SyntaxMessages.invalidDate(text(token)), at: token.range, incompleteAtEnd: false)
            }
            advance()
            return Expr(.literal(.date(days)), token.range)
        case .leftParen:
            try enterNesting()
            defer { nesting -= 1 }
            advance()
            parenDepth += 1
            defer { parenDepth -= 1 }
            try requireOperand(after: token, else: SyntaxMessages.expectedExpression)
            let inner = try parseExpression()
            guard current.kind == .rightParen else {
                if current.kind == .endOfInput || (current.isAtStartOfLine && !continuesStatement && !source.linesContinue) {
                    throw error(SyntaxMessages.unclosedParen(), at: token.range)
                }
                let column = source.location(of: token.start).column
                throw error(SyntaxMessages.expectedCloseParen(openedAtColumn: column, found: describe(current)))
            }
            advance()
            return Expr(inner.kind, token.start..<previousEnd)
        case .quotedName:
            let name = try nameOfCurrent()
            advance()
            return try finishName(name)
        case .word:
            switch keyword(token) {
            case .true?:
                advance()
                return Expr(.literal(.bool(true)), token.range)
            case .false?:
                advance()
                return Expr(.literal(.bool(false)), token.range)
            case .missing?, .null?:
                advance()
                return Expr(.literal(.missing), token.range)
            case .and?, .or?:
                throw error(SyntaxMessages.expectedConditionBefore(text(token)))
            default:
                if aggregatesAllowed, let function = AggregateFunction(rawValue: text(token).lowercased()) {
                    let next = peek()
                    if (next.kind == .leftParen && !next.isAtStartOfLine)
                        || (function == .count && next.kind == .word && keyword(next) == .distinct)
                    {
                        return try parseAggregateCall(function)
                    }
                }
                let name = try nameOfCurrent()
                advance()
                return try finishName(name)
            }
        default:
            throw primaryStartError()
        }
    }

    /// After a name: a call `name(...)`, a qualified name `source.field`, or the name itself.
    private mutating func finishName(_ name: Name) throws(Diagnostic) -> Expr {
        if current.kind == .leftParen, !name.isQuoted, !current.isAtStartOfLine {
            try enterNesting()
            defer { nesting -= 1 }
            advance()
            parenDepth += 1
            defer { parenDepth -= 1 }
            var arguments: [Expr] = []
            offer(.field)
            while current.kind != .rightParen {
                if !arguments.isEmpty {
                    try expect(.comma) { SyntaxMessages.expectedArgumentSeparator(name.text, found: $0) }
                    offer(.field)
                }
                if endsOperand { throw error(SyntaxMessages.expectedArgument(name.text)) }
                arguments.append(try parseExpression())
            }
            advance()
            return Expr(.call(name, arguments), name.range.lowerBound..<previousEnd)
        }
        if current.kind == .dot, current.start == name.range.upperBound {
            let field = peek()
            if field.kind == .word || field.kind == .quotedName, field.start == current.end {
                advance()
                let fieldName = try nameOfCurrent()
                advance()
                return Expr(.qualified(name, fieldName), name.range.lowerBound..<previousEnd)
            }
        }
        return Expr(.name(name), name.range)
    }

    package func unknownCharacterError() -> Diagnostic {
        let found = text(current)
        switch found {
        case "&&": return error(SyntaxMessages.ampersandsForAnd(at: current.range), incompleteAtEnd: false)
        case "||": return error(SyntaxMessages.barsForOr(at: current.range), incompleteAtEnd: false)
        case "!": return error(SyntaxMessages.bang(), incompleteAtEnd: false)
        default: return error(SyntaxMessages.unknownCharacter(found), incompleteAtEnd: false)
        }
    }

    private func numberLiteral(_ token: Token) throws(Diagnostic) -> Literal {
        let digits = text(token).filter { $0 != "_" }
        let isWhole = digits.allSatisfy { $0.isASCII && $0.isNumber }
        if isWhole, let value = Int64(digits) { return .integer(value) }
        if let value = Double(digits), value.isFinite { return .decimal(digits) }
        throw error(SyntaxMessages.numberTooLarge(text(token)), at: token.range, incompleteAtEnd: false)
    }

    /// The text of a string token, without quotes, with `\n \t \r \\ \" \' \u{...}` decoded.
    /// Other backslashes are kept, so regular expressions such as `"\d+"` survive.
    package func unescapeString(_ token: Token) -> String {
        let bytes = source.bytes
        guard let (openLength, closers) = Lexer.closingQuote(bytes, at: token.start) else { return text(token) }
        var end = token.end
        if !token.isUnterminated {
            for closer in closers where end - closer.count >= token.start + openLength {
                if Lexer.matches(bytes, at: end - closer.count, anyOf: [closer]) != nil {
                    end -= closer.count
                    break
                }
            }
        }
        var output: [UInt8] = []
        var index = token.start + openLength
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                let next = bytes[index + 1]
                switch next {
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): output.append(next)
                case UInt8(ascii: "u"):
                    if let (scalar, length) = unicodeEscape(bytes, at: index + 2, end: end) {
                        output.append(contentsOf: Array(String(Character(scalar)).utf8))
                        index += 2 + length
                        continue
                    }
                    output.append(contentsOf: [byte, next])
                default:
                    output.append(contentsOf: [byte, next])
                }
                index += 2
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `{1F600}` after `\u`: the scalar and the bytes consumed.
    private func unicodeEscape(_ bytes: [UInt8], at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        guard start < end, bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = start + 1
        var value: UInt32 = 0
        while index < end, bytes[index] != UInt8(ascii: "}") {
            guard index - start <= 8, let digit = hexValue(bytes[index]) else { return nil }
            value = value * 16 + digit
            index += 1
        }
        guard index < end, index > start + 1, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, index - start + 1)
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}
