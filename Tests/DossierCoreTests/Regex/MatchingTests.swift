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

@Suite("Constructs")
struct MatchingTests {
    @Test func literalsMatchAnywhere() throws {
        #expect(try match("bc", "abcd") == "bc")
        #expect(try match("x", "abcd") == nil)
        #expect(try match("abcd", "abc") == nil)
        #expect(try firstSpan("cd", "abcd") == [2, 4])
    }

    @Test func emptyPatternAndEmptyText() throws {
        #expect(try firstSpan("", "abc") == [0, 0])
        #expect(try firstSpan("", "") == [0, 0])
        #expect(try matches("a", "") == false)
        #expect(try matches("a*", "") == true)
        #expect(try matches("^$", "") == true)
        #expect(try matches("^$", "a") == false)
        #expect(try firstSpan("x*", "abc") == [0, 0])
        #expect(try firstSpan("|a", "a") == [0, 0])
    }

    @Test func dotMatchesAnyScalarButNewline() throws {
        #expect(try match("a.c", "abc") == "abc")
        #expect(try match("a.c", "a\nc") == nil)
        #expect(try match("(?s)a.c", "a\nc") == "a\nc")
        #expect(try match("a.c", "a中c") == "a中c")
        #expect(try match("^.$", "😀") == "😀")
    }

    @Test func classes() throws {
        #expect(try match("[abc]+", "xxbcaz") == "bca")
        #expect(try match("[a-c0-2]+", "zzb1c9") == "b1c")
        #expect(try match("[^a-c]+", "abxyzc") == "xyz")
        #expect(try match("[]a]+", "x]a]") == "]a]")
        #expect(try match("[^]a]+", "]]xy") == "xy")
        #expect(try match("[a-]+", "x-a-") == "-a-")
        #expect(try match("[-a]+", "x-a-") == "-a-")
        #expect(try match("[\\]\\[\\-\\\\]+", "x[]-\\y") == "[]-\\")
        #expect(try match("[\\d.]+", "v1.25x") == "1.25")
        #expect(try match("[\\w-]+", "  foo-bar_1 ") == "foo-bar_1")
        #expect(try match("[^\\s]+", "  hi  ") == "hi")
        #expect(try match("[\\D]+", "12ab34") == "ab")
        #expect(try match("[\\n\\t]+", "a\t\nb") == "\t\n")
        #expect(try match("[\\x41-\\x43]+", "xABCD") == "ABC")
        #expect(try match("[\\u{e9}\\u00e8]+", "xéèy") == "éè")
        #expect(try match("[[]+", "a[[b") == "[[")
        #expect(try match("[é-ë]+", "aéêëì") == "éêë")
        #expect(try match("[^a]", "a") == nil)
    }

    @Test func shorthands() throws {
        #expect(try match("\\d+", "ab123c") == "123")
        #expect(try match("\\D+", "12ab3") == "ab")
        #expect(try match("\\w+", "  héllo_wörld9 ") == "héllo_wörld9")
        #expect(try match("\\W+", "ab, cd") == ", ")
        #expect(try match("\\s+", "a \t\r\n\u{0B}\u{0C}b") == " \t\r\n\u{0B}\u{0C}")
        #expect(try match("\\S+", "  ab  ") == "ab")
        #expect(try match("\\s", "a\u{A0}b") == "\u{A0}")
        #expect(try match("\\d", "٣") == nil)  // \d is ASCII only
    }

    @Test func escapes() throws {
        #expect(try match("\\.\\\\\\/\\(\\)\\[\\]\\{\\}\\*\\+\\?\\|\\^\\$\\-", ".\\/()[]{}*+?|^$-") != nil)
        #expect(try match("a\\nb\\tc\\rd", "a\nb\tc\rd") != nil)
        #expect(try match("\\x41\\x{42}\\u0043\\u{44}\\u{1F600}", "ABCD😀") == "ABCD😀")
        #expect(try match("\\f\\v", "\u{0C}\u{0B}") != nil)
        #expect(try match("\\#\\&\\~\\ \\'\\\"\\<\\>", "#&~ '\"<>") != nil)
        #expect(try match("\\é", "é") == "é")
    }

    @Test func anchors() throws {
        #expect(try matches("^ab", "abc") == true)
        #expect(try matches("^bc", "abc") == false)
        #expect(try matches("bc$", "abc") == true)
        #expect(try matches("ab$", "abc") == false)
        #expect(try matches("c$", "abc\n") == false)  // $ is the very end, not before a final newline
        #expect(try matches("\\Aab", "abc") == true)
        #expect(try matches("\\Abc", "abc") == false)
        #expect(try matches("bc\\z", "abc") == true)
        #expect(try matches("bc\\Z", "abc") == true)
        #expect(try matches("b\\z", "abc") == false)
        #expect(try matches("a^b", "ab") == false)
        #expect(try match("^a|b", "cab") == "b")
    }

    @Test func multilineAnchors() throws {
        #expect(try match("(?m)^b.*$", "a\nbc\nd") == "bc")
        #expect(try match("^b", "a\nb") == nil)
        #expect(try match("(?m)a$", "a\nb") == "a")
        #expect(try match("(?m)\\Ab", "a\nb") == nil)
        #expect(try firstSpan("(?m)$", "ab\n") == [2, 2])
    }

