import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

extension Session {
    /// Checks a query against the current catalog (nothing is read yet).
    /// The query checked (names, types) and optimized, ready to run; nothing is read yet.
    package func plan(_ query: Query, source: SourceText) throws(Diagnostic) -> LogicalPlan {
        Optimizer.optimize(try Checker(catalog: catalog, source: source).check(query))
    }

    package func runQuery(_ query: Query, source: SourceText) throws(Diagnostic) {
        let plan = try plan(query, source: source)
        if touchesServer(plan) {
            try emitResult(try runOnServer(plan), chart: plan.chartShape)
            return
        }
        let executor = Executor(cancellation: cancellation)
        let outcome = try executor.run(plan)
        try emitResult(outcome.relation, chart: plan.chartShape)
        if outcome.relation.count == 0 {
            // Run again recording each step's input, to say which clause emptied it and why.
            if let traced = try? executor.run(plan, recordInputs: true),
                let explanation = EmptyResultExplainer.explain(plan, traced, source: source, cancellation: cancellation)
            {
                note(explanation)
            }
            try cancellation.check()
        }
    }

    /// `let NAME = QUERY`: checked now, stored as syntax, re-checked at each use.
    package func define(_ name: Name, _ query: Query, source: SourceText) throws(Diagnostic) {
        if case .dataset? = catalog[name.text] {
            throw SessionMessages.nameIsDataset(name.text, at: .source(source, name.range))
        }
        let named = NamedQuery(name: name.text, query: query, source: source)
        var updated = catalog
        let previous = updated.set(.query(named))
        // Check it as it will be used: by name, so a query that names itself is refused.
        let plan = try Checker(catalog: updated, source: source).resolveSource(Name(name.text, range: name.range))
        let count = touchesServer(plan) ? try runOnServer(Optimizer.optimize(plan)).count : try Executor(cancellation: cancellation).run(plan).relation.count
        commit(updated)
        note(SessionMessages.defined(name.text, rows: count, again: previous != nil))
    }

    package func explain(_ query: Query, source: SourceText) throws(Diagnostic) {
        let plan = try plan(query, source: source)
        if touchesServer(plan) {
            output.emit(.result(try explainOnServer(plan, source: source)))
            return
        }
        let outcome = try Executor(cancellation: cancellation).run(plan)
        output.emit(.result(ExplainWriter(source: source, width: options.terminalWidth).describe(plan, counts: outcome.counts)))
    }

    /// `cite QUERY`: each result row with the quote and source of the record it came from.
    package func cite(_ query: Query, source: SourceText) throws(Diagnostic) {
        let plan = try plan(query, source: source)
        if let step = plan.steps.first(where: { step in
            switch step.kind {
            case .count, .summarize, .distinct: return true
            default: return false
            }
        }) {
            throw SessionMessages.citeCombinedRecords(query.source.text, at: .source(source, step.range))
        }
        if touchesServer(plan) { throw ServerMessages.citeOnServer() }
        let outcome = try Executor(cancellation: cancellation).run(plan)
        let citations = try Citations(relation: outcome.relation, catalog: catalog, source: source, query: query)
        if options.format == .table {
            output.emit(.result(citations.text(width: options.terminalWidth)))
        } else {
            try emitResult(citations.asRelation())
        }
    }
}
