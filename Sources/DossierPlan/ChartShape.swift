import DossierSupport
import DossierDiagnostics
import DossierData

/// What `chart` draws, decided by the checker from the fields the pipeline has when `chart`
/// comes (so a result that cannot be drawn is an error before any row is read): the columns
/// that label each bar and the column that is its number, or a histogram of the only column.
/// Whether the bars are periods of time is decided when drawing: it depends on the dates.
public struct ChartShape: Sendable, Equatable {
    public var isHistogram: Bool
    /// The group keys after `count by` and `summarize ... by`, else the field before the number;
    /// empty for a histogram, and for a grouping without keys (one bar, named by its number).
    public var labelColumns: [Int]
    public var valueColumn: Int

    package init(isHistogram: Bool = false, labelColumns: [Int], valueColumn: Int) {
        self.isHistogram = isHistogram
        self.labelColumns = labelColumns
        self.valueColumn = valueColumn
    }
}
