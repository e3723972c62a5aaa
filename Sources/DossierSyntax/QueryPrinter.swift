import DossierSupport
import DossierDiagnostics

/// Prints a parsed query back as text in one canonical form: every operator in brackets,
/// keywords lower case, names in backticks when they are not plain words. Parsing the printed
/// text gives the same tree, which the property tests check.
public enum QueryPrinter {
    public static func print(_ query: Query) -> String {
        ([name(query.source)] + query.clauses.map(clause)).joined(separator: " | ")
    }

    package static func clause(_ clause: Clause) -> String {
        switch clause.kind {
        case .filter(let condition):
            return "where " + expression(condition)
        case .select(let items):
            return "select " + items.map { item in
                switch item.kind {
                case .all: return "*"
                case .expression(let value, let alias): return expression(value) + (alias.map { " as " + name($0) } ?? "")
                }
            }.joined(separator: ", ")
        case .sort(let keys):
            return "sort by " + keys.map { expression($0.expression) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        case .limit(let count, let offset, let per):
            return "limit \(count.value)" + (offset.map { " offset \($0.value)" } ?? "")
                + (per.isEmpty ? "" : " per " + per.map(expression).joined(separator: ", "))
        case .distinct(let keys):
            return keys.isEmpty ? "distinct" : "distinct " + keys.map(expression).joined(separator: ", ")
        case .count(let keys):
            return keys.isEmpty ? "count" : "count by " + keys.map(expression).joined(separator: ", ")
        case .summarize(let items, let keys):
            let aggregates = items.map { item -> String in
                var text = expression(item.expression)
                if let alias = item.alias { text += " as " + name(alias) }
                return text
            }
            return "summarize " + aggregates.joined(separator: ", ")
                + (keys.isEmpty ? "" : " by " + keys.map(expression).joined(separator: ", "))
        case .join(let join):
            return (join.isLeft ? "left join " : "join ") + name(join.source) + " on "
                + expression(join.leftKey) + " = " + expression(join.rightKey)
        case .chart:
            return "chart"
        case .share(let value, let per):
            return "share" + of(value) + self.per(per)
        case .rank(let keys, let per):
            let by = keys.isEmpty ? "" : " by " + keys.map { expression($0.expression) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
            return "rank" + by + self.per(per)
        case .runningTotal(let value, let per):
            return "running total" + of(value) + self.per(per)
        case .change(let value, let per):
            return "change" + of(value) + self.per(per)
        case .expand(let field):
            return "expand " + expression(field)
        }
    }

    private static func of(_ value: Expr?) -> String {
        value.map { " of " + expression($0) } ?? ""
    }

    private static func per(_ keys: [Expr]) -> String {
        keys.isEmpty ? "" : " per " + keys.map(expression).joined(separator: ", ")
    }

    public static func expression(_ expression: Expr) -> String {
        switch expression.kind {
        case .name(let value): return name(value)
        case .qualified(let source, let field): return name(source) + "." + name(field)
        case .literal(let value): return literal(value)
        case .not(let operand): return "(not " + self.expression(operand) + ")"
        case .negate(let operand): return "(- " + self.expression(operand) + ")"
        case .and(let operands): return "(" + operands.map(self.expression).joined(separator: " and ") + ")"
        case .or(let operands): return "(" + operands.map(self.expression).joined(separator: " or ") + ")"
        case .comparison(let op, let left, let right):
            return "(" + self.expression(left) + " " + op.rawValue + " " + self.expression(right) + ")"
        case .arithmetic(let op, let left, let right):
            return "(" + self.expression(left) + " " + op.rawValue + " " + self.expression(right) + ")"
        case .inList(let operand, let values, let negated):
            return "(" + self.expression(operand) + (negated ? " not in (" : " in (")
                + values.map(self.expression).joined(separator: ", ") + "))"
        case .between(let operand, let low, let high, let negated):
            return "(" + self.expression(operand) + (negated ? " not between " : " between ")
                + self.expression(low) + " and " + self.expression(high) + ")"
        case .textMatch(let op, let operand, let pattern, let negated):
            return "(" + self.expression(operand) + (negated ? " not " : " ") + op.rawValue + " " + self.expression(pattern) + ")"
        case .isMissing(let operand, let negated):
            return "(" + self.expression(operand) + (negated ? " is not missing)" : " is missing)")
        case .call(let function, let arguments):
            return name(function) + "(" + arguments.map(self.expression).joined(separator: ", ") + ")"
        case .aggregate(let call):
            if call.isDistinct { return "count distinct " + call.arguments.map(self.expression).joined() }
            return call.function.rawValue + "(" + call.arguments.map(self.expression).joined(separator: ", ") + ")"
        }
    }

    package static func literal(_ value: Literal) -> String {
        switch value {
        case .integer(let number): return String(number)
        case .decimal(let digits): return digits
        case .text(let text): return quoted(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .date(let days): return CivilDate.format(days)
        case .missing: return "missing"
        }
    }

    /// A name as it must be written: bare when it is a plain word and not a keyword.
    package static func name(_ name: Name) -> String {
        let text = name.text
        let bytes = Array(text.utf8)
        let plain = !bytes.isEmpty && Lexer.isWordStart(bytes[0]) && bytes.allSatisfy(Lexer.isWordContinue)
            && Keyword(rawValue: text.lowercased()) == nil && !name.isQuoted
        return plain ? text : "`" + text + "`"
    }

    package static func quoted(_ text: String) -> String { text.quotedAsString }
}
