import DossierSupport
import DossierDiagnostics
import DossierData

/// A loaded dataset, the warnings worth showing (renamed headers, ...), and notes to show
/// after the load is reported (how the file was read, when that was a guess).
public struct LoadResult: Sendable {
    public var dataset: Dataset
    public var warnings: [Diagnostic]
    public var notes: [Diagnostic]

    package init(dataset: Dataset, warnings: [Diagnostic], notes: [Diagnostic] = []) {
        self.dataset = dataset
        self.warnings = warnings
        self.notes = notes
    }
}
