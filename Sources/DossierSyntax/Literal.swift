import DossierSupport
import DossierDiagnostics

public enum Literal: Sendable, Equatable {
    case integer(Int64)
    /// A number that is not a 64-bit integer (`19.99`, `1e300`), as written, without `_`: the
    /// checker decides whether it is an exact decimal or binary floating point (§6).
    case decimal(String)
    case text(String)
    case bool(Bool)
    /// Days since 1970-01-01.
    case date(Int32)
    case missing
}
