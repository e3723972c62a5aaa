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

/// Patterns that take a backtracking engine exponential time must finish fast here.
/// The bounds are loose (debug builds, a busy 2-core machine); the figures are printed.
@Suite("Linear time")
struct LinearTimeTests {
    @Test(arguments: [
        ("^(\\w+\\s?)*$", String(repeating: "hello world ", count: 833) + "!", false),
        ("(a*)*b", String(repeating: "a", count: 10_000), false),
        ("(a|a)*c", String(repeating: "a", count: 10_000), false),
        ("(x+x+)+y", String(repeating: "x", count: 10_000), false),
        ("^(a+)+$", String(repeating: "a", count: 10_000) + "b", false),
        ("(.*a){12}", String(repeating: "a", count: 5_000) + "b", true),
        ("^(\\w+\\s?)*$", String(repeating: "hello world ", count: 833), true),
    ] as [(String, String, Bool)])
    func pathologicalPatternsFinishFast(pattern: String, text: String, expected: Bool) throws {
        let regex = try LinearRegex(pattern)
        var found: Bool?
        var groups: [Range<Int>?]??
        let matchTime = try seconds { found = try regex.matches(text) }
        let captureTime = try seconds { groups = try regex.firstMatch(text) }
        print("pathological \(pattern) on \(text.utf8.count) bytes: matches \(ms(matchTime)), firstMatch \(ms(captureTime))")
        #expect(found == expected)
        #expect((groups.flatMap { $0 } != nil) == expected)
        #expect(matchTime < 2 && captureTime < 2)
    }

    @Test func megabyteTextIsQuick() throws {
        let line = "The quick brown fox jumps over the lazy dog, 12345 times; résumé naïve 中文.\n"
        let text = String(repeating: line, count: 1_000_000 / line.utf8.count + 1)
        for (pattern, expected) in [
            ("zebra\\d+", false),                    // literal first byte: memchr prefilter
            ("\\b[A-Z]\\w+ \\d{6}\\b", false),        // no prefilter help until the end
            ("(?i)DOGS?\\W+\\d+ X", false),           // case-insensitive
            ("([a-z]+)@([a-z]+)\\.com", false),        // many candidate starts
            ("中文\\.\\n$", true),
        ] {
            let regex = try LinearRegex(pattern)
            var found: Bool?
            let time = try seconds { found = try regex.matches(text) }
            let captureTime = try seconds { _ = try regex.firstMatch(text) }
            print("1 MB: \(pattern): matches \(ms(time)), firstMatch \(ms(captureTime))")
            #expect(found == expected, "\(pattern)")
            #expect(time < 10 && captureTime < 10, "\(pattern)")
        }
    }

    @Test func cancellationIsPolledAndStopsMatching() throws {
        let regex = try LinearRegex("(x+x+)+y")
        let text = String(repeating: "x", count: 200_000)
        var polls = 0
        #expect(throws: RegexInterrupted.self) {
            _ = try regex.matches(text, cancelled: {
                polls += 1
                return polls == 3
            })
        }
        #expect(polls == 3)
        #expect(throws: RegexInterrupted.self) { _ = try regex.firstMatch(text, cancelled: { true }) }
        // Never cancelled: runs to the end.
        #expect(try regex.matches(text, cancelled: { false }) == false)
    }

    @Test func largestAllowedProgramsStillMatch() throws {
        let regex = try LinearRegex("(?:[a-z]{1,100}){1,45}x")
        let text = String(repeating: "ab", count: 500)
        var found: Bool?
        let time = try seconds { found = try regex.matches(text) }
        print("9,000-instruction program on 1,000 bytes: \(ms(time))")
        #expect(found == false)
        #expect(time < 20)
    }

    @Test func manyGroupsWithCaptures() throws {
        let pattern = String(repeating: "(a?)", count: 100) + "b"
        let regex = try LinearRegex(pattern)
        let text = String(repeating: "a", count: 1_000) + "b"
        var groups: [Range<Int>?]?
        let time = try seconds { groups = try regex.firstMatch(text) }
        print("100 groups on 1,001 bytes: \(ms(time))")
        #expect(groups?.count == 101)
        #expect(groups?[0] == 900..<1_001)
    }

    private func ms(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10) ms"
    }
}
