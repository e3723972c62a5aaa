import DossierSupport
import DossierDiagnostics

public struct PathArgument: Sendable, Equatable {
    public var text: String
    public var range: Range<Int>
}
