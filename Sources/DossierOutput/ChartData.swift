import DossierSupport
import DossierData

/// What `chart` draws, as the checker decided it from the result's fields (before any row is
/// read): the columns that label each bar and the column that is its number; or a histogram
/// of the only column.
public struct ChartSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case bars, histogram
    }

    public var kind: Kind
    public var labelColumns: [Int]
    public var valueColumn: Int

    public init(kind: Kind, labelColumns: [Int], valueColumn: Int) {
        self.kind = kind
        self.labelColumns = labelColumns
        self.valueColumn = valueColumn
    }
}

/// One bar, column or period of a chart.
package struct ChartBar: Sendable, Equatable {
    package var label: String
    /// The number drawn; 0 for a missing value or a gap.
    package var value: Double
    /// The number as the result shows it (empty when missing).
    package var text: String
    /// A period of a time chart without a row: drawn as a gap, not as zero.
    package var isGap = false
}

/// The bars of a chart, taken from a result, for the terminal and for SVG alike.
package struct ChartData: Sendable {
    package enum Shape: Sendable, Equatable {
        /// One bar a row, in the result's order.
        case bars
        /// One column a period, in time order, gaps included.
        case timeline(TimeUnit)
        case histogram
    }

    package var shape: Shape
    package var bars: [ChartBar]
    /// What the labels are (`region`, `month`, the binned field) and what the numbers are
    /// (`count`, `people`, `rows`): the two axes' titles.
    package var labelName: String
    package var valueName: String
    /// Rows the chart could not draw, in words (`2 missing values`).
    package var leftOut: [String] = []
    /// A histogram's bin edges, one more than its bins (`0`, `10`, `20`).
    package var binEdges: [String] = []

    package init(_ relation: Relation, spec: ChartSpec) {
        switch spec.kind {
        case .histogram: self = ChartData.histogram(relation, column: spec.valueColumn)
        case .bars: self = ChartData.bars(relation, spec: spec)
        }
    }

    private init(shape: Shape, bars: [ChartBar], labelName: String, valueName: String, leftOut: [String] = []) {
        self.shape = shape
        self.bars = bars
        self.labelName = labelName
        self.valueName = valueName
        self.leftOut = leftOut
    }

    private static func bars(_ relation: Relation, spec: ChartSpec) -> ChartData {
        let valueName = relation.fields[spec.valueColumn].displayName
        let labelName = spec.labelColumns.map { relation.fields[$0].displayName }.joined(separator: " · ")
        var bars: [ChartBar] = []
        bars.reserveCapacity(relation.count)
        for position in 0..<relation.count {
            let label = spec.labelColumns.map { CellText.display(relation, row: position, column: $0) }
                .map { $0.isEmpty ? "(missing)" : $0 }.joined(separator: " · ")
            let number = relation.value(row: position, column: spec.valueColumn).doubleValue ?? 0
            bars.append(ChartBar(
                label: label.isEmpty ? valueName : label, value: number.isNaN ? 0 : number,
                text: relation.text(row: position, column: spec.valueColumn)))
        }
        if spec.labelColumns.count == 1, let timeline = timeline(relation, bars, column: spec.labelColumns[0]) {
            return ChartData(shape: timeline.shape, bars: timeline.bars, labelName: labelName, valueName: valueName,
                leftOut: timeline.leftOut)
        }
        return ChartData(shape: .bars, bars: bars, labelName: labelName.isEmpty ? valueName : labelName, valueName: valueName)
    }

    /// Bars labelled by distinct dates, put in time order with every period between the first
    /// and the last; nil when the label is not a date or two rows share one. A date and time
    /// is placed on its day. The period is the column's own when it is a calendar bucket
    /// (`month_of(when)`), else read off the dates.
    private static func timeline(
        _ relation: Relation, _ bars: [ChartBar], column: Int
    ) -> (shape: Shape, bars: [ChartBar], leftOut: [String])? {
        let type = relation.fields[column].type
        guard type == .date || type == .datetime else { return nil }
        var points: [(date: Int32, index: Int)] = []
        var seen = Set<Int32>()
        var undated = 0
        for position in 0..<relation.count {
            let days: Int32
            switch relation.value(row: position, column: column) {
            case .date(let day): days = day
            case .datetime(let instant): days = DatetimeText.split(instant).days
            default:
                undated += 1
                continue
            }
            guard seen.insert(days).inserted else { return nil }
            points.append((days, position))
        }
        guard !points.isEmpty else { return nil }
        var unit = TimeUnit.of(points.map(\.date))
        if case .date(let dates) = relation.columns[column], let period = TimeUnit(dates.period) { unit = period }
        let periods = TimeBuckets.fill(points, unit: unit)
        let timeline = periods.map { period in
            guard let index = period.index else { return ChartBar(label: unit.label(period.date), value: 0, text: "", isGap: true) }
            var bar = bars[index]
            bar.label = unit.label(period.date)
            return bar
        }
        let leftOut = undated == 0 ? [] : ["\(undated) row\(undated == 1 ? "" : "s") without a date"]
        return (.timeline(unit), timeline, leftOut)
    }

    private static func histogram(_ relation: Relation, column: Int) -> ChartData {
        var values: [Double] = []
        // The extremes as their column shows them, for a histogram of values all alike (`7.50`).
        var lowest: (number: Double, text: String)?
        var highest: (number: Double, text: String)?
        var missing = 0
        var infinite = 0
        for position in 0..<relation.count {
            guard let number = relation.value(row: position, column: column).doubleValue, !number.isNaN else {
                missing += 1
                continue
            }
            guard number.isFinite else {
                infinite += 1
                continue
            }
            if number < lowest?.number ?? .infinity { lowest = (number, relation.text(row: position, column: column)) }
            if number > highest?.number ?? -.infinity { highest = (number, relation.text(row: position, column: column)) }
            values.append(number)
        }
        let histogram = Histogram(values, integers: relation.fields[column].type == .integer) { number in
            if number == lowest?.number, let text = lowest?.text { return text }
            if number == highest?.number, let text = highest?.text { return text }
            return NumberFormatting.float(number)
        }
        var leftOut: [String] = []
        if missing > 0 { leftOut.append("\(missing) missing value\(missing == 1 ? "" : "s")") }
        if infinite > 0 { leftOut.append("\(infinite) infinite value\(infinite == 1 ? "" : "s")") }
        let bars = histogram.bins.map { ChartBar(label: $0.label, value: Double($0.count), text: String($0.count)) }
        var data = ChartData(shape: .histogram, bars: bars, labelName: relation.fields[column].displayName, valueName: "rows",
            leftOut: leftOut)
        // Bins of one integer are named under their columns; wider bins at their edges.
        if histogram.bins.contains(where: { !$0.isOneValue }) {
            data.binEdges = histogram.bins.map(\.low) + (histogram.bins.last.map { [$0.high] } ?? [])
        }
        return data
    }
}
