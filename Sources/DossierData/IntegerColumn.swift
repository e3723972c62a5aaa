import DossierSupport
import DossierDiagnostics

public struct IntegerColumn: Sendable {
    public var values: [Int64]
    /// Nil when nothing is missing.
    public var missing: Bitmap?

    package init(values: [Int64], missing: Bitmap?) {
        self.values = values
        self.missing = missing
    }
}
