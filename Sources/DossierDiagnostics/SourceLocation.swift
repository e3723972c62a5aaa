import DossierSupport

/// A 1-based position for people.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    /// Byte offset of the start of the line, to print it.
    package let lineStart: Int

    public var description: String { "\(line):\(column)" }
}
