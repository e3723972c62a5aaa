import DossierSupport
import DossierData

/// `chart`: a horizontal bar chart drawn with block characters, labelled, and scaled to the
/// terminal's width. Negative values draw to the left of a zero axis (`│`), so a loss never
/// looks like a gain.
package struct ChartFormatter {
    package var width: Int
    /// The columns that name a bar (the group keys); nil: every column but the value.
    package var labelColumns: [Int]?
    private static let partials: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    package func render(_ relation: Relation, into output: inout String) {
        // The value is the last column when it is a number, else the last numeric one.
        let lastIsNumeric = relation.fields.last?.type.isNumeric ?? false
        let lastNumeric = relation.fields.indices.last { relation.fields[$0].type.isNumeric }
        guard let valueColumn = lastIsNumeric ? relation.fields.count - 1 : lastNumeric else {
            TableFormatter(maxWidth: width).render(relation, into: &output)
            return
        }
        let labelColumns = (self.labelColumns ?? Array(relation.fields.indices)).filter { $0 != valueColumn }
        var labels: [String] = []
        var values: [Double] = []
        var texts: [String] = []
        for position in 0..<relation.count {
            let label = labelColumns.map { CellText.display(relation, row: position, column: $0) }
                .map { $0.isEmpty ? "(missing)" : $0 }.joined(separator: " · ")
            let value = relation.value(row: position, column: valueColumn)
            labels.append(label.isEmpty ? relation.fields[valueColumn].name : label)
            let number = value.doubleValue ?? 0
            values.append(number.isNaN ? 0 : number)
            texts.append(relation.text(row: position, column: valueColumn))
        }
        let labelWidth = min(30, labels.map { DisplayWidth.of($0) }.max() ?? 0)
        let textWidth = texts.map { $0.count }.max() ?? 0
        let barWidth = max(10, width - labelWidth - textWidth - 3)
        let axis = Axis(values: values, width: barWidth)
        for index in labels.indices {
            let label = DisplayWidth.truncate(labels[index], to: labelWidth)
            let padding = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
            output += "\(label)\(padding) \(axis.bar(values[index])) \(texts[index])\n"
        }
        output += "(\(relation.count) \(relation.count == 1 ? "bar" : "bars") of \(relation.fields[valueColumn].name))\n"
    }

    /// How values map to cells: all positive bars start at the left edge; with negative values
    /// the width is shared out between the two sides of a zero axis in proportion to the extremes.
    private struct Axis {
        package let negativeCells: Int
        package let positiveCells: Int
        package let lowest: Double
        package let highest: Double

        package init(values: [Double], width: Int) {
            // Infinite values still draw a full bar, never trap.
            let finite = values.filter(\.isFinite)
            lowest = min(0, finite.min() ?? 0)
            highest = max(0, finite.max() ?? 0)
            if lowest < 0 {
                let share = -lowest / (highest - lowest)
                let negative = share.isFinite ? Int((share * Double(width - 1)).rounded()) : (width - 1) / 2
                negativeCells = max(1, min(width - 2, negative))
                positiveCells = width - 1 - negativeCells
            } else {
                negativeCells = 0
                positiveCells = width
            }
        }

        package func bar(_ value: Double) -> String {
            guard negativeCells > 0 else { return ChartFormatter.blocks(fraction(value, of: highest), cells: positiveCells) }
            if value < 0 {
                // Whole cells on the left side: the partial blocks lean left, away from the axis.
                let cells = Int((fraction(value, of: lowest) * Double(negativeCells)).rounded())
                return String(repeating: " ", count: negativeCells - cells) + String(repeating: "█", count: cells) + "│"
            }
            return String(repeating: " ", count: negativeCells) + "│" + ChartFormatter.blocks(fraction(value, of: highest), cells: positiveCells)
        }

        private func fraction(_ value: Double, of extreme: Double) -> Double {
            if value.isInfinite { return 1 }
            guard extreme != 0, extreme.isFinite else { return value == 0 ? 0 : 1 }
            let share = value / extreme
            return share.isFinite ? min(1, max(0, share)) : 1
        }
    }

    /// A bar of `fraction` of `cells`, in eighths of a cell.
    package static func blocks(_ fraction: Double, cells: Int) -> String {
        let eighths = Int((fraction * Double(cells * 8)).rounded())
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }

    package init(width: Int, labelColumns: [Int]?) {
        self.width = width
        self.labelColumns = labelColumns
    }
}
