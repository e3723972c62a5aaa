@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierEngine
@testable import DossierOutput
@testable import DossierSession
@testable import DossierCompletion

/// `.decimal(2.5)` in tests: the literal's shortest text, read exactly (`2.5`, `1.0`).
extension DecimalNumber: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(floatLiteral value: Double) {
        self = DecimalNumber.parse("\(value)", allowLeadingZeros: true) ?? DecimalNumber(0)
    }

    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}
