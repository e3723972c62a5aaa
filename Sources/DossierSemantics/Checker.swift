import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

/// Checks a query against the catalog before any row is read: binds names to fields (with a
/// did-you-mean when one is wrong), turns bare words into text, converts literals to the type
/// they are compared with, and reports type errors at the offending literal.
public struct Checker {
    package let catalog: Catalog
    package let source: SourceText
    /// Named queries being expanded, to refuse `let a = a`.
    package var expanding: [String] = []

    /// How deep named queries may refer to named queries.
    public static let maximumQueryDepth = 32

    public init(catalog: Catalog, source: SourceText) {
        self.catalog = catalog
        self.source = source
    }

    /// `diagnostic` (from `SemanticsMessages`) placed at `range` of the statement.
    package func error(_ diagnostic: Diagnostic, at range: Range<Int>) -> Diagnostic {
        var placed = diagnostic
        placed.location = .source(source, range)
        return placed
    }

    // MARK: - Sources

    /// Resolves a dataset or named-query name.
    package func resolveSource(_ name: Name) throws(Diagnostic) -> LogicalPlan {
        guard let entry = catalog[name.text] else {
            throw error(SemanticsMessages.unknownDataset(name.text, at: name.range, known: catalog.names), at: name.range)
        }
        switch entry {
        case .dataset(let dataset):
            return LogicalPlan(source: .dataset(dataset), sourceFields: dataset.fields, steps: [])
        case .query(let named):
            let key = FieldName.key(named.name)
            if expanding.contains(key) {
                throw error(SemanticsMessages.queryRefersToItself(named.name), at: name.range)
            }
            if expanding.count >= Checker.maximumQueryDepth {
                throw error(SemanticsMessages.queriesNestTooDeep(limit: Checker.maximumQueryDepth), at: name.range)
            }
            var inner = Checker(catalog: catalog, source: named.source)
            inner.expanding = expanding + [key]
            do throws(Diagnostic) {
                let plan = try inner.check(named.query)
                return LogicalPlan(source: .namedQuery(named.name, plan), sourceFields: plan.fields, steps: [])
            } catch {
                if error.id == .recursion, case .source(let text, _) = error.location, text === source { throw error }
                throw self.error(SemanticsMessages.namedQueryBroken(named.name, text: named.text, problem: error), at: name.range)
            }
        }
    }

    // MARK: - Queries

    public func check(_ query: Query) throws(Diagnostic) -> LogicalPlan {
        var plan = try resolveSource(query.source)
        var fields = plan.sourceFields
        var scope = Scope(fields: fields, sourceName: query.source.text)
        for (index, clause) in query.clauses.enumerated() {
            let before = scope
            var earlierSteps: [PlanStep] = []
            let kind = try checkClause(
                clause, scope: &scope, steps: plan.steps, isLast: index == query.clauses.count - 1, before: &earlierSteps)
            plan.steps += earlierSteps
            scope.droppedBy = before.droppedBy
            let kept = Set(scope.fields.map { FieldName.key($0.name) })
            for field in before.fields where !kept.contains(FieldName.key(field.name)) {
                scope.droppedBy[FieldName.key(field.name)] = source.text(clause.range)
            }
            for key in kept { scope.droppedBy[key] = nil }
            fields = scope.fields
            plan.steps.append(PlanStep(kind: kind, range: clause.range, fields: fields))
        }
        return plan
    }

