import DossierSupport
import DossierDiagnostics

public struct BoolColumn: Sendable {
    /// 0 false, 1 true, `missingCode` missing: one byte a row, no separate mask.
    public var values: [UInt8]
    public static let missingCode: UInt8 = 2

    package init(values: [UInt8]) {
        self.values = values
    }
}
