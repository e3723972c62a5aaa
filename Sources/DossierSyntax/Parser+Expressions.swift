import DossierSupport
import DossierDiagnostics

extension Parser {
    /// An expression that must come next. When it is missing, says what was expected after
    /// what (`expected a condition after where`); at the end of input that is incomplete.
    package mutating func parseOperand(
        after what: String, what expected: String, example: String, allowBinary: Bool = true
    ) throws(Diagnostic) -> Expr {
        if endsOperand {
            throw error(.expectedExpression, "expected \(expected) after \(what)", at: missingOperandRange, hint: example)
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

    private mutating func requireOperand(after token: Token, _ expected: String) throws(Diagnostic) {
        if endsOperand {
            throw error(.expectedExpression, "expected \(expected) after `\(text(token))`", at: missingOperandRange)
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
            try requireOperand(after: operatorToken, "a condition")
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
            try requireOperand(after: operatorToken, "a condition")
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
        try requireOperand(after: notToken, "a condition")
        let operand = try parseNot()
        return Expr(.not(operand), notToken.start..<previousEnd)
    }

    /// predicate = additive [ comparison_operator additive
    ///                      | [ "not" ] "in" "(" [ expression_list ] ")"
    ///                      | [ "not" ] "between" additive "and" additive
    ///                      | [ "not" ] ( "contains" | "like" | "matches" ) additive
    ///                      | "is" [ "not" ] "missing" ]
    private mutating func parsePredicate() throws(Diagnostic) -> Expr {
        let left = try parseAdditive()
        if inCondition { offer(.words(["in", "not in", "between", "contains", "like", "matches", "is"])) }
        guard continuesLine else { return left }
        let start = left.range.lowerBound
        if current.kind.isComparison {
            let operatorToken = current
            let comparison = comparisonOperator(operatorToken.kind)
            advance()
            offer(.value(field: left))
            try requireOperand(after: operatorToken, "a value")
            let right = try parseAdditive()
            if case .name(let name) = right.kind, !name.isQuoted { lastBareValue = right.range }
            if continuesLine, current.kind.isComparison {
                throw error(
                    .unexpectedToken, "comparisons cannot be chained",
                    hint: "join them with `and`: a < b and b < c", incompleteAtEnd: false)
            }
            return Expr(.comparison(comparison, left, right), start..<previousEnd)
        }
        var negated = false
        if isKeyword(.not), let next = keyword(peek()), [.in, .between, .contains, .like, .matches].contains(next) {
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
            try requireOperand(after: betweenToken, "a lower bound")
            let low = try parseAdditive()
            guard isKeyword(.and) else {
                throw error(.unexpectedToken, "expected `and` in `between`", hint: "people between 10 and 100")
            }
            let andToken = current
            advance()
            offer(.value(field: left))
            try requireOperand(after: andToken, "an upper bound")
            let high = try parseAdditive()
            return Expr(.between(left, low: low, high: high, negated: negated), start..<previousEnd)
        case .contains?, .like?, .matches?:
            let operatorToken = current
            let match = TextMatchOperator(rawValue: text(current).lowercased()) ?? .contains
            advance()
            offer(.value(field: left))
            try requireOperand(after: operatorToken, "a text to look for")
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
                throw error(
                    .unexpectedToken, "expected `missing` after `is`",
                    hint: "is missing, is not missing   (to compare values, use =)")
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
            throw error(
                .unexpectedToken, "expected `(` after `in`", hint: "put the values in brackets: region in (Africa, Asia)")
        }
        advance()
        parenDepth += 1
        defer { parenDepth -= 1 }
        var values: [Expr] = []
        offer(.value(field: field))
        while current.kind != .rightParen {
            if current.kind == .endOfInput {
                throw error(.unexpectedToken, "expected `)` to close the list")
            }
            let value = try parseAdditive()
            values.append(value)
            if current.kind == .comma {
                advance()
                offer(.value(field: field))
                continue
            }
            if current.kind != .rightParen {
                var hint = "separate values with commas: (Africa, Asia)"
                if case .name = value.kind, current.kind == .word {
                    hint = "text with spaces needs quotes: \"\(source.text(value.range.lowerBound..<current.end))\""
                }
                throw error(.unexpectedToken, "expected `,` or `)` in the list, found \(describe(current))", hint: hint)
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
            try requireOperand(after: operatorToken, "a number")
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
            try requireOperand(after: operatorToken, "a number")
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
        try requireOperand(after: signToken, "a number")
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
            return error(.expectedExpression, "expected a field or a value before \(describe(current))",
                hint: "each condition names its field: people > 50 and people < 200 (or: people between 50 and 200)")
        }
        return error(.expectedExpression, "expected a field or a value, found \(describe(current))")
    }

    private mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return Expr(.literal(try numberLiteral(token)), token.range)
        case .string:
            if token.isUnterminated {
                throw error(.unterminatedString, "this text has no closing quote", at: token.range,
                    hint: "add the closing quote: \"...\"")
            }
            advance()
            return Expr(.literal(.text(unescapeString(token))), token.range)
        case .date:
            guard let days = CivilDate.parse(source.bytes[token.range]) else {
                throw error(.badDate, "`\(text(token))` is not a valid date", at: token.range,
                    hint: "dates are written YYYY-MM-DD, such as 2025-03-01", incompleteAtEnd: false)
            }
            advance()
            return Expr(.literal(.date(days)), token.range)
        case .leftParen:
            try enterNesting()
            defer { nesting -= 1 }
            advance()
            parenDepth += 1
            defer { parenDepth -= 1 }
            try requireOperand(after: token, "an expression")
            let inner = try parseExpression()
            guard current.kind == .rightParen else {
                if current.kind == .endOfInput || (current.isAtStartOfLine && !continuesStatement && !source.linesContinue) {
                    throw error(.unexpectedToken, "this `(` is never closed", at: token.range, hint: "add `)` after the condition")
                }
                throw error(.unexpectedToken, "expected `)` to close the `(` at column \(source.location(of: token.start).column), found \(describe(current))")
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
                throw error(.expectedExpression, "expected a condition before `\(text(token))`")
            default:
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
                    try expect(.comma, "`,` or `)` in the arguments of \(name.text)")
                    offer(.field)
                }
                if endsOperand { throw error(.expectedExpression, "expected an argument for \(name.text)") }
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
        case "&&":
            return error(.unknownCharacter, "use `and` instead of `&&`",
                fixIts: [Diagnostic.FixIt(replacing: current.range, with: "and")], incompleteAtEnd: false)
        case "||":
            return error(.unknownCharacter, "use `or` instead of `||`",
                fixIts: [Diagnostic.FixIt(replacing: current.range, with: "or")], incompleteAtEnd: false)
        case "!": return error(.unknownCharacter, "unexpected `!`", hint: "use `not`, or `!=` to compare", incompleteAtEnd: false)
        default:
            return error(.unknownCharacter, "unexpected character `\(found)`",
                hint: "names with punctuation go in backticks: `first name`", incompleteAtEnd: false)
        }
    }

    private func numberLiteral(_ token: Token) throws(Diagnostic) -> Literal {
        let digits = text(token).filter { $0 != "_" }
        let isWhole = digits.allSatisfy { $0.isASCII && $0.isNumber }
        if isWhole, let value = Int64(digits) { return .integer(value) }
        if let value = Double(digits), value.isFinite { return .decimal(digits) }
        throw error(.badNumber, "`\(text(token))` is not a number this shell can hold", at: token.range, incompleteAtEnd: false)
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
