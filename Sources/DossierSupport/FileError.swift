#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read or written: what went wrong, at which path, and what to do
/// when there is something. The Diagnostics layer turns it into a diagnostic.
public struct FileError: Error, Sendable {
    public enum Kind: Sendable {
        case notFound, unreadable, unwritable, tooLarge
    }

    public var kind: Kind
    public var message: String
    public var path: String
    public var hint: String?

    public init(_ kind: Kind, _ message: String, path: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.hint = hint
    }
}
