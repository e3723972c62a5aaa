import DossierSupport
import DossierData

/// A GitHub-style pipe table; numbers right-aligned, `|` escaped.
package struct MarkdownFormatter {
    package func render(_ relation: Relation, into output: inout String, cancellation: Cancellation? = nil) {
        let headers = relation.fields.map { escape($0.displayName) }
        output += "| " + headers.joined(separator: " | ") + " |\n"
        output += "|" + relation.fields.map { CellText.isRightAligned($0.type) ? " ---: |" : " --- |" }.joined() + "\n"
        for position in 0..<relation.count {
            // A long result stops on Ctrl-C; the caller drops what was made.
            if position & 0xFFF == 0xFFF, cancellation?.isCancelled == true { return }
            let cells = relation.fields.indices.map { escape(CellText.display(relation, row: position, column: $0)) }
            output += "| " + cells.joined(separator: " | ") + " |\n"
        }
    }

    private func escape(_ text: String) -> String {
        text.replacingAll("|", with: "\\|")
    }
}
