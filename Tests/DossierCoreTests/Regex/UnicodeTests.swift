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
import Testing

@Suite("UTF-8 and Unicode")
struct UnicodeTests {
    @Test func multiByteScalarsAreSingleUnits() throws {
        #expect(try firstSpan("^.{3}$", "é中😀") == [0, 9])
        #expect(try matches("^.{4}$", "é中😀") == false)
        #expect(try firstSpan("中+", "a中中b") == [1, 7])
        #expect(try firstSpan("😀", "ab😀") == [2, 6])
        #expect(try match("[😀-😂]+", "x😁😂y") == "😁😂")
        #expect(try match("[^a]", "é") == "é")
    }

    @Test func matchesNeverStartInsideAScalar() throws {
        // U+00E9 is C3 A9 and U+00C3 is C3 83: a byte-level search for "é" could be fooled, this must not.
        #expect(try firstSpan("\\u{A9}", "é©") == [2, 4])
        #expect(try firstSpan("[\\x80-\\xFF]", "中é") == [3, 5])
    }

    @Test func nonEnglishWords() throws {
        #expect(try match("\\w+", "¿Qué tal?") == "Qué")
        #expect(try match("\\w+", "— привет") == "привет")
        #expect(try match("\\w+", "«東京都»") == "東京都")
        #expect(try match("\\w+", "नमस्ते!") == "नमस्ते")  // combining marks are part of words
        #expect(try match("\\bcafe\u{301}\\b", "un cafe\u{301} noir") == "cafe\u{301}")
        #expect(try match("\\W+", "😀🎉a") == "😀🎉")
    }

    @Test func invalidUTF8ReadsAsReplacementCharacters() throws {
        let regex = try LinearRegex("a(.)b")
        for bad: UInt8 in [0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF] {
            let result = try withBytes([0x61, bad, 0x62]) { try regex.firstMatch($0) }
            #expect(result == [0..<3, 1..<2], "byte \(bad)")
        }
        // A truncated sequence: each stray byte is one U+FFFD.
        #expect(try withBytes([0x61, 0xE4, 0xB8, 0x62]) { try LinearRegex("a..b").matches($0) })
        // An overlong encoding of "/" and an encoded surrogate are not those scalars.
        #expect(try withBytes([0xC0, 0xAF]) { try LinearRegex("/").matches($0) } == false)
        #expect(try withBytes([0xED, 0xA0, 0x80]) { try LinearRegex("^.{3}$").matches($0) })
        #expect(try withBytes([0xFF, 0xFE]) { try LinearRegex("^\\u{FFFD}+$").matches($0) })
        // The prefilter must also stop at stray bytes read as U+FFFD.
        #expect(try withBytes([0x61, 0x61, 0xFF]) { try LinearRegex("\\u{FFFD}").firstMatch($0) } == [2..<3])
    }

    @Test func truncatedSequencesAtTheEndDoNotReadPastTheBuffer() throws {
        for tail: [UInt8] in [[0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xF0], [0xE4]] {
            let bytes: [UInt8] = [0x61] + tail
            #expect(try withBytes(bytes) { try LinearRegex("a.+$").firstMatch($0) } == [0..<bytes.count])
            #expect(try withBytes(bytes) { try LinearRegex("\\b.\\b").matches($0) })
        }
    }

    @Test func randomBytesNeverCrash() throws {
        var generator = SystemRandomNumberGenerator()
        let patterns = try ["(a|\\w+)*\\b", "[^x]+$", "(?i)é.", "\\B.", "(.)(.)?", "\\u{FFFD}{2}", "[é-ü]"].map { try LinearRegex($0) }
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for regex in patterns {
                let found = try withBytes(bytes) { try regex.firstMatch($0) }
                let yes = try withBytes(bytes) { try regex.matches($0) }
                #expect((found != nil) == yes)
                for range in found ?? [] { #expect(range.map { $0.upperBound <= bytes.count } ?? true) }
            }
        }
    }

    @Test func unicodePatternsAndEscapesAgree() throws {
        #expect(try match("\\u{4E2D}\\u6587", "中文") == "中文")
        #expect(try match("\\x{1F600}", "😀") == "😀")
        #expect(try match("[\\u{4E00}-\\u{9FFF}]+", "ab中文cd") == "中文")
    }
}
