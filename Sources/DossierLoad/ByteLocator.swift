import DossierSupport
import DossierDiagnostics
import DossierData

/// Line and column of a byte offset in a data file, computed only when an error is reported.
package struct ByteLocator {
    // Safe: a view of a FileBytes that the reader holding this locator keeps alive; offsets are
    // clamped to buffer.count before any read.
    package let buffer: UnsafeBufferPointer<UInt8>
    package let path: String

    package func location(of offset: Int) -> (line: Int, column: Int, lineStart: Int) {
        let offset = min(max(0, offset), buffer.count)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if byte == UInt8(ascii: "\r"), index + 1 < buffer.count, buffer[index + 1] != UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<offset]), as: UTF8.self)
        return (line, prefix.count + 1, lineStart)
    }

    /// A diagnostic location with the offending line when it is short enough to show.
    package func diagnosticLocation(_ offset: Int) -> Diagnostic.Location {
        let (line, column, lineStart) = location(of: offset)
        // Look for the line's end only so far: a runaway line may be a gigabyte long.
        var end = lineStart
        let limit = min(buffer.count, lineStart + 4097)
        while end < limit, buffer[end] != UInt8(ascii: "\n"), buffer[end] != UInt8(ascii: "\r") { end += 1 }
        var lineText: String?
        if end - lineStart <= 4096 {
            lineText = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<end]), as: UTF8.self)
                .map { $0.asciiValue.map { $0 < 0x20 && $0 != 0x09 } == true ? "\u{FFFD}" : String($0) }.joined()
        }
        return .file(path: path, line: line, column: column, lineText: lineText)
    }
}
