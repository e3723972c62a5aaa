import DossierSupport
import DossierData

/// The table people read (§5): aligned columns, numbers right-aligned, widths measured in
/// display cells, cells cut with `…` only when the terminal is too narrow, and `(N rows)`.
package struct TableFormatter {
    package var maxWidth: Int?
    package static let separator = " │ "
    package static let minimumColumnWidth = 4

    package func render(_ relation: Relation, into output: inout String, cancellation: Cancellation? = nil) {
        let headers = relation.fields.map(\.displayName)
        let columnCount = headers.count
        var cells: [[String]] = []
        cells.reserveCapacity(relation.count)
        var widths = headers.map { DisplayWidth.of($0) }
        for position in 0..<relation.count {
            // A long result stops on Ctrl-C; the caller drops what was made.
            if position & 0xFFF == 0xFFF, cancellation?.isCancelled == true { return }
            var row: [String] = []
            row.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                let text = CellText.display(relation, row: position, column: column)
                widths[column] = max(widths[column], DisplayWidth.of(text))
                row.append(text)
            }
            cells.append(row)
        }
        widths = fit(widths)
        let rightAligned = relation.fields.map { CellText.isRightAligned($0.type) }
        output += line(headers, widths, rightAligned)
        output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─") + "\n"
        for row in cells {
            output += line(row, widths, rightAligned)
        }
        output += relation.count == 1 ? "(1 row)\n" : "(\(relation.count) rows)\n"
    }

    private func line(_ values: [String], _ widths: [Int], _ rightAligned: [Bool]) -> String {
        var parts: [String] = []
        for (index, value) in values.enumerated() {
            let fitted = DisplayWidth.truncate(value, to: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(fitted)))
            let isLast = index == values.count - 1
            if rightAligned[index] {
                parts.append(padding + fitted)
            } else {
                parts.append(isLast ? fitted : fitted + padding)
            }
        }
        return parts.joined(separator: TableFormatter.separator) + "\n"
    }

    /// Shrinks the widest columns until the table fits the terminal.
    private func fit(_ natural: [Int]) -> [Int] {
        guard let maxWidth, !natural.isEmpty else { return natural }
        var widths = natural
        let separators = (widths.count - 1) * TableFormatter.separator.count
        var total: Int { widths.reduce(0, +) + separators }
        while total > maxWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                widths[widest] > TableFormatter.minimumColumnWidth
            else { break }
            let secondWidest = widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? 0
            let excess = total - maxWidth
            let target = max(TableFormatter.minimumColumnWidth, max(secondWidest, widths[widest] - excess))
            widths[widest] = target == widths[widest] ? widths[widest] - 1 : target
        }
        return widths
    }
}
