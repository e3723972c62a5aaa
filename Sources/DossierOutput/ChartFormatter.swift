import DossierSupport
import DossierData

/// `chart` in the terminal: horizontal bars drawn with block characters, labelled, and scaled
/// to the terminal's width; a time chart (`TimelineFormatter`) when the label is a date; a
/// histogram as bars of the rows in each bin. Negative values draw to the left of a zero axis
/// (`│`), so a loss never looks like a gain.
package struct ChartFormatter {
    package var width: Int
    package var spec: ChartSpec
    private static let partials: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    package init(width: Int, spec: ChartSpec) {
        self.width = width
        self.spec = spec
    }

    package func render(_ relation: Relation, into output: inout String) {
        let data = ChartData(relation, spec: spec)
        switch data.shape {
        case .timeline(let unit):
            TimelineFormatter(width: width).render(data, unit: unit, into: &output)
        case .bars, .histogram:
            renderBars(data, into: &output)
        }
    }

    private func renderBars(_ data: ChartData, into output: inout String) {
        let bars = data.bars
        let labelWidth = min(30, bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let textWidth = bars.map { $0.text.count }.max() ?? 0
        let barWidth = max(10, width - labelWidth - textWidth - 3)
        let axis = Axis(values: bars.map(\.value), width: barWidth)
        for bar in bars {
            let label = DisplayWidth.truncate(bar.label, to: labelWidth)
            let padding = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
            output += "\(label)\(padding) \(axis.bar(bar.value)) \(bar.text)\n"
        }
        output += "(" + ChartFormatter.footer(data) + ")\n"
    }

    /// `5 bars of count`; `6 bins of people, …`; with what was left out.
    package static func footer(_ data: ChartData) -> String {
        var parts: [String]
        let count = data.bars.count
        switch data.shape {
        case .bars:
            parts = ["\(count) \(count == 1 ? "bar" : "bars") of \(data.valueName)"]
        case .histogram:
            parts = data.binEdges.isEmpty
                ? ["rows of \(data.labelName) for each value"]
                : ["rows of \(data.labelName) in \(count) \(count == 1 ? "bin" : "bins"); a bin holds its lower bound, not its upper"]
        case .timeline(let unit):
            let gaps = data.bars.filter(\.isGap).count
            parts = ["\(data.valueName) by \(unit.name), \(unit.plural(count))"]
            if let first = data.bars.first, let last = data.bars.last, count > 1 { parts[0] += " from \(first.label) to \(last.label)" }
            if gaps > 0 { parts.append("· \(gaps == 1 ? "a \(unit.name)" : "\(gaps) \(unit.name)s") without rows") }
        }
        if !data.leftOut.isEmpty { parts.append(data.leftOut.joined(separator: " and ") + " left out") }
        return parts.joined(separator: "; ")
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
}
