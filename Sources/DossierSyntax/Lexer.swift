import DossierSupport
import DossierDiagnostics

/// Turns source bytes into tokens on demand. It never throws and never stops early: a byte
/// that starts no token becomes an `.unknown` token for the parser to report, and an
/// unterminated string runs to the end of the input with `isUnterminated` set.
///
/// Every call to `next` advances by at least one byte unless the input is exhausted.
package struct Lexer {
    package enum Mode {
        case normal
        /// A file path: a quoted string, or a run of bytes up to white space or `;`.
        case path
    }

    private let bytes: [UInt8]
    private(set) var offset: Int
    /// A line break was crossed since the last token.
    private var sawLineBreak: Bool
    /// Columns of white space since the last line break.
    private var indentWidth: Int32 = 0

    /// Whether a string may run over a line break. At the shell's continuation prompt it
    /// may; in a script an unclosed quote ends at its line, so it cannot swallow the rest of
    /// the file.
    private let stringsSpanLines: Bool

    package init(_ source: SourceText, startingAt offset: Int = 0) {
        self.bytes = source.bytes
        self.offset = offset
        self.sawLineBreak = offset == 0
        self.stringsSpanLines = source.linesContinue
    }

    /// Restarts lexing at `offset` (used to re-read a path in path mode).
    package mutating func reset(to offset: Int, atStartOfLine: Bool) {
        self.offset = offset
        self.sawLineBreak = atStartOfLine
    }

    package mutating func next(_ mode: Mode = .normal) -> Token {
        skipTrivia()
        let start = offset
        let atStartOfLine = sawLineBreak
        let indent = atStartOfLine ? indentWidth : 0
        sawLineBreak = false
        indentWidth = 0
        guard start < bytes.count else {
            return Token(kind: .endOfInput, start: start, end: start, isAtStartOfLine: true)
        }
        var token = Token(kind: .unknown, start: start, end: start, isAtStartOfLine: atStartOfLine, indent: indent)
        if mode == .path {
            if Lexer.closingQuote(bytes, at: start) != nil {
                lexString(into: &token)
            } else {
                lexPath(into: &token)
            }
            return token
        }
        lexNormal(into: &token)
        return token
    }

    // MARK: - Trivia

    private mutating func skipTrivia() {
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\t"):
                indentWidth = min(indentWidth, 1 << 20) / 8 * 8 + 8
                offset += 1
            case UInt8(ascii: " "), UInt8(ascii: "\r"), 0x0B, 0x0C:
                indentWidth = min(indentWidth, 1 << 20) + 1
                offset += 1
            case UInt8(ascii: "\n"):
                sawLineBreak = true
                indentWidth = 0
                offset += 1
            case UInt8(ascii: "#"):
                skipToEndOfLine()
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                skipToEndOfLine()
            case 0xC2 where peek(1) == 0xA0:  // no-break space, common in pasted text
                indentWidth = min(indentWidth, 1 << 20) + 1
                offset += 2
            default:
                return
            }
        }
    }

    private mutating func skipToEndOfLine() {
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
    }

    private func peek(_ distance: Int) -> UInt8? {
        let index = offset + distance
        return index < bytes.count ? bytes[index] : nil
    }

    // MARK: - Tokens

    private mutating func lexNormal(into token: inout Token) {
        let byte = bytes[offset]
        if Lexer.closingQuote(bytes, at: offset) != nil {
            lexString(into: &token)
            return
        }
        if Lexer.isWordStart(byte) {
            offset += 1
            while offset < bytes.count, Lexer.isWordContinue(bytes[offset]) { offset += 1 }
            finish(&token, .word)
            return
        }
        if Lexer.isDigit(byte) {
            lexNumberOrDate(into: &token)
            return
        }
        offset += 1
        switch byte {
        case UInt8(ascii: "`"):
            lexQuotedName(into: &token)
            return
        case UInt8(ascii: "="):
            if peek(0) == UInt8(ascii: "=") { offset += 1 }
            finish(&token, .equal)
        case UInt8(ascii: "!"):
            if peek(0) == UInt8(ascii: "=") {
                offset += 1
                finish(&token, .notEqual)
            } else {
                finish(&token, .unknown)
            }
        case UInt8(ascii: "<"):
            if peek(0) == UInt8(ascii: "=") {
                offset += 1
                finish(&token, .lessEqual)
            } else if peek(0) == UInt8(ascii: ">") {
                offset += 1
                finish(&token, .notEqual)
            } else {
                finish(&token, .less)
            }
        case UInt8(ascii: ">"):
            if peek(0) == UInt8(ascii: "=") {
                offset += 1
                finish(&token, .greaterEqual)
            } else {
                finish(&token, .greater)
            }
        case UInt8(ascii: "+"): finish(&token, .plus)
        case UInt8(ascii: "-"): finish(&token, .minus)
        case UInt8(ascii: "*"): finish(&token, .star)
        case UInt8(ascii: "/"): finish(&token, .slash)
        case UInt8(ascii: "("): finish(&token, .leftParen)
        case UInt8(ascii: ")"): finish(&token, .rightParen)
        case UInt8(ascii: ","): finish(&token, .comma)
        case UInt8(ascii: "|"):
            // `||` is a habit from SQL and C; the parser suggests `or`.
            if peek(0) == UInt8(ascii: "|") {
                offset += 1
                finish(&token, .unknown)
            } else {
                finish(&token, .pipe)
            }
        case UInt8(ascii: ";"): finish(&token, .semicolon)
        case UInt8(ascii: "."): finish(&token, .dot)
        default:
            // Swallow a whole UTF-8 sequence so one bad character is one token.
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            if byte == UInt8(ascii: "&"), peek(0) == UInt8(ascii: "&") { offset += 1 }
            finish(&token, .unknown)
        }
    }

    private mutating func finish(_ token: inout Token, _ kind: TokenKind) {
        token.kind = kind
        token.end = offset
    }

    /// `42`, `3.5`, `1e6`, `1_000`, or a date `2025-03-01`.
    private mutating func lexNumberOrDate(into token: inout Token) {
        let start = offset
        if isDate(at: start) {
            offset += 10
            finish(&token, .date)
            return
        }
        while offset < bytes.count, Lexer.isDigit(bytes[offset]) || bytes[offset] == UInt8(ascii: "_") {
            offset += 1
        }
        if peek(0) == UInt8(ascii: "."), let after = peek(1), Lexer.isDigit(after) {
            offset += 1
            while offset < bytes.count, Lexer.isDigit(bytes[offset]) || bytes[offset] == UInt8(ascii: "_") {
                offset += 1
            }
        }
        if let e = peek(0), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var probe = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { probe = 2 }
            if let digit = peek(probe), Lexer.isDigit(digit) {
                offset += probe
                while offset < bytes.count, Lexer.isDigit(bytes[offset]) { offset += 1 }
            }
        }
        // `3abc` is one bad token, not a number followed by a word.
        if offset < bytes.count, Lexer.isWordStart(bytes[offset]) {
            while offset < bytes.count, Lexer.isWordContinue(bytes[offset]) { offset += 1 }
            finish(&token, .word)
            return
        }
        finish(&token, .number)
    }

    private func isDate(at start: Int) -> Bool {
        guard start + 10 <= bytes.count else { return false }
        for index in 0..<10 {
            let byte = bytes[start + index]
            if index == 4 || index == 7 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !Lexer.isDigit(byte) {
                return false
            }
        }
        if start + 10 < bytes.count, Lexer.isWordContinue(bytes[start + 10]) { return false }
        return true
    }

    private mutating func lexString(into token: inout Token) {
        guard let (openLength, closers) = Lexer.closingQuote(bytes, at: offset) else { return }
        offset += openLength
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\\"), offset + 1 < bytes.count {
                offset += 2
                continue
            }
            if let closeLength = Lexer.matches(bytes, at: offset, anyOf: closers) {
                offset += closeLength
                finish(&token, .string)
                return
            }
            if byte == UInt8(ascii: "\n"), !stringsSpanLines { break }
            offset += 1
        }
        finish(&token, .string)
        token.isUnterminated = true
    }

    private mutating func lexQuotedName(into token: inout Token) {
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "`") {
                offset += 1
                finish(&token, .quotedName)
                return
            }
            offset += 1
        }
        finish(&token, .quotedName)
        token.isUnterminated = true
    }

    private mutating func lexPath(into token: inout Token) {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ";")
            {
                break
            }
            offset += 1
        }
        finish(&token, .path)
    }

    // MARK: - Character classes

    package static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Letters, `_`, and any non-ASCII byte (so `pays_région` or `名前` are words). Curly quotes
    /// and the no-break space are excluded: they are quotes and space here.
    package static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "_")
            || byte >= 0x80
    }

    package static func isWordContinue(_ byte: UInt8) -> Bool {
        isWordStart(byte) || isDigit(byte)
    }

    // Curly quotes, as pasted from word processors: “ ” ‘ ’
    private static let leftDouble: [UInt8] = [0xE2, 0x80, 0x9C]
    private static let rightDouble: [UInt8] = [0xE2, 0x80, 0x9D]
    private static let leftSingle: [UInt8] = [0xE2, 0x80, 0x98]
    private static let rightSingle: [UInt8] = [0xE2, 0x80, 0x99]

    /// If a string opens at `offset`: the opening quote's length and the quotes that close it.
    package static func closingQuote(_ bytes: [UInt8], at offset: Int) -> (Int, [[UInt8]])? {
        switch bytes[offset] {
        case UInt8(ascii: "\""): return (1, [[UInt8(ascii: "\"")]])
        case UInt8(ascii: "'"): return (1, [[UInt8(ascii: "'")]])
        case 0xE2:
            if matches(bytes, at: offset, anyOf: [leftDouble]) != nil {
                return (3, [rightDouble, leftDouble, [UInt8(ascii: "\"")]])
            }
            if matches(bytes, at: offset, anyOf: [leftSingle]) != nil {
                return (3, [rightSingle, [UInt8(ascii: "'")]])
            }
            return nil
        default:
            return nil
        }
    }

    package static func matches(_ bytes: [UInt8], at offset: Int, anyOf candidates: [[UInt8]]) -> Int? {
        for candidate in candidates where offset + candidate.count <= bytes.count {
            var equal = true
            for (index, byte) in candidate.enumerated() where bytes[offset + index] != byte {
                equal = false
                break
            }
            if equal { return candidate.count }
        }
        return nil
    }
}
