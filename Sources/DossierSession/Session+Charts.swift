import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

extension Session {
    /// `save QUERY [| chart] to PATH.svg`: the query's chart as a file to publish. An `.svg`
    /// can only hold a chart, so `| chart` may be left out; the query is the chart's title.
    package func saveChart(_ query: Query, to path: PathArgument, source: SourceText) throws(Diagnostic) {
        let checker = Checker(catalog: catalog, source: source)
        var checked = try checker.check(query)
        if checked.chartShape == nil {
            // A result that cannot be drawn is reported at the path that asked for a drawing.
            checked = try checker.withChart(checked, at: path.range)
        }
        let plan = Optimizer.optimize(checked)
        guard let shape = plan.chartShape else { return }
        let relation = try Executor(cancellation: cancellation).run(plan).relation
        try cancellation.check()
        let svg = SVGChartWriter(spec: shape.spec, title: Session.chartTitle(query, source: source)).render(relation)
        try write(svg, to: path, source: source)
        note(SessionMessages.savedChart(relation.count, to: path.text))
    }

    /// The query as typed, without a final `| chart`: `countries count by region`.
    static func chartTitle(_ query: Query, source: SourceText) -> String {
        var end = query.range.upperBound
        if let last = query.clauses.last, case .chart = last.kind { end = last.range.lowerBound }
        var title = source.text(query.range.lowerBound..<max(query.range.lowerBound, end))
        while let last = title.last, last == " " || last == "|" || last == "\n" || last == "\t" { title.removeLast() }
        return title
    }
}

extension ChartShape {
    /// The drawing's side of the plan's decision.
    var spec: ChartSpec {
        ChartSpec(kind: isHistogram ? .histogram : .bars, labelColumns: labelColumns, valueColumn: valueColumn)
    }
}
