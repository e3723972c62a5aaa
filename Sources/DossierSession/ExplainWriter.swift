import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

/// `explain`: the pipeline in plain words, one clause a line, with the row count after each
/// clause and the fields it leaves:
///
///     countries: 14 rows
///     where concern = rights   keeps rows where concern equals "rights": 14 → 2
package struct ExplainWriter {
    package let source: SourceText
    /// The terminal's width: sentences wrap at words under their own column. Nil: no wrapping.
    package var width: Int? = nil
    /// Narrower than this beside the clauses, a sentence goes on the lines under its clause.
    private static let minimumSentenceWidth = 24

    package func describe(_ plan: LogicalPlan, counts: [Int]) -> String {
        var lines: [(String, String)] = []
        let origin: String
        switch plan.source {
        case .dataset(let dataset): origin = "from \(dataset.origin)"
        case .namedQuery(_, let inner): origin = "from the named query over " + explainSource(inner)
        }
        lines.append((plan.sourceName, "\(rows(counts[0])) \(origin); fields: \(Checker.fieldList(plan.sourceFields))"))
        var fields = plan.sourceFields
        for (index, step) in plan.steps.enumerated() {
            let before = counts[index]
            let after = counts[index + 1]
            let clauseText = step.ranges.map { source.text($0) }.joined(separator: " ")
            var words = sentence(step, fieldsBefore: fields, before: before, after: after)
            // Aggregates computed for a later step have no names: the later step lists fields.
            let named = step.fields.filter { !$0.name.hasPrefix("\u{1}") }
            if !sameFields(fields, step.fields), !step.kind.isProjection, named.count == step.fields.count {
                words += "; fields: " + Checker.fieldList(step.fields)
            }
            lines.append((clauseText, words))
            fields = step.fields
        }
        let clauseWidth = min(40, lines.map { DisplayWidth.of($0.0) }.max() ?? 0)
        return lines.map { clause, words in
            let shown = DisplayWidth.truncate(clause, to: 40)
            let lead = shown + String(repeating: " ", count: max(1, clauseWidth - DisplayWidth.of(shown) + 2))
            return wrapped(words, after: lead)
        }.joined(separator: "\n") + "\n"
    }

    /// `lead` then the sentence, wrapped under itself to the terminal's width; when the
    /// column left is too narrow, the sentence goes on indented lines of its own.
    private func wrapped(_ words: String, after lead: String) -> String {
        guard let width else { return lead + words }
        let indent = DisplayWidth.of(lead)
        if width - indent >= ExplainWriter.minimumSentenceWidth {
            return TextWrap.indented(words, width: width, firstPrefix: lead, prefix: String(repeating: " ", count: indent))
        }
        var trimmed = lead
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed + "\n" + TextWrap.indented(words, width: width, firstPrefix: "    ", prefix: "    ")
    }

    private func explainSource(_ plan: LogicalPlan) -> String {
        plan.sourceName + (plan.steps.isEmpty ? "" : " with \(plan.steps.count) clause\(plan.steps.count == 1 ? "" : "s")")
    }

    private func sameFields(_ a: [Field], _ b: [Field]) -> Bool {
        a.map(\.displayName) == b.map(\.displayName)
    }

    private func rows(_ count: Int) -> String {
        count == 1 ? "1 row" : "\(count) rows"
    }

    private func sentence(_ step: PlanStep, fieldsBefore fields: [Field], before: Int, after: Int) -> String {
        switch step.kind {
        case .filter(let condition):
            return "keeps rows where \(words(condition, fields)): \(before) → \(after)"
        case .project(let expressions):
            let computed = expressions.filter { $0.fieldIndex == nil }.count
            let names = step.fields.map(\.displayName).joined(separator: ", ")
            return computed == 0 ? "keeps the fields \(names)" : "keeps and computes the fields \(names)"
        case .sort(let keys):
            let parts = keys.map { "\(words($0.expression, fields)) (\($0.descending ? "descending" : "ascending"))" }
            return "sorts by " + parts.joined(separator: ", then ") + ", missing values last"
        case .topK(let keys, let count, let offset):
            let parts = keys.map { "\(words($0.expression, fields)) (\($0.descending ? "descending" : "ascending"))" }
            let skip = offset > 0 ? " after skipping \(offset)" : ""
            return "keeps the first \(count) rows\(skip) by " + parts.joined(separator: ", then ")
                + ", ordering only those: \(before) → \(after)"
        case .limit(let count, let offset):
            let skip = offset > 0 ? " after skipping \(offset)" : ""
            return "keeps the first \(count) rows\(skip): \(before) → \(after)"
        case .limitPer(let count, let offset, let keys, let sortedBy):
            let skip = offset > 0 ? " after skipping \(offset)" : ""
            let per = keys.map { words($0, fields) }.joined(separator: ", ")
            let sorted = sortedBy.isEmpty ? "" : "sorts by " + sortedBy.map { words($0.expression, fields) + ($0.descending ? " (descending)" : "") }
                .joined(separator: ", ") + " and "
            return "\(sorted)keeps the first \(count) rows\(skip) of each \(per): \(before) → \(after)"
        case .distinct(let keys, let wholeRow):
            let of = wholeRow ? "rows" : "values of " + keys.map { words($0, fields) }.joined(separator: ", ")
            return "keeps distinct \(of): \(before) → \(after)"
        case .count(let keys):
            if keys.isEmpty { return "counts the \(rows(before))" }
            return "counts rows by " + keys.map { words($0, fields) }.joined(separator: ", ")
                + ", most first: \(before) rows → \(after) group\(after == 1 ? "" : "s")"
        case .summarize(let aggregates, let keys):
            // Aggregates computed for a later arithmetic step have no names: say what they are.
            let names = zip(step.fields.suffix(aggregates.count), aggregates).map { field, aggregate in
                guard field.name.hasPrefix("\u{1}") else { return field.name }
                let arguments = [aggregate.argument, aggregate.second].compactMap { $0 }.map { words($0, fields) }
                return aggregate.function.rawValue + "(" + arguments.joined(separator: ", ") + ")"
            }.joined(separator: ", ")
            let by = keys.isEmpty ? "" : " by " + keys.map { words($0, fields) }.joined(separator: ", ")
            return "computes \(names)\(by): \(before) rows → \(after) row\(after == 1 ? "" : "s")"
        case .join(let join):
            let left = fields[join.leftKey].displayName
            let right = join.right.fields[join.rightKey].name
            let kind = join.isLeft ? "adds the fields of \(join.right.sourceName) (keeping rows without a match)" : "pairs each row with the rows of \(join.right.sourceName)"
            return "\(kind) where \(left) equals \(right): \(before) → \(after)"
        case .chart(let shape):
            return chartSentence(shape, step.fields)
        case .share(let value, let keys):
            return "adds share: \(words(value, fields)) as a percent of its total\(within(keys, fields))"
        case .rank(let keys, let groups):
            let parts = keys.map { "\(words($0.expression, fields)) (\($0.descending ? "descending" : "ascending"))" }
            return "adds rank: 1 for the first row by " + parts.joined(separator: ", then ") + "\(within(groups, fields)), ties sharing a rank"
        case .runningTotal(let value, let keys):
            return "adds running_total: the sum of \(words(value, fields)) so far, row by row\(within(keys, fields))"
        case .change(let value, let keys):
            return "adds change and change_pct: \(words(value, fields)) minus that of the row before\(within(keys, fields)), and in percent"
        case .expand(let field):
            let name = fields.indices.contains(field) ? fields[field].displayName : "?"
            return "makes a row for each item of \(name): \(before) → \(after)"
        }
    }

    /// ` within each region` for the groups of `per`, or nothing.
    private func within(_ keys: [BoundExpr], _ fields: [Field]) -> String {
        keys.isEmpty ? "" : " within each " + keys.map { words($0, fields) }.joined(separator: ", ")
    }

    /// `draws count by region as bars`, `draws a histogram of letters`.
    private func chartSentence(_ shape: ChartShape, _ fields: [Field]) -> String {
        guard fields.indices.contains(shape.valueColumn) else { return "draws a chart" }
        let value = fields[shape.valueColumn].displayName
        if shape.isHistogram { return "draws a histogram of \(value): the rows in each bin" }
        let labels = shape.labelColumns.filter { fields.indices.contains($0) }.map { fields[$0] }
        if labels.count == 1, labels[0].type.isTemporal { return "draws \(value) by \(labels[0].displayName) as a time chart" }
        if labels.isEmpty { return "draws \(value) as a bar" }
        return "draws \(value) by \(labels.map(\.displayName).joined(separator: ", ")) as bars"
    }

    /// An expression in words: `concern equals "rights"`.
    package func words(_ expression: BoundExpr, _ fields: [Field]) -> String {
        switch expression {
        case .field(let index, _): return fields.indices.contains(index) ? fields[index].displayName : "?"
        case .constant(let value): return literal(value)
        case .not(let operand): return "not (\(words(operand, fields)))"
        case .and(let operands): return operands.map { words($0, fields) }.joined(separator: " and ")
        case .or(let operands): return "(" + operands.map { words($0, fields) }.joined(separator: " or ") + ")"
        case .compare(let op, let left, let right):
            let verb: String
            switch op {
            case .equal: verb = right.isMissingConstant ? "is" : "equals"
            case .notEqual: verb = right.isMissingConstant ? "is not" : "differs from"
            case .less: verb = "is less than"
            case .lessEqual: verb = "is at most"
            case .greater: verb = "is more than"
            case .greaterEqual: verb = "is at least"
            }
            return "\(words(left, fields)) \(verb) \(words(right, fields))"
        case .inList(let operand, let values, let negated):
            return "\(words(operand, fields)) is \(negated ? "none" : "one") of \(values.map(literal).joined(separator: ", "))"
        case .between(let operand, let low, let high, let negated):
            return "\(words(operand, fields)) is \(negated ? "not " : "")between \(words(low, fields)) and \(words(high, fields))"
        case .textMatch(let matcher, let operand, let negated):
            let not = negated ? "does not " : ""
            switch matcher {
            case .contains(let needle):
                return "\(words(operand, fields)) \(negated ? "does not contain" : "contains") \"\(String(decoding: needle, as: UTF8.self))\""
            case .like(let pattern):
                return "\(words(operand, fields)) \(not)\(negated ? "match" : "matches") the pattern \"\(String(decoding: pattern, as: UTF8.self))\""
            case .matches(_, let pattern):
                return "\(words(operand, fields)) \(not)\(negated ? "match" : "matches") the regular expression \"\(pattern)\""
            case .startsWith(let prefix):
                return "\(words(operand, fields)) \(negated ? "does not start" : "starts") with \"\(String(decoding: prefix, as: UTF8.self))\""
            case .endsWith(let suffix):
                return "\(words(operand, fields)) \(negated ? "does not end" : "ends") with \"\(String(decoding: suffix, as: UTF8.self))\""
            case .mentions(let needle):
                return "\(words(operand, fields)) \(negated ? "does not mention" : "mentions") \"\(String(decoding: needle, as: UTF8.self))\" (ignoring accents)"
            case .never:
                return negated ? "always (an empty pattern finds nothing)" : "never (an empty pattern finds nothing)"
            }
        case .isMissing(let operand, let negated):
            return "\(words(operand, fields)) is \(negated ? "not " : "")missing"
        case .arithmetic(let op, let left, let right, _):
            return "\(words(left, fields)) \(op.rawValue) \(words(right, fields))"
        case .negate(let operand, _):
            return "-\(words(operand, fields))"
        case .call(let function, let arguments, _):
            return "\(function.rawValue)(\(arguments.map { words($0, fields) }.joined(separator: ", ")))"
        }
    }

    private func literal(_ value: Value) -> String {
        switch value {
        case .missing: return "missing"
        case .text(let text): return "\"\(text)\""
        case .date(let days): return CivilDate.format(days)
        case .datetime(let instant): return "\"\(DatetimeText.format(instant))\""
        default: return value.formatted()
        }
    }
}

extension PlanStepKind {
    /// A `select`, whose sentence already names the fields it keeps.
    package var isProjection: Bool {
        if case .project = self { return true }
        return false
    }
}

extension BoundExpr {
    package var isMissingConstant: Bool {
        if case .constant(.missing) = self { return true }
        return false
    }
}
