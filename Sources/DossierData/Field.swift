import DossierSupport
import DossierDiagnostics

/// A named field of a dataset or of a query's result.
public struct Field: Sendable, Equatable {
    public var name: String
    public var type: ValueType
    /// The dataset a field came from, when a join made that matter (`countries.status`).
    public var qualifier: String?
    /// Why a field is text though most values are numbers or dates (set at load).
    public var note: TypeNote?

    public init(_ name: String, _ type: ValueType, qualifier: String? = nil, note: TypeNote? = nil) {
        self.name = name
        self.type = type
        self.qualifier = qualifier
        self.note = note
    }

    /// How the field is shown in output headers: qualified only when a join needed it.
    public var displayName: String { qualifier.map { "\($0).\(name)" } ?? name }
}
