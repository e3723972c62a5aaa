import DossierSupport
import DossierData

/// The output formats of §5.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, tsv, json, jsonl, markdown

    public init?(name: String) {
        switch name.lowercased() {
        case "table", "box", "column", "columns": self = .table
        case "csv": self = .csv
        case "tsv", "tabs": self = .tsv
        case "json": self = .json
        case "jsonl", "ndjson", "jsonlines": self = .jsonl
        case "markdown", "md": self = .markdown
        default: return nil
        }
    }

    /// The format a file name asks for by its extension (`save ... to deals.json`).
    public init?(pathExtension path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        if ext == "md" { self = .markdown; return }
        guard let format = OutputFormat(name: ext), format != .table else { return nil }
        self = format
    }

    /// Renders a relation. `width` is the terminal's, when there is one (tables shrink to it).
    public func render(_ relation: Relation, width: Int? = nil, into output: inout String, cancellation: Cancellation? = nil) {
        switch self {
        case .table: TableFormatter(maxWidth: width).render(relation, into: &output, cancellation: cancellation)
        case .csv: DelimitedFormatter(separator: ",").render(relation, into: &output, cancellation: cancellation)
        case .tsv: DelimitedFormatter(separator: "\t").render(relation, into: &output, cancellation: cancellation)
        case .json: JSONFormatter(linePerObject: false).render(relation, into: &output, cancellation: cancellation)
        case .jsonl: JSONFormatter(linePerObject: true).render(relation, into: &output, cancellation: cancellation)
        case .markdown: MarkdownFormatter().render(relation, into: &output, cancellation: cancellation)
        }
    }
}
