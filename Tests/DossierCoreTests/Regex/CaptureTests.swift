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

@Suite("Captures")
struct CaptureTests {
    @Test func groupsReportByteRanges() throws {
        #expect(try spans("(a+)(b*)", "xaab") == [[1, 4], [1, 3], [3, 4]])
        #expect(try spans("(?<year>\\d{4})-(\\d\\d)", "on 2024-05-01") == [[3, 10], [3, 7], [8, 10]])
        #expect(try spans("(é)(中)(😀)", "xé中😀") == [[1, 10], [1, 3], [3, 6], [6, 10]])
    }

    @Test func groupsThatDoNotTakePartAreNil() throws {
        #expect(try groups("(a)|(b)", "b") == ["b", nil, "b"])
        #expect(try groups("(a)?b", "b") == ["b", nil])
        #expect(try groups("(a){0}b", "ab") == ["b", nil])
        #expect(try groups("x(y)?", "xz") == ["x", nil])
    }

    @Test func emptyGroupsAreEmptyRangesNotNil() throws {
        #expect(try spans("()", "abc") == [[0, 0], [0, 0]])
        #expect(try spans("a(b*)c", "ac") == [[0, 2], [1, 1]])
    }

    @Test func repeatedGroupsReportTheirLastIteration() throws {
        #expect(try groups("(\\w)+", "abc") == ["abc", "c"])
        #expect(try groups("(?:(a)|b)+", "ab") == ["ab", "a"])
        #expect(try groups("(?:(a)|(b))+", "ab") == ["ab", "a", "b"])
        #expect(try groups("(a|b)*c", "abac") == ["abac", "a"])
    }

    @Test func prioritiesFollowPerl() throws {
        #expect(try groups("(a|ab)(c|bcd)(d*)", "abcd") == ["abcd", "a", "bcd", ""])
        #expect(try groups("(a*)(a*)", "aaa") == ["aaa", "aaa", ""])
        #expect(try groups("(a*?)(a*)", "aaa") == ["aaa", "", "aaa"])
        #expect(try groups("(a+?)(a*)", "aaa") == ["aaa", "a", "aa"])
        #expect(try groups("(.*)-(.*)", "a-b-c") == ["a-b-c", "a-b", "c"])
        #expect(try groups("(.*?)-(.*)", "a-b-c") == ["a-b-c", "a", "b-c"])
        #expect(try groups("(a|b)*?b", "aab") == ["aab", "a"])
    }

    /// Python and Perl stop a loop after an iteration that matched empty and
    /// keep its captures; RE2 gives different answers for all of these.
    @Test func emptyIterationsFollowPython() throws {
        #expect(try groups("(a*)*", "b") == ["", ""])
        #expect(try groups("(a*)*", "aab") == ["aa", ""])
        #expect(try groups("(a*)+", "aab") == ["aa", ""])
        #expect(try groups("(|a)*", "aa") == ["", ""])
        #expect(try groups("(|a)+", "aa") == ["", ""])
        #expect(try groups("(a|)*?b", "aab") == ["aab", "a"])
        #expect(try groups("(x?|bc){0,2}1", "bc1") == ["bc1", ""])
        #expect(try groups("(?:(a*)(b*))*c", "aabbabc") == ["aabbabc", "", ""])
        #expect(try groups("((a*)*)*", "aab") == ["aa", "", ""])
        #expect(try groups("(a{0,2}){2,}", "aaaaa") == ["aaaaa", ""])
    }

    @Test func namedGroupsAreNumberedInOrder() throws {
        let regex = try LinearRegex("(?<user>\\w+)@(?P<host>[\\w.]+)")
        #expect(regex.captureNames == ["user", "host"])
        #expect(try regex.captures(in: "mail bob@example.org now") == ["bob@example.org", "bob", "example.org"])
    }

    @Test func extractTakesTheFirstGroup() throws {
        // What `extract(x, "regex")` will do.
        let regex = try LinearRegex("id=(\\d+)")
        #expect(try regex.captures(in: "name=x id=42 id=7")?[1] == "42")
        #expect(try regex.captures(in: "name=x") == nil)
    }

    @Test func bufferAndStringEntryPointsAgree() throws {
        let regex = try LinearRegex("(b+)(c)?")
        let text = "abbbd"
        let fromBuffer = try Array(text.utf8).withUnsafeBufferPointer { try regex.firstMatch($0) }
        #expect(fromBuffer == (try regex.firstMatch(text)))
        #expect(fromBuffer == [1..<4, 1..<4, nil])
    }
}
