/// `chart`: a horizontal bar chart of a `count by` or `summarize` result, drawn with block
/// characters, labelled, and scaled to the terminal's width.
struct ChartFormatter {
    var width: Int
    private static let partials: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    func render(_ relation: Relation, into output: inout String) {
        // The value is the last numeric field; the label is every field before it.
        guard let valueColumn = relation.fields.indices.last(where: { relation.fields[$0].type.isNumeric }) else {
            TableFormatter(maxWidth: width).render(relation, into: &output)
            return
        }
        let labelColumns = relation.fields.indices.filter { $0 != valueColumn && !relation.fields[$0].type.isNumeric }
        var labels: [String] = []
        var values: [Double] = []
        var texts: [String] = []
        for position in 0..<relation.count {
            let label = labelColumns.map { CellText.display(relation.value(row: position, column: $0)) }
                .map { $0.isEmpty ? "(missing)" : $0 }.joined(separator: " · ")
            let value = relation.value(row: position, column: valueColumn)
            labels.append(label.isEmpty ? relation.fields[valueColumn].name : label)
            values.append(Arithmetic.double(value) ?? 0)
            texts.append(value.formatted())
        }
        let labelWidth = min(30, labels.map { DisplayWidth.of($0) }.max() ?? 0)
        let textWidth = texts.map { $0.count }.max() ?? 0
        let barWidth = max(10, width - labelWidth - textWidth - 3)
        let maximum = values.map { abs($0) }.max() ?? 0
        for index in labels.indices {
            let label = DisplayWidth.truncate(labels[index], to: labelWidth)
            let padding = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
            // Infinite or enormous values still draw a bar, never trap.
            let share = maximum > 0 && maximum.isFinite ? abs(values[index]) / maximum : (values[index] == maximum ? 1 : 0)
            let eighths = share.isFinite ? Int((min(1, share) * Double(barWidth * 8)).rounded()) : 0
            let bar = String(repeating: "█", count: eighths / 8) + ChartFormatter.partials[eighths % 8]
            output += "\(label)\(padding) \(bar) \(texts[index])\n"
        }
        output += "(\(relation.count) \(relation.count == 1 ? "bar" : "bars") of \(relation.fields[valueColumn].name))\n"
    }
}
