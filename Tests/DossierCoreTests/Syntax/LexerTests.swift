import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierEngine
@testable import DossierOutput
@testable import DossierSession
@testable import DossierCompletion

@Suite struct LexerTests {
    private func tokens(_ text: String) -> [(TokenKind, String)] {
        let source = SourceText(text)
        var lexer = Lexer(source)
        var result: [(TokenKind, String)] = []
        while true {
            let token = lexer.next()
            if token.kind == .endOfInput { break }
            result.append((token.kind, source.text(token.range)))
        }
        return result
    }

    @Test func wordsNumbersDatesAndOperators() {
        let found = tokens("people >= 1_000 and month != 2025-03-01 or x <> 3.5e2")
        #expect(found.map(\.0) == [.word, .greaterEqual, .number, .word, .word, .notEqual, .date, .word, .word, .notEqual, .number])
        #expect(found.map(\.1) == ["people", ">=", "1_000", "and", "month", "!=", "2025-03-01", "or", "x", "<>", "3.5e2"])
    }

    @Test func stringsKeepTheirQuotesAndCanBeCurly() {
        let found = tokens(#"name = "Costa Rica" or name = 'Panama' or name = “Libya”"#)
        #expect(found.filter { $0.0 == .string }.map(\.1) == [#""Costa Rica""#, "'Panama'", "“Libya”"])
    }

    @Test func unterminatedStringRunsToTheEnd() {
        let source = SourceText(#"name = "Costa"#)
        var lexer = Lexer(source)
        _ = lexer.next()
        _ = lexer.next()
        let string = lexer.next()
        #expect(string.kind == .string)
        #expect(string.isUnterminated)
        #expect(string.end == source.bytes.count)
    }

    @Test func commentsAreSkipped() {
        #expect(tokens("countries # all of them\n-- a comment line\nsources").map(\.1) == ["countries", "sources"])
    }

    @Test func lineStartsAreMarked() {
        let source = SourceText("countries\n| count")
        var lexer = Lexer(source)
        #expect(lexer.next().isAtStartOfLine)
        let pipe = lexer.next()
        #expect(pipe.kind == .pipe && pipe.isAtStartOfLine)
        #expect(!lexer.next().isAtStartOfLine)
    }

    @Test func badBytesBecomeUnknownTokensAndLexingGoesOn() {
        let found = tokens("a && b $ c || d")
        #expect(found.map(\.0) == [.word, .unknown, .word, .unknown, .word, .unknown, .word])
        #expect(found[1].1 == "&&")
        #expect(found[5].1 == "||")
    }

    @Test func nonASCIIWordsAndBackticks() {
        let found = tokens("pays_région = `first name`")
        #expect(found.map(\.0) == [.word, .equal, .quotedName])
        #expect(found[0].1 == "pays_région")
    }

    @Test func pathModeTakesBytesToWhiteSpace() {
        let source = SourceText("load data/deals-2025.csv as deals")
        var lexer = Lexer(source)
        _ = lexer.next()
        let path = lexer.next(.path)
        #expect(path.kind == .path)
        #expect(source.text(path.range) == "data/deals-2025.csv")
        #expect(source.text(lexer.next().range) == "as")
    }

    @Test func everyInputTerminates() {
        // Random bytes, including invalid UTF-8: the lexer always reaches the end.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let source = SourceText(bytes: bytes)
            var lexer = Lexer(source)
            var steps = 0
            while lexer.next().kind != .endOfInput {
                steps += 1
                #expect(steps <= bytes.count)
                if steps > bytes.count { break }
            }
        }
    }
}
