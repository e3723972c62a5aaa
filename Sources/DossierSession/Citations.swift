import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

/// The records behind a result, with the sentence each rests on (§8): every row of the
/// bundled sample carries `quote` and `source`, and `cite` shows them.
package struct Citations {
    package let relation: Relation
    /// The datasets the result rests on that carry a `quote` (and maybe a `source`) field.
    package let cited: [CitedDataset]
    /// Source id → publisher, from a loaded `sources` dataset when there is one.
    package let publishers: [String: String]

    package struct CitedDataset {
        package let dataset: Dataset
        package let quote: Column
        package let source: Column?
    }

    package struct Quote: Equatable {
        package let text: Value
        package let source: Value
    }

    package init(relation: Relation, catalog: Catalog, source: SourceText, query: Query) throws(Diagnostic) {
        var cited: [CitedDataset] = []
        for lineage in relation.lineage where !cited.contains(where: { $0.dataset === lineage.dataset }) {
            guard let quote = lineage.dataset.fieldIndex("quote") else { continue }
            cited.append(CitedDataset(
                dataset: lineage.dataset, quote: lineage.dataset.columns[quote],
                source: lineage.dataset.fieldIndex("source").map { lineage.dataset.columns[$0] }))
        }
        guard !cited.isEmpty else {
            throw SessionMessages.nothingToCite(relation.lineage.map(\.dataset.name), at: .source(source, query.source.range))
        }
        self.relation = relation
        self.cited = cited
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
        relation.fields.indices.filter { !["quote", "source"].contains(FieldName.key(relation.fields[$0].name)) }
    }

    /// The sentences a result row rests on, one per record behind it, each once.
    private func quotes(_ position: Int) -> [Quote] {
        var quotes: [Quote] = []
        for (dataset, row) in relation.sourceRows(position) {
            guard let cited = cited.first(where: { $0.dataset === dataset }) else { continue }
            let quote = Quote(text: cited.quote.value(at: row), source: cited.source?.value(at: row) ?? .missing)
            if !quotes.contains(quote) { quotes.append(quote) }
        }
        return quotes
    }

    /// For people: each row, then each quote it rests on and who said it.
    package func text() -> String {
        var output = ""
        for position in 0..<relation.count {
            let summary = shownFields.prefix(4).map { CellText.display(relation, row: position, column: $0) }
                .filter { !$0.isEmpty }.joined(separator: " · ")
            output += summary.isEmpty ? "(row \(position + 1))\n" : summary + "\n"
            let quotes = quotes(position)
            if quotes.allSatisfy({ $0.text.isMissing }) { output += "  (no quote recorded)\n" }
            for quote in quotes where !quote.text.isMissing {
                output += "  “\(quote.text.formatted())”\n"
                if !quote.source.isMissing {
                    let id = quote.source.formatted()
                    let publisher = publishers[id.lowercased()].map { "\($0) (\(id))" } ?? id
                    output += "  — \(publisher)\n"
                }
            }
            if position < relation.count - 1 { output += "\n" }
        }
        output += relation.count == 1 ? "(1 row)\n" : "(\(relation.count) rows)\n"
        return output
    }

    /// For csv/json: the shown fields plus `source` and `quote`, a row per quote.
    package func asRelation() -> Relation {
        let shown = shownFields
        var fields = shown.map { relation.fields[$0] }
        let compact = relation.compacted()
        var positions: [Int32] = []
        var sources: [Value] = []
        var texts: [Value] = []
        for position in 0..<relation.count {
            let quotes = quotes(position)
            for quote in quotes.isEmpty ? [Quote(text: .missing, source: .missing)] : quotes {
                positions.append(Int32(truncatingIfNeeded: position))
                sources.append(quote.source)
                texts.append(quote.text)
            }
        }
        var columns = shown.map { compact.columns[$0].gather(positions) }
        fields.append(Field("source", .text))
        columns.append(Column.build(.text, sources))
        fields.append(Field("quote", .text))
        columns.append(Column.build(.text, texts))
        return Relation(fields: fields, columns: columns, rows: .all(positions.count))
    }
}
