import DossierSupport
import DossierDiagnostics
import DossierData

/// Splits RFC 4180 text into fields, byte by byte, without making Strings: quoted fields with
/// delimiters, doubled quotes and line breaks; LF, CRLF or CR line ends. A field is handed out
/// as a byte range of the input, or of `scratch` when doubled quotes had to be undone. The
/// delimiter and the quote are the file's dialect (CSVDialect); lines that start with `#` are
/// skipped as comments when the dialect has them.
package struct CSVScanner {
    package enum FieldEnd { case delimiter, record, input }

    package enum Failure: Error {
        case unterminatedQuote(start: Int)
        case textAfterQuote(offset: Int)
    }

    // Safe: a view of the file's bytes; the reader that owns the scanner keeps the FileBytes alive.
    package let bytes: UnsafeBufferPointer<UInt8>
    package let delimiter: UInt8
    package let quote: UInt8
    package var position: Int
    /// Unquoted fields are trimmed of spaces (`a, b`), as hand-written files often have them.
    package let trimsSpaces: Bool
    /// Whether lines starting with `#` are comments, and how many were skipped.
    package let skipsComments: Bool
    package private(set) var commentLines = 0

    package init(_ bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, position: Int) {
        self.bytes = bytes
        self.delimiter = dialect.delimiter
        self.quote = dialect.quote
        self.position = position
        self.trimsSpaces = dialect.delimiter != UInt8(ascii: " ")
        self.skipsComments = dialect.comments
    }

    package init(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, position: Int) {
        self.init(bytes, dialect: CSVDialect(delimiter: delimiter), position: position)
    }

    package var atEnd: Bool { position >= bytes.count }

    /// Marks a span whose quoted content holds doubled quotes, to undo when it is read.
    package static let escapedFlag = 1 << 62

    /// The next field's content as a byte range (quotes removed, spaces trimmed); the end
    /// carries `escapedFlag` when doubled quotes must be undone. No closure, no copy: the hot
    /// path of loading.
    @inline(__always)
    package mutating func scanSpan() throws(Failure) -> (start: Int, end: Int, FieldEnd) {
        var start = position
        let count = bytes.count
        if trimsSpaces {
            while start < count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        }
        if start < count, bytes[start] == quote {
            return try quotedSpan(from: start)
        }
        let stop = findStop(from: start)
        var end = stop
        if trimsSpaces {
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        }
        position = stop
        return (start, end, consumeTerminator())
    }

    /// The first delimiter, CR or LF at or after `from`, eight bytes at a time.
    @inline(__always)
    private func findStop(from: Int) -> Int {
        let count = bytes.count
        var index = from
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let delimiterPattern = UInt64(delimiter) &* ones
            let newlinePattern = UInt64(0x0A) &* ones
            let returnPattern = UInt64(0x0D) &* ones
            while index + 8 <= count {
                // Safe: index + 8 <= count, so the eight bytes are inside the buffer.
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let a = word ^ delimiterPattern
                let b = word ^ newlinePattern
                let c = word ^ returnPattern
                let found = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
                if found != 0 { return index + found.trailingZeroBitCount >> 3 }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == delimiter || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            index += 1
        }
        return index
    }

    private mutating func quotedSpan(from start: Int) throws(Failure) -> (start: Int, end: Int, FieldEnd) {
        let count = bytes.count
        var index = start + 1
        var escaped = false
        while true {
            guard index < count else { throw .unterminatedQuote(start: start) }
            if bytes[index] == quote {
                if index + 1 < count, bytes[index + 1] == quote {
                    escaped = true
                    index += 2
                    continue
                }
                break
            }
            index += 1
        }
        position = index + 1
        if trimsSpaces {
            while position < count, bytes[position] == UInt8(ascii: " ") { position += 1 }
        }
        if position < count {
            let next = bytes[position]
            if next != delimiter && next != UInt8(ascii: "\n") && next != UInt8(ascii: "\r") {
                throw .textAfterQuote(offset: position)
            }
        }
        return (start + 1, escaped ? index | CSVScanner.escapedFlag : index, consumeTerminator())
    }

    /// The content of an escaped span with doubled quotes undone, into `scratch`.
    package static func unescape(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, quote: UInt8 = UInt8(ascii: "\""), into scratch: inout [UInt8]
    ) {
        scratch.removeAll(keepingCapacity: true)
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            scratch.append(byte)
            cursor += byte == quote ? 2 : 1
        }
    }

    /// Spreadsheets' error values (`#N/A`, `#DIV/0!` …), which start a cell with `#` in exports:
    /// a line that starts with one is data (`#N/A` is a missing value), not a comment.
    static let errorValues: [[UInt8]] = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"].map { Array($0.utf8) }

    /// Whether the bytes at `index` are an error value ending the cell (a delimiter, a space, a
    /// quote or the end of the line follows).
    package static func startsWithErrorValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        errorValues.contains { value in
            guard index + value.count <= bytes.count,
                bytes[index..<(index + value.count)].elementsEqual(value)
            else { return false }
            let end = index + value.count
            guard end < bytes.count else { return true }
            let next = bytes[end]
            return next == 0x0A || next == 0x0D || next == 0x20 || next == 0x09 || next == UInt8(ascii: ",")
                || next == UInt8(ascii: ";") || next == UInt8(ascii: "|") || next == UInt8(ascii: "\"")
        }
    }

    /// Skips empty lines, lines of only spaces and comment lines; returns false at the end of
    /// the input.
    package mutating func skipBlankLines() -> Bool {
        var lineStart = position
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index += 1
                lineStart = index
            } else if byte == UInt8(ascii: " ") || (byte == UInt8(ascii: "\t") && delimiter != byte) {
                index += 1
            } else if byte == UInt8(ascii: "#") && skipsComments && !CSVScanner.startsWithErrorValue(bytes, at: index) {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
                commentLines += 1
                lineStart = index
            } else {
                position = lineStart
                return true
            }
        }
        position = index
        return false
    }

    /// The next field. `body` receives its bytes (valid only during the call).
    package mutating func nextField<R>(
        scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) throws(Failure) -> (R, FieldEnd) {
        let (start, end, terminator) = try scanSpan()
        if end & CSVScanner.escapedFlag != 0 {
            CSVScanner.unescape(bytes, start, end & ~CSVScanner.escapedFlag, quote: quote, into: &scratch)
            return (scratch.withUnsafeBufferPointer { body($0) }, terminator)
        }
        // Safe: scanSpan returns start <= end <= bytes.count; the view lives only for `body`.
        return (body(UnsafeBufferPointer(rebasing: bytes[start..<end])), terminator)
    }

    @inline(__always)
    private mutating func consumeTerminator() -> FieldEnd {
        guard position < bytes.count else { return .input }
        let byte = bytes[position]
        position += 1
        if byte == delimiter { return .delimiter }
        if byte == UInt8(ascii: "\r"), position < bytes.count, bytes[position] == UInt8(ascii: "\n") {
            position += 1
        }
        return .record
    }
}
