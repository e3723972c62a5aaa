import DossierSupport
import DossierData

/// `save QUERY | chart to PATH.svg`: the chart as a standalone SVG file to publish. The title
/// is the query; the axes say what the labels and the numbers are. Categories are horizontal
/// bars (long labels stay readable); periods of time and histogram bins are columns, left to
/// right. Negative values draw on the other side of a zero line, in another colour.
package struct SVGChartWriter {
    package var spec: ChartSpec
    /// The chart's title: the query as written.
    package var title: String

    package static let width = 720.0
    package static let positiveFill = "#3b6ea5"
    package static let negativeFill = "#c44e52"
    private static let gridStroke = "#d9d9d9"
    private static let axisStroke = "#555555"
    private static let margin = 20.0
    private static let titleSize = 17.0
    private static let textSize = 12.0

    package init(spec: ChartSpec, title: String) {
        self.spec = spec
        self.title = title
    }

    /// `save … to chart.svg` asks for a drawing (any case of the extension).
    package static func isSVG(path: String) -> Bool {
        path.lowercased().hasSuffix(".svg")
    }

    package func render(_ relation: Relation) -> String {
        let data = ChartData(relation, spec: spec)
        var document: SVGDocument
        switch data.shape {
        case .bars: document = horizontalBars(data)
        case .timeline, .histogram: document = columns(data)
        }
        return document.finished(title: title, description: description(data))
    }

    /// The data in words for screen readers: `count by region: Central America 5, Africa 4`.
    private func description(_ data: ChartData) -> String {
        let shown = data.bars.prefix(60).map { "\($0.label) \($0.isGap ? "no rows" : $0.text)" }
        let more = data.bars.count > shown.count ? ", and \(data.bars.count - shown.count) more" : ""
        return "\(ChartFormatter.footer(data)): " + shown.joined(separator: ", ") + more
    }

    /// The title, wrapped to two lines at most; returns where the plot may start.
    private func drawTitle(_ document: inout SVGDocument) -> Double {
        let perLine = max(20, Int((SVGChartWriter.width - 2 * SVGChartWriter.margin) / (SVGChartWriter.titleSize * 0.6)))
        var lines = TextWrap.lines(title, width: perLine)
        if lines.count > 2 { lines = [lines[0], DisplayWidth.truncate(lines[1...].joined(separator: " "), to: perLine)] }
        var y = SVGChartWriter.margin + SVGChartWriter.titleSize
        for line in lines {
            document.text(line, x: SVGChartWriter.margin, y: y, size: SVGChartWriter.titleSize, bold: true)
            y += SVGChartWriter.titleSize * 1.3
        }
        return y + 8
    }

    private static func fill(_ value: Double) -> String { value < 0 ? negativeFill : positiveFill }

    // MARK: - Horizontal bars

    private func horizontalBars(_ data: ChartData) -> SVGDocument {
        let size = SVGChartWriter.textSize
        let band = 24.0
        let labelWidth = min(240, (data.bars.map { SVGDocument.textWidth($0.label, size: size) }.max() ?? 0) + 10)
        let textWidth = (data.bars.map { SVGDocument.textWidth($0.text, size: size) }.max() ?? 0) + 8
        let left = SVGChartWriter.margin + max(labelWidth, SVGDocument.textWidth(data.labelName, size: size) + 10)
        let right = SVGChartWriter.width - SVGChartWriter.margin - textWidth
        let scale = NiceScale(including: data.bars.map(\.value))
        func x(_ value: Double) -> Double { left + scale.fraction(value) * (right - left) }

        var measure = SVGDocument(width: 0, height: 0)
        let headerY = drawTitle(&measure)
        let top = headerY + size + 8
        let bottom = top + band * Double(data.bars.count)
        let height = bottom + 2 * size + 30
        var document = SVGDocument(width: SVGChartWriter.width, height: height)
        _ = drawTitle(&document)
        document.text(data.labelName, x: left - 10, y: headerY + size, size: size, anchor: .end, bold: true)
        for tick in scale.ticks {
            document.line(x1: x(tick.value), y1: top - 4, x2: x(tick.value), y2: bottom, stroke: SVGChartWriter.gridStroke)
            document.text(tick.text, x: x(tick.value), y: bottom + size + 6, size: size, anchor: .middle)
        }
        for (index, bar) in data.bars.enumerated() {
            let y = top + band * Double(index)
            let label = truncated(bar.label, toWidth: labelWidth - 10, size: size)
            document.text(label, x: left - 10, y: y + band / 2 + size * 0.35, size: size, anchor: .end)
            let start = min(x(0), x(bar.value))
            let end = max(x(0), x(bar.value))
            document.rect(x: start, y: y + 3, width: end - start, height: band - 6, fill: SVGChartWriter.fill(bar.value),
                label: "\(bar.label): \(bar.text)")
            document.text(bar.text, x: end + 4, y: y + band / 2 + size * 0.35, size: size)
        }
        document.line(x1: x(0), y1: top - 4, x2: x(0), y2: bottom, stroke: SVGChartWriter.axisStroke)
        document.text(data.valueName, x: (left + right) / 2, y: bottom + 2 * size + 16, size: size, anchor: .middle, bold: true)
        return document
    }

    private func truncated(_ text: String, toWidth width: Double, size: Double) -> String {
        DisplayWidth.truncate(text, to: max(3, Int(width / (size * 0.6))))
    }

    // MARK: - Columns

    private func columns(_ data: ChartData) -> SVGDocument {
        let size = SVGChartWriter.textSize
        let scale = NiceScale(including: data.bars.filter { !$0.isGap }.map(\.value))
        let tickWidth = (scale.ticks.map { SVGDocument.textWidth($0.text, size: size) }.max() ?? 0) + 8
        let left = SVGChartWriter.margin + size + 10 + tickWidth
        let right = SVGChartWriter.width - SVGChartWriter.margin
        let plotHeight = 260.0
        var document = SVGDocument(width: SVGChartWriter.width, height: 0)
        let top = drawTitle(&document) + 6
        let bottom = top + plotHeight
        document = SVGDocument(width: SVGChartWriter.width, height: bottom + 3 * size + 34)
        _ = drawTitle(&document)
        func y(_ value: Double) -> Double { bottom - scale.fraction(value) * plotHeight }

        for tick in scale.ticks {
            document.line(x1: left, y1: y(tick.value), x2: right, y2: y(tick.value), stroke: SVGChartWriter.gridStroke)
            document.text(tick.text, x: left - 6, y: y(tick.value) + size * 0.35, size: size, anchor: .end)
        }
        let slot = (right - left) / Double(max(1, data.bars.count))
        // Periods are apart; histogram bins touch, as the values run on from one to the next.
        let isHistogram = data.shape == .histogram
        let gap = isHistogram ? min(1, slot * 0.1) : slot * 0.2
        for (index, bar) in data.bars.enumerated() where !bar.isGap {
            let top = min(y(0), y(bar.value))
            let bottom = max(y(0), y(bar.value))
            document.rect(x: left + slot * Double(index) + gap / 2, y: top, width: slot - gap, height: bottom - top,
                fill: SVGChartWriter.fill(bar.value), label: "\(bar.label): \(bar.text)")
        }
        document.line(x1: left, y1: y(0), x2: right, y2: y(0), stroke: SVGChartWriter.axisStroke)
        drawColumnLabels(data, into: &document, left: left, slot: slot, y: bottom + size + 6, edges: !data.binEdges.isEmpty)
        document.text(data.labelName, x: (left + right) / 2, y: bottom + 2 * size + 22, size: size, anchor: .middle, bold: true)
        let middle = (top + bottom) / 2
        document.text(data.valueName, x: SVGChartWriter.margin + size, y: middle, size: size, anchor: .middle, bold: true, rotated: true)
        return document
    }

    /// Period labels under their columns, or a histogram's bin edges under the lines between
    /// bins; as many as fit side by side.
    private func drawColumnLabels(_ data: ChartData, into document: inout SVGDocument, left: Double, slot: Double, y: Double, edges: Bool) {
        let size = SVGChartWriter.textSize
        var labels: [(x: Double, text: String)] = []
        if edges {
            labels = data.binEdges.enumerated().map { (left + slot * Double($0.offset), $0.element) }
        } else {
            labels = data.bars.enumerated().map { (left + slot * (Double($0.offset) + 0.5), $0.element.label) }
        }
        let widest = (labels.map { SVGDocument.textWidth($0.text, size: size) }.max() ?? 0) + 8
        let every = max(1, Int((widest / max(slot, 0.01)).rounded(.up)))
        for index in stride(from: 0, to: labels.count, by: every) {
            document.text(labels[index].text, x: labels[index].x, y: y, size: size, anchor: .middle)
        }
    }
}
