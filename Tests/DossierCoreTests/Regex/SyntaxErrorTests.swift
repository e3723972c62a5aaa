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

@Suite("Syntax errors")
struct SyntaxErrorTests {
    /// Each pattern, the byte range its error points at, and a word the message must contain.
    @Test(arguments: [
        ("a)", 1..<2, "unbalanced"),
        ("(ab", 0..<1, "missing ')'"),
        ("x(a(b)", 1..<2, "missing ')'"),
        ("[abc", 0..<1, "missing ']'"),
        ("[]", 0..<1, "missing ']'"),
        ("*a", 0..<1, "nothing before it"),
        ("a|*", 2..<3, "nothing before it"),
        ("(*)", 1..<2, "nothing before it"),
        ("a**", 2..<3, "another quantifier"),
        ("a{2}{3}", 4..<7, "another quantifier"),
        ("a???", 3..<4, "another quantifier"),
        ("^*", 1..<2, "anchor"),
        ("\\b+", 2..<3, "anchor"),
        ("(?i)*", 4..<5, "nothing before it"),
        ("a*+", 1..<3, "possessive"),
        ("a{3,2}", 1..<6, "minimum above its maximum"),
        ("a{1001}", 1..<7, "above 1000"),
        ("[z-a]", 1..<4, "out of order"),
        ("[\\d-z]", 1..<4, "shorthand"),
        ("[a-\\d]", 1..<5, "shorthand"),
        ("\\q", 0..<2, "unknown escape"),
        ("ab\\", 2..<3, "lone backslash"),
        ("\\xZZ", 0..<2, "malformed escape"),
        ("\\x{}", 0..<4, "malformed escape"),
        ("\\u{110000}", 0..<10, "not a unicode scalar"),
        ("\\u{D800}", 0..<8, "not a unicode scalar"),
        ("\\u12", 0..<4, "malformed escape"),
        ("\\0", 0..<2, "octal"),
        ("\\p{L}", 0..<2, "property"),
        ("[[:alpha:]]", 1..<10, "posix"),
        ("[\\b]", 1..<3, "anchor"),
        ("(?x)a", 2..<3, "unknown flag"),
        ("(?)", 0..<3, "missing flag"),
        ("(?<1a>x)", 3..<4, "group name"),
        ("(?<a>x)(?<a>y)", 7..<12, "used twice"),
        ("(?<>x)", 0..<4, "empty"),
        ("(?<ab", 0..<5, "missing '>'"),
        ("(?#never closed", 0..<3, "comment"),
    ] as [(String, Range<Int>, String)])
    func errorPointsAtTheConstruct(pattern: String, range: Range<Int>, words: String) {
        guard let error = syntaxError(pattern) else {
            Issue.record("\(pattern) compiled")
            return
        }
        #expect(error.range == range, "\(pattern): \(error)")
        #expect(error.message.contains(words), "\(pattern): \(error)")
        #expect(error.message == error.message.lowercased() || error.message.contains("\\"), "\(error)")
    }

    @Test(arguments: [
        ("(a)\\1", "backreferences", 3..<5),
        ("(?P<x>a)(?P=x)", "backreferences", 8..<12),
        ("\\k<x>", "backreferences", 0..<2),
        ("a(?=b)", "lookahead", 1..<4),
        ("a(?!b)", "lookahead", 1..<4),
        ("(?<=a)b", "lookbehind", 0..<4),
        ("(?<!a)b", "lookbehind", 0..<4),
        ("(?>a+)", "atomic", 0..<3),
        ("(?R)", "recursive", 0..<3),
        ("(?(1)a|b)", "conditional", 0..<3),
    ] as [(String, String, Range<Int>)])
    func unsupportedConstructsAreNamedAndExplained(pattern: String, construct: String, range: Range<Int>) {
        guard let error = syntaxError(pattern) else {
            Issue.record("\(pattern) compiled")
            return
        }
        #expect(error.message.hasPrefix(construct), "\(error)")
        #expect(error.message.contains("not supported"), "\(error)")
        #expect(error.range == range, "\(error)")
    }

    @Test func backreferenceMessageSaysWhy() {
        #expect(syntaxError("(a)\\1")?.message
            == "backreferences such as '\\1' are not supported: they can make matching take exponential time")
    }

    @Test func messagesQuoteControlCharactersAsEscapes() {
        #expect(syntaxError("[\n-\t]")?.message == "the class range '\\n-\\t' is out of order")
        #expect(syntaxError("[\u{1}-\u{0}]")?.message == "the class range '\\u{1}-\\u{0}' is out of order")
    }

    @Test func errorRangesAreInBytesOfMultiByteText() {
        // "é" is 2 bytes and "中" 3, so the stray ')' is at byte 5.
        #expect(syntaxError("é中)")?.range == 5..<6)
        #expect(syntaxError("中[z-a]")?.range == 4..<7)
    }

    @Test func literalBracesThatAreNotCountsAreAccepted() throws {
        #expect(try match("a{", "a{") == "a{")
        #expect(try match("{x}", "{x}") == "{x}")
        #expect(try match("a{}", "a{}") == "a{}")
        #expect(try match("a{,}", "aaa") == "aaa")  // as in Python: {0,}
        #expect(try match("x{1,2", "x{1,2") == "x{1,2")
    }

    @Test func tooLargeProgramsAreRefusedNotBuilt() {
        for pattern in ["(a{1000}){1000}", "((a{100}){100}){100}", "(?:[a-z]{1000}){11}", "(((a{1000}){1000}){1000}){1000}"] {
            let error = syntaxError(pattern)
            #expect(error?.message.hasPrefix("this pattern is too large") == true, "\(pattern)")
        }
        #expect(syntaxError("a{1000}") == nil)
    }

    @Test func nestingDepthIsBounded() {
        let ok = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(syntaxError(ok) == nil)
        let deep = String(repeating: "(", count: 101) + "a" + String(repeating: ")", count: 101)
        #expect(syntaxError(deep)?.message.contains("nested more than 100 deep") == true)
        #expect(syntaxError(deep)?.range == 100..<101)
        let veryDeep = String(repeating: "(?:", count: 100_000)
        #expect(syntaxError(veryDeep)?.message.contains("too large") == true)
    }

    @Test func captureGroupCountIsBounded() {
        #expect(syntaxError(String(repeating: "(a)", count: 100)) == nil)
        #expect(syntaxError(String(repeating: "(a)", count: 101))?.range == 300..<301)
    }
}
