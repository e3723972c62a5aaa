import DossierSupport
import DossierDiagnostics

public struct NumberArgument: Sendable {
    public var value: Int
    public var range: Range<Int>
}
