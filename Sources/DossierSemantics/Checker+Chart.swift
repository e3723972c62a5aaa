import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

extension Checker {
    /// chart = "chart"
    ///
    /// What the chart draws, from the fields the pipeline has at this point: after a grouping
    /// (and clauses that keep its fields, such as `sort` and `limit`) a bar a group, labelled
    /// by the keys; else the last two fields as a label and a number; a lone numeric field is
    /// a histogram. Anything else is an error that names the fields found.
    package func chartShape(fields: [Field], steps: [PlanStep], at range: Range<Int>) throws(Diagnostic) -> ChartShape {
        guard let value = fields.last else { throw error(SemanticsMessages.chartNeedsANumber(label: nil, value: nil), at: range) }
        let valueColumn = fields.count - 1
        if let keys = Checker.groupKeyCount(steps) {
            guard value.type.isNumeric else {
                throw error(SemanticsMessages.chartNeedsANumber(label: nil, value: value), at: range)
            }
            return ChartShape(labelColumns: Array(0..<min(keys, valueColumn)), valueColumn: valueColumn)
        }
        if fields.count == 1 {
            guard value.type.isNumeric else { throw error(SemanticsMessages.chartOfOneField(value), at: range) }
            return ChartShape(isHistogram: true, labelColumns: [], valueColumn: 0)
        }
        guard value.type.isNumeric else {
            throw error(SemanticsMessages.chartNeedsANumber(label: fields[valueColumn - 1], value: value), at: range)
        }
        return ChartShape(labelColumns: [valueColumn - 1], valueColumn: valueColumn)
    }

    /// How many group keys lead the fields, when the last step that set the fields was a
    /// grouping; nil when there is none, or a later step (`select`, `join`) changed them.
    private static func groupKeyCount(_ steps: [PlanStep]) -> Int? {
        for step in steps.reversed() {
            switch step.kind {
            // Shares, ranks, running totals and change add a number after the groups' fields.
            case .filter, .sort, .limit, .limitPer, .topK, .share, .rank, .runningTotal, .change: continue
            case .count(let keys): return keys.count
            case .summarize(_, let keys): return keys.count
            default: return nil
            }
        }
        return nil
    }
}

extension Checker {
    /// `save QUERY to PATH.svg` without `| chart`: the plan with the chart it implies, or the
    /// error `chart` would give, placed at `range`.
    public func withChart(_ plan: LogicalPlan, at range: Range<Int>) throws(Diagnostic) -> LogicalPlan {
        var plan = plan
        let shape = try chartShape(fields: plan.fields, steps: plan.steps, at: range)
        plan.steps.append(PlanStep(kind: .chart(shape), range: range, fields: plan.fields))
        return plan
    }
}
