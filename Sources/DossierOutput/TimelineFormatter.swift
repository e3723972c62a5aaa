import DossierSupport
import DossierData

/// A time chart in the terminal: one column a period, left to right in time order, when every
/// period fits across the screen; else a sparkline, a line of periods at a time. A period
/// without rows is `·`, so a gap is seen as a gap and not as a low value.
///
///     5 ┤   █
///       │ ▄ █   █
///     0 └─────────
///       2025-01 2025-03
package struct TimelineFormatter {
    package var width: Int
    /// Lines of columns: eight eighths each, so 64 steps from zero to the highest value.
    package static let height = 8
    private static let levels: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    package func render(_ data: ChartData, unit: TimeUnit, into output: inout String) {
        let values = data.bars.filter { !$0.isGap }
        let highest = max(0, values.map(\.value).filter(\.isFinite).max() ?? 0)
        let lowest = min(0, values.map(\.value).filter(\.isFinite).min() ?? 0)
        let topText = values.first { $0.value == highest && highest > 0 }?.text ?? "0"
        let bottomText = values.first { $0.value == lowest && lowest < 0 }?.text
        let axisWidth = max(DisplayWidth.of(topText), DisplayWidth.of(bottomText ?? "0"), 1)
        let plotWidth = width - axisWidth - 2
        if data.bars.count > plotWidth || plotWidth < 4 {
            renderSparkline(data, lowest: lowest, highest: highest, into: &output)
        } else {
            let columns = Columns(bars: data.bars, lowest: lowest, highest: highest, plotWidth: plotWidth)
            output += columns.lines(topText: topText, bottomText: bottomText, axisWidth: axisWidth).joined(separator: "\n") + "\n"
        }
        output += "(" + ChartFormatter.footer(data) + ")\n"
    }

    /// Columns side by side: a slot of up to four cells a period (three of bar and a space).
    private struct Columns {
        let bars: [ChartBar]
        let slot: Int
        let barCells: Int
        let positiveRows: Int
        let negativeRows: Int
        let highest: Double
        let lowest: Double

        init(bars: [ChartBar], lowest: Double, highest: Double, plotWidth: Int) {
            self.bars = bars
            self.lowest = lowest
            self.highest = highest
            slot = max(1, min(4, plotWidth / max(1, bars.count)))
            barCells = slot == 1 ? 1 : slot - 1
            if lowest < 0 {
                let share = highest / (highest - lowest)
                let rows = share.isFinite ? Int((share * Double(TimelineFormatter.height)).rounded()) : TimelineFormatter.height / 2
                positiveRows = max(1, min(TimelineFormatter.height - 1, rows))
            } else {
                positiveRows = TimelineFormatter.height
            }
            negativeRows = TimelineFormatter.height - positiveRows
        }

        func lines(topText: String, bottomText: String?, axisWidth: Int) -> [String] {
            func pad(_ text: String) -> String { String(repeating: " ", count: max(0, axisWidth - DisplayWidth.of(text))) + text }
            var lines: [String] = []
            for row in 0..<positiveRows {
                let lead = row == 0 ? pad(topText) + " ┤" : pad("") + " │"
                lines.append(lead + cells { positiveCell($0, row: row) })
            }
            lines.append(pad("0") + (negativeRows > 0 ? " ┼" : " └") + String(repeating: "─", count: bars.count * slot))
            for row in 0..<negativeRows {
                let lead = row == negativeRows - 1 ? pad(bottomText ?? "") + " ┤" : pad("") + " │"
                lines.append(lead + cells { negativeCell($0, row: row) })
            }
            lines.append(pad("") + "  " + labels())
            return lines.map { line in
                var line = line
                while line.last == " " { line.removeLast() }
                return line
            }
        }

        private func cells(_ character: (ChartBar) -> Character) -> String {
            var line = ""
            for bar in bars {
                line += String(repeating: character(bar), count: barCells)
                line += String(repeating: " ", count: slot - barCells)
            }
            return line
        }

        /// The cell of `bar` on line `row` (0 at the top) above the zero line, in eighths.
        private func positiveCell(_ bar: ChartBar, row: Int) -> Character {
            if bar.isGap { return row == positiveRows - 1 ? "·" : " " }
            guard bar.value > 0, highest > 0 else { return " " }
            let share = bar.value.isInfinite ? 1 : min(1, bar.value / highest)
            let eighths = Int((share * Double(positiveRows * 8)).rounded())
            let below = (positiveRows - 1 - row) * 8
            return TimelineFormatter.levels[max(0, min(8, eighths - below))]
        }

        /// Below the zero line negative values fill whole cells, hanging from the line.
        private func negativeCell(_ bar: ChartBar, row: Int) -> Character {
            guard bar.value < 0, lowest < 0 else { return " " }
            let share = bar.value.isInfinite ? 1 : min(1, bar.value / lowest)
            let cells = Int((share * Double(negativeRows)).rounded())
            return row < cells ? "█" : " "
        }

        /// Period labels under their columns, as many as fit with two spaces between.
        private func labels() -> String {
            let labelWidth = bars.map { DisplayWidth.of($0.label) }.max() ?? 0
            let every = max(1, (labelWidth + 2 + slot - 1) / slot)
            var line = ""
            for index in stride(from: 0, to: bars.count, by: every) {
                let column = index * slot
                line += String(repeating: " ", count: max(0, column - DisplayWidth.of(line)))
                line += bars[index].label
            }
            return line
        }
    }

    /// Many periods: one character a period, a line of them at a time, each line labelled
    /// with its first period.
    private func renderSparkline(_ data: ChartData, lowest: Double, highest: Double, into output: inout String) {
        let labelWidth = data.bars.map { DisplayWidth.of($0.label) }.max() ?? 0
        let perLine = max(10, width - labelWidth - 1)
        let span = highest - lowest
        var start = 0
        while start < data.bars.count {
            let line = data.bars[start..<min(data.bars.count, start + perLine)]
            var text = ""
            for bar in line {
                if bar.isGap {
                    text.append("·")
                    continue
                }
                let share = span > 0 && span.isFinite && bar.value.isFinite ? (bar.value - lowest) / span : (bar.value > 0 ? 1 : 0)
                text.append(TimelineFormatter.levels[1 + max(0, min(7, Int((share * 7).rounded())))])
            }
            let label = data.bars[start].label
            output += label + String(repeating: " ", count: labelWidth - DisplayWidth.of(label) + 1) + text + "\n"
            start += perLine
        }
        output += "▁ is \(NumberFormatting.float(lowest).dropZeroFraction), █ is \(NumberFormatting.float(highest).dropZeroFraction)\n"
    }
}

extension String {
    /// `14.0` → `14`: a whole double as people write it.
    fileprivate var dropZeroFraction: String { hasSuffix(".0") ? String(dropLast(2)) : self }
}