    /// The step a clause makes; a clause that needs more than one puts the earlier ones in
    /// `before` (`summarize max(v1) - min(v2)`: the aggregates, then the arithmetic on them).
    private func checkClause(
        _ clause: Clause, scope: inout Scope, steps: [PlanStep], isLast: Bool, before: inout [PlanStep]
    ) throws(Diagnostic) -> PlanStepKind {
        switch clause.kind {
        case .filter(let expression):
            return .filter(try bindCondition(expression, in: scope, clause: "where"))
        case .select(let items):
            return try checkSelect(items, scope: &scope)
        case .sort(let keys):
            var bound: [BoundSortKey] = []
            for key in keys {
                bound.append(BoundSortKey(expression: try bind(key.expression, in: scope), descending: key.descending))
            }
            return .sort(bound)
        case .limit(let count, let offset, let per):
            if per.isEmpty { return .limit(count.value, offset: offset?.value ?? 0) }
            let (keys, _) = try bindKeys(per, in: scope, explodingLists: false)
            return .limitPer(count.value, offset: offset?.value ?? 0, keys: keys, sortedBy: [])
        case .distinct(let expressions):
            if expressions.isEmpty { return .distinct([], wholeRow: true) }
            let (bound, fields) = try bindKeys(expressions, in: scope, explodingLists: false)
            scope = Scope(fields: fields, sourceName: scope.sourceName)
            return .distinct(bound, wholeRow: false)
        case .count(let keys):
            let (bound, keyFields) = try bindKeys(keys, in: scope)
            let countName = keyFields.contains { FieldName.key($0.name) == "count" } ? "n" : "count"
            scope = Scope(fields: keyFields + [Field(countName, .integer)], sourceName: scope.sourceName)
            return .count(keys: bound)
        case .summarize(let items, let keys):
            return try checkSummarize(items, keys: keys, range: clause.range, scope: &scope, before: &before)
        case .join(let join):
            return try checkJoin(join, scope: &scope)
        case .share(let value, let per):
            return try checkShare(value, per: per, clause: clause, scope: &scope)
        case .rank(let keys, let per):
            return try checkRank(keys, per: per, clause: clause, scope: &scope)
        case .runningTotal(let value, let per):
            return try checkRunningTotal(value, per: per, clause: clause, scope: &scope)
        case .change(let value, let per):
            return try checkChange(value, per: per, clause: clause, scope: &scope)
        case .expand(let field):
            return try checkExpand(field, scope: &scope)
        case .chart:
            if !isLast {
                throw error(SemanticsMessages.chartNotLast(), at: clause.range)
            }
            return .chart(try chartShape(fields: scope.fields, steps: steps, at: clause.range))
        }
    }

    private func checkSelect(_ items: [SelectItem], scope: inout Scope) throws(Diagnostic) -> PlanStepKind {
        var bound: [BoundExpr] = []
        var fields: [Field] = []
        for item in items {
            switch item.kind {
            case .all:
                // `*` is every field not listed before it: `select name, *` puts name first.
                var added = 0
                for (index, field) in scope.fields.enumerated()
                where !fields.contains(where: { FieldName.key($0.displayName) == FieldName.key(field.displayName) }) {
                    bound.append(.field(index, field.type))
                    fields.append(field)
                    added += 1
                }
                if added == 0, !scope.fields.isEmpty {
                    throw error(SemanticsMessages.starAddsNothing(), at: item.range)
                }
            case .expression(let expression, let alias):
                let value = try bind(expression, in: scope)
                guard let type = value.type else {
                    throw error(SemanticsMessages.fieldOnlyMissing(), at: expression.range)
                }
                var field: Field
                if let alias {
                    field = Field(alias.text, type)
                } else if let index = value.fieldIndex {
                    field = scope.fields[index]
                } else {
                    field = Field(source.text(expression.range), type)
                }
                if fields.contains(where: { FieldName.key($0.displayName) == FieldName.key(field.displayName) }) {
                    let afterStar = items.contains { other in
                        if case .all = other.kind { return other.range.upperBound <= item.range.lowerBound }
                        return false
                    }
                    throw error(
                        SemanticsMessages.duplicateSelectField(field.displayName, name: field.name, afterStar: afterStar),
                        at: item.range)
                }
                bound.append(value)
                fields.append(field)
            }
        }
        // Qualifiers were needed to tell joined fields apart; drop them where names are now unique.
        let keys = fields.map { FieldName.key($0.name) }
        for index in fields.indices where fields[index].qualifier != nil && keys.filter({ $0 == keys[index] }).count == 1 {
            fields[index].qualifier = nil
        }
        scope = Scope(fields: fields, sourceName: scope.sourceName)
        return .project(bound)
    }

    /// `by` lists: each key becomes an output field named after the field or the expression.
    /// A list key groups by each item (`explodingLists`), so its output field is text.
    package func bindKeys(_ expressions: [Expr], in scope: Scope, explodingLists: Bool = true) throws(Diagnostic) -> ([BoundExpr], [Field]) {
        var bound: [BoundExpr] = []
        var fields: [Field] = []
        for expression in expressions {
            let value = try bind(expression, in: scope)
            guard let type = value.type else {
                throw error(SemanticsMessages.groupByMissing(), at: expression.range)
            }
            var field = value.fieldIndex.map { scope.fields[$0] } ?? Field(source.text(expression.range), type)
            if fields.contains(where: { FieldName.key($0.displayName) == FieldName.key(field.displayName) }) {
                throw error(SemanticsMessages.keyListedTwice(field.displayName), at: expression.range)
            }
            field.type = explodingLists && type == .list ? .text : type
            bound.append(value)
            fields.append(field)
        }
        return (bound, fields)
    }

}