    @Test func wordBoundaries() throws {
        #expect(try match("\\bcat\\b", "concat cat") == "cat")
        #expect(try firstSpan("\\bcat\\b", "concat cat") == [7, 10])
        #expect(try matches("\\bcat\\b", "concatenate") == false)
        #expect(try match("\\Bcat", "concat") == "cat")
        #expect(try matches("\\Bcat", "cat") == false)
        #expect(try match("\\b\\w+\\b", "  héllo ") == "héllo")
        #expect(try firstSpan("\\b", "") == nil)
        #expect(try firstSpan("\\B", "") == [0, 0])
        #expect(try firstSpan("\\b", "ab") == [0, 0])
        #expect(try match("é\\b", "café!") == "é")
        #expect(try match("\\b中", "x 中文") == "中")
    }

    @Test func alternationIsLeftmostFirst() throws {
        #expect(try match("a|ab", "ab") == "a")
        #expect(try match("ab|a", "ab") == "ab")
        #expect(try match("cat|dog", "hotdog") == "dog")
        #expect(try match("x(a|b|c)+y", "xabcbay") == "xabcbay")
        #expect(try match("(?:foo|foobar)bar", "foobarbar") == "foobar")
        #expect(try match("a|", "b") == "")
    }

    @Test func quantifiers() throws {
        #expect(try match("ab*", "abbbc") == "abbb")
        #expect(try match("ab+", "ac") == nil)
        #expect(try match("ab+", "abbc") == "abb")
        #expect(try match("ab?c", "ac") == "ac")
        #expect(try match("a{3}", "aaaa") == "aaa")
        #expect(try match("a{2,}", "aaaa") == "aaaa")
        #expect(try match("a{2,3}", "aaaa") == "aaa")
        #expect(try match("a{,2}", "aaa") == "aa")
        #expect(try match("a{0}b", "ab") == "b")
        #expect(try match("a{2}", "a") == nil)
        #expect(try match("(?:ab){2}", "abababx") == "abab")
        #expect(try match("[ab]{2,3}c", "abbac") == "bbac")
    }

    @Test func lazyQuantifiers() throws {
        #expect(try match("ab*?", "abbb") == "a")
        #expect(try match("ab+?", "abbb") == "ab")
        #expect(try match("ab??", "ab") == "a")
        #expect(try match("a{2,4}?", "aaaa") == "aa")
        #expect(try match("a{2,}?", "aaaa") == "aa")
        #expect(try match("<.+?>", "<a><b>") == "<a>")
        #expect(try match("<.+>", "<a><b>") == "<a><b>")
        #expect(try match("a.*?b", "axxbyyb") == "axxb")
        #expect(try match("a{,3}?b", "aab") == "aab")  // leftmost start wins over laziness
    }

    @Test func groups() throws {
        #expect(try match("(ab)+", "xababy") == "abab")
        #expect(try match("(?:a|b)+", "xabbay") == "abba")
        #expect(try LinearRegex("(a)(?:b)(?<n>c)(?P<m>d)").captureCount == 3)
        #expect(try LinearRegex("(a)(?:b)(?<n>c)(?P<m>d)").captureNames == [nil, "n", "m"])
        #expect(try LinearRegex("abc").captureCount == 0)
        #expect(try match("a(?#a comment)b", "ab") == "ab")
    }

    @Test func caseInsensitivity() throws {
        #expect(try match("(?i)hello", "Say HeLLo") == "HeLLo")
        #expect(try match("(?i)[a-c]+", "xAbCz") == "AbC")
        #expect(try match("(?i)[A-C]+", "xabcz") == "abc")
        #expect(try match("(?i)[^a]+", "AaBb") == "Bb")
        #expect(try match("(?i)\\w+", "ÄÖ") == "ÄÖ")
        #expect(try match("a(?i)b", "aB") == "aB")
        #expect(try match("a(?i)b", "AB") == nil)
        #expect(try match("(?i:a)b", "Ab") == "Ab")
        #expect(try match("(?i:a)b", "AB") == nil)
        #expect(try match("(a(?i)b)c", "aBc") == "aBc")
        #expect(try match("(a(?i)b)c", "aBC") == nil)  // the flag ends with its group
        #expect(try match("(?i)a(?-i)b", "Ab") == "Ab")
        #expect(try match("(?i)a(?-i)b", "AB") == nil)
        #expect(try match("(?i)a|b", "B") == "B")
    }

    @Test func unicodeCaseInsensitivity() throws {
        #expect(try match("(?i)ÉCOLE", "école") == "école")
        #expect(try match("(?i)straße", "STRAßE") == "STRAßE")
        #expect(try match("(?i)σ", "Σ") == "Σ")
        #expect(try match("(?i)Σ", "ς") == "ς")  // final sigma: same uppercase
        #expect(try match("(?i)ж+", "ЖжЖ") == "ЖжЖ")
        #expect(try match("(?i)k", "\u{212A}") == "\u{212A}")  // Kelvin sign lowercases to k
        #expect(try match("(?i)[k]", "\u{212A}") == "\u{212A}")
        #expect(try match("(?i)[à-ä]+", "ÀÄá") == "ÀÄá")
        #expect(try match("(?i)中", "中") == "中")
        #expect(try match("é", "É") == nil)
    }
}
