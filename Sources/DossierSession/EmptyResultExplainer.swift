import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

/// Empty results explain themselves (§4): which clause removed the last rows
/// (`14 → 4 → 0`), and, when a text value compared with `=` or `in` occurs nowhere in its
/// field, the closest values that do. Notes only: never part of a csv or json result.
package enum EmptyResultExplainer {
    /// The note that says why a result is empty, or nil when it is not.
    package static func explain(
        _ plan: LogicalPlan, _ outcome: Executor.Outcome, source: SourceText, cancellation: Cancellation? = nil
    ) -> Diagnostic? {
        let counts = outcome.counts
        guard counts.last == 0 else { return nil }
        if counts[0] == 0 { return SessionMessages.emptyResult([SessionMessages.emptySource(plan.sourceName)]) }
        guard let stepIndex = plan.steps.indices.first(where: { counts[$0 + 1] == 0 }) else { return nil }
        let step = plan.steps[stepIndex]
        var lines = [
            SessionMessages.emptiedBy(Array(counts[0...(stepIndex + 1)]), clause: source.text(step.range), removed: counts[stepIndex])
        ]
        if case .filter(let condition) = step.kind, stepIndex < outcome.inputs.count {
            let input = outcome.inputs[stepIndex]
            var seen = Set<String>()
            for (field, value) in equalities(in: condition) where field < input.columns.count {
                let fieldName = input.fields[field].displayName
                guard seen.insert(fieldName + "\u{0}" + value).inserted,
                    let hint = absentValueHint(value, column: input.columns[field], fieldName: fieldName, sourceName: plan.sourceName,
                        cancellation: cancellation)
                else { continue }
                lines.append(hint)
            }
            for (field, needle) in containsNeedles(in: condition) where field < input.columns.count {
                let fieldName = input.fields[field].displayName
                if let example = accentedMatch(needle, column: input.columns[field], cancellation: cancellation) {
                    lines.append(SessionMessages.containsKeepsAccents(field: fieldName, needle: needle, example: example))
                }
            }
        }
        return SessionMessages.emptyResult(lines)
    }

    /// `field = "text"` and `field in ("a", "b")` inside a condition (not under `not`).
    private static func equalities(in expression: BoundExpr) -> [(Int, String)] {
        switch expression {
        case .and(let operands), .or(let operands):
            return operands.flatMap(equalities)
        case .compare(.equal, .field(let index, _), .constant(.text(let text))),
            .compare(.equal, .constant(.text(let text)), .field(let index, _)):
            return [(index, text)]
        case .inList(.field(let index, _), let values, negated: false):
            return values.compactMap { value in
                if case .text(let text) = value { return (index, text) }
                return nil
            }
        default:
            return []
        }
    }

    /// `field contains "text"` inside a condition (not under `not`).
    private static func containsNeedles(in expression: BoundExpr) -> [(Int, String)] {
        switch expression {
        case .and(let operands), .or(let operands):
            return operands.flatMap(containsNeedles)
        case .textMatch(.contains(let needle), .field(let index, _), negated: false):
            return [(index, String(decoding: needle, as: UTF8.self))]
        default:
            return []
        }
    }

    /// A value that holds `needle` once accents are set aside (`Côte d'Ivoire` for "cote"),
    /// when `contains` found none because the reporter typed without accents.
    private static func accentedMatch(_ needle: String, column: Column, cancellation: Cancellation?) -> String? {
        guard case .text(let text) = column else { return nil }
        let dictionary = text.dictionary
        let wanted = Unaccent.fold(needle)
        guard !wanted.isEmpty else { return nil }
        for code in 1..<max(1, dictionary.codeCount) {
            if code & 0xFFF == 0, cancellation?.isCancelled == true { return nil }
            let found = dictionary.withBytes(UInt32(code)) { TextFolding.contains(Unaccent.fold($0), wanted) }
            if found { return dictionary.string(UInt32(code)) }
        }
        return nil
    }

    /// `no countries have concern "right"; closest: "rights"`, when the value is nowhere.
    package static func absentValueHint(
        _ value: String, column: Column, fieldName: String, sourceName: String, cancellation: Cancellation? = nil
    ) -> String? {
        let dictionary: TextDictionary
        var counts: [Int]
        switch column {
        case .text(let text):
            dictionary = text.dictionary
            counts = [Int](repeating: 0, count: dictionary.codeCount)
            for code in text.codes { counts[Int(code)] += 1 }
        case .list(let list):
            dictionary = list.dictionary
            counts = [Int](repeating: 0, count: dictionary.codeCount)
            for code in list.items { counts[Int(code)] += 1 }
        default:
            return nil
        }
        let folded = TextFolding.fold(value)
        let present = (1..<max(1, dictionary.codeCount)).filter { counts[$0] > 0 }
        if present.contains(where: { code in dictionary.withBytes(UInt32(code)) { TextFolding.foldedEquals($0, folded) } }) {
            return nil
        }
        if cancellation?.isCancelled == true { return nil }
        let candidates = present.prefix(50_000).map { dictionary.string(UInt32($0)) }
        let close = Suggestions.closest(to: value, in: candidates)
        if cancellation?.isCancelled == true { return nil }
        if !close.isEmpty {
            return SessionMessages.absentValue(value, field: fieldName, source: sourceName, closest: close)
        }
        if present.isEmpty { return SessionMessages.absentValueAlwaysMissing(value, field: fieldName, source: sourceName) }
        if present.count <= Profile.fewValues {
            let values = present.sorted { counts[$0] > counts[$1] }.map { dictionary.string(UInt32($0)) }
            return SessionMessages.absentValueOneOf(value, field: fieldName, source: sourceName, values: values)
        }
        let word = value.split(separator: " ").first.map(String.init) ?? value
        return SessionMessages.absentValuePartOfText(value, field: fieldName, source: sourceName, word: word)
    }
}
