import DossierSupport

/// Text being parsed: a script file, a `-c` argument or a line typed at the prompt.
///
/// Tokens and diagnostics point into it by UTF-8 byte offset; line and column are computed
/// only when a diagnostic is rendered, so the lexer never counts lines.
public final class SourceText: Sendable {
    /// The file the text came from, or nil for typed or `-c` text.
    public let path: String?
    public let bytes: [UInt8]
    /// The line number of the first line (a statement typed at the prompt is line 1).
    public let firstLine: Int
    /// Lines typed at continuation prompts: every line break continues the statement. In a
    /// script, only an indented line or one starting with `|` continues a statement.
    public let linesContinue: Bool

    public init(_ text: String, path: String? = nil, firstLine: Int = 1, linesContinue: Bool = false) {
        self.bytes = Array(text.utf8)
        self.path = path
        self.firstLine = firstLine
        self.linesContinue = linesContinue
    }

    public init(bytes: [UInt8], path: String? = nil, firstLine: Int = 1) {
        self.bytes = bytes
        self.path = path
        self.firstLine = firstLine
        self.linesContinue = false
    }

    /// The text of a byte range, with invalid UTF-8 repaired.
    public func text(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        var line = firstLine
        var lineStart = 0
        var index = 0
        while index < offset {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return SourceLocation(line: line, column: prefix.count + 1, lineStart: lineStart)
    }

    /// The full line that contains a byte offset, without its line break.
    public func lineText(startingAt lineStart: Int) -> String {
        var end = lineStart
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return text(lineStart..<end)
    }
}
