import DossierSupport
import DossierDiagnostics

public struct DateColumn: Sendable {
    /// Days since 1970-01-01.
    public var values: [Int32]
    public var missing: Bitmap?

    package init(values: [Int32], missing: Bitmap?) {
        self.values = values
        self.missing = missing
    }
}
