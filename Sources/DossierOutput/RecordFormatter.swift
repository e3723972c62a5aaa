import DossierSupport
import DossierData

/// `set format record`: one block a row, one line a field, as sqlite's `.mode line` and psql's
/// `\x` show them. For wide rows (a long `quote`, many fields) that a table would cut to the
/// terminal: on a terminal, long values wrap at word boundaries under their own column.
///
///     ─[ 1 ]───────────────────
///     name    │ Libya
///     region  │ Africa
package struct RecordFormatter {
    /// The terminal's width; nil: values are never wrapped.
    package var maxWidth: Int?
    /// Field names wider than this are cut with `…`, so the values keep room.
    package static let maximumNameWidth = 24
    private static let separator = " │ "
    /// Off a terminal a long value is not wrapped; its block's rule stops here.
    private static let headerWidthOffTerminal = 40

    package func render(_ relation: Relation, into output: inout String, cancellation: Cancellation? = nil) {
        let names = relation.fields.map { DisplayWidth.truncate($0.displayName, to: RecordFormatter.maximumNameWidth) }
        let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        let valueWidth = maxWidth.map { max(10, $0 - nameWidth - DisplayWidth.of(RecordFormatter.separator)) }
        let continuation = String(repeating: " ", count: nameWidth) + RecordFormatter.separator
        var blocks: [[String]] = []
        for position in 0..<relation.count {
            // A long result stops on Ctrl-C; the caller drops what was made.
            if position & 0xFFF == 0xFFF, cancellation?.isCancelled == true { return }
            var lines: [String] = []
            for (column, name) in names.enumerated() {
                let padded = name + String(repeating: " ", count: nameWidth - DisplayWidth.of(name))
                let value = CellText.display(relation, row: position, column: column)
                let wrapped = valueWidth.map { TextWrap.lines(value, width: $0) } ?? [value]
                for (index, line) in wrapped.enumerated() {
                    let lead = index == 0 ? padded + RecordFormatter.separator : continuation
                    lines.append(trailingSpacesRemoved(lead + line))
                }
            }
            blocks.append(lines)
        }
        // Every header as wide as the widest line of any block, so the blocks line up.
        let widest = blocks.lazy.flatMap { $0 }.map { DisplayWidth.of($0) }.max() ?? 0
        for (index, lines) in blocks.enumerated() {
            output += header(index + 1, width: widest)
            output += lines.joined(separator: "\n") + "\n"
        }
        output += relation.count == 1 ? "(1 row)\n" : "(\(relation.count) rows)\n"
    }

    /// `─[ 3 ]─────`, `width` wide (and no wider than the terminal, or 40 off one).
    private func header(_ number: Int, width: Int) -> String {
        let label = "─[ \(number) ]"
        let fill = min(width, maxWidth ?? RecordFormatter.headerWidthOffTerminal) - DisplayWidth.of(label)
        return label + String(repeating: "─", count: max(3, fill)) + "\n"
    }

    private func trailingSpacesRemoved(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
