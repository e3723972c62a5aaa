import DossierSupport
import DossierDiagnostics

/// Decimals no scaled 64-bit integer holds (more than 18 significant digits, `1e300`): binary
/// floating point, with the text each value was written with, so it prints as the file wrote it.
public struct FloatColumn: Sendable {
    public var values: [Double]
    public var missing: Bitmap?
    /// The values as written (code 0: none, print the double); nil for computed values.
    public var written: TextColumn?

    public init(values: [Double], missing: Bitmap? = nil, written: TextColumn? = nil) {
        self.values = values
        self.missing = missing
        self.written = written
    }
}
