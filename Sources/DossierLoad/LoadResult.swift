import DossierSupport
import DossierDiagnostics
import DossierData

/// A loaded dataset and the warnings worth showing (renamed headers, ...).
public struct LoadResult: Sendable {
    public var dataset: Dataset
    public var warnings: [Diagnostic]

    package init(dataset: Dataset, warnings: [Diagnostic]) {
        self.dataset = dataset
        self.warnings = warnings
    }
}
