/// The records behind a result, with the sentence each rests on (§8): every row of the
/// bundled sample carries `quote` and `source`, and `cite` shows them.
struct Citations {
    let relation: Relation
    let root: Dataset
    let quoteColumn: Column
    let sourceColumn: Column?
    /// Source id → publisher, from a loaded `sources` dataset when there is one.
    let publishers: [String: String]

    init(plan: QueryPlan, relation: Relation, catalog: Catalog, source: SourceText, query: Query) throws(Diagnostic) {
        var current = plan
        while case .namedQuery(_, let inner) = current.source { current = inner }
        guard case .dataset(let dataset) = current.source else {
            throw Diagnostic(.unknownDataset, "cannot find the dataset behind this query", at: .source(source, query.range))
        }
        guard let quoteIndex = dataset.fieldIndex("quote") else {
            throw Diagnostic(.unknownField, "`\(dataset.name)` has no `quote` field to cite",
                at: .source(source, query.source.range),
                hint: "cite works on datasets whose rows carry the sentence they rest on, in a field named quote (and the source in source)")
        }
        self.relation = relation
        self.root = dataset
        self.quoteColumn = dataset.columns[quoteIndex]
        self.sourceColumn = dataset.fieldIndex("source").map { dataset.columns[$0] }
        var publishers: [String: String] = [:]
        if case .dataset(let sources)? = catalog["sources"], let id = sources.fieldIndex("id"),
            let publisher = sources.fieldIndex("publisher")
        {
            for row in 0..<sources.rowCount {
                publishers[sources.columns[id].value(at: row).formatted().lowercased()] =
                    sources.columns[publisher].value(at: row).formatted()
            }
        }
        self.publishers = publishers
    }

    /// Result fields other than the citation's own.
    private var shownFields: [Int] {
        relation.fields.indices.filter { !["quote", "source"].contains(Catalog.key(relation.fields[$0].name)) }
    }

    private func citation(_ position: Int) -> (quote: Value, source: Value) {
        let row = relation.sourceRow(position)
        return (quoteColumn.value(at: row), sourceColumn?.value(at: row) ?? .missing)
    }

    /// For people: each row, then its quote and who said it.
    func text() -> String {
        var output = ""
        for position in 0..<relation.count {
            let summary = shownFields.prefix(4).map { CellText.display(relation.value(row: position, column: $0)) }
                .filter { !$0.isEmpty }.joined(separator: " · ")
            let (quote, source) = citation(position)
            output += summary.isEmpty ? "(row \(relation.sourceRow(position) + 1))\n" : summary + "\n"
            output += quote.isMissing ? "  (no quote recorded)\n" : "  “\(quote.formatted())”\n"
            if !source.isMissing {
                let id = source.formatted()
                let publisher = publishers[id.lowercased()].map { "\($0) (\(id))" } ?? id
                output += "  — \(publisher)\n"
            }
            if position < relation.count - 1 { output += "\n" }
        }
        output += relation.count == 1 ? "(1 row)\n" : "(\(relation.count) rows)\n"
        return output
    }

    /// For csv/json: the shown fields plus `source` and `quote`.
    func asRelation() -> Relation {
        let shown = shownFields
        var fields = shown.map { relation.fields[$0] }
        let compact = relation.compacted()
        var columns = shown.map { compact.columns[$0] }
        let citations = (0..<relation.count).map(citation)
        fields.append(Field("source", .text))
        columns.append(Column.build(.text, citations.map(\.source)))
        fields.append(Field("quote", .text))
        columns.append(Column.build(.text, citations.map(\.quote)))
        return Relation(fields: fields, columns: columns, rows: .all(relation.count))
    }
}
