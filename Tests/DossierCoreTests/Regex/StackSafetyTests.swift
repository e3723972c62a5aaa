#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

/// The parser uses no recursion and the compiler recurses a few frames per
/// nesting level (capped at 100), so even the deepest patterns compile and
/// match on a small thread stack: 128 KiB in a release build. Unoptimised
/// frames are about ten times larger, so debug builds get 1 MiB (threads on
/// Linux get 8 MiB by default; macOS gives secondary threads 512 KiB).
@Suite("Stack safety")
struct StackSafetyTests {
    static let deepPatterns: [String] = [
        String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100),
        String(repeating: "(?:a", count: 100) + String(repeating: ")*", count: 100),
        String(repeating: "(", count: 100) + "a*" + String(repeating: ")*", count: 100),
        String(repeating: "(?:x|", count: 100) + "y" + String(repeating: "){1,2}?", count: 100),
        String(repeating: "(?i:(?:", count: 50) + "\\b" + String(repeating: ")+)", count: 50),
        String(repeating: "(", count: 101) + String(repeating: ")", count: 101),
        String(repeating: "(", count: 100_000),
        String(repeating: "a**", count: 1),
        String(repeating: "[a", count: 100_000),
        String(repeating: "a|", count: 3_000),
        String(repeating: "(?:)*", count: 2_000),
    ]

    @Test func deepPatternsCompileAndMatchOnASmallStack() {
        let outcomes = OutcomeBox()
        #if DEBUG
        let stackSize = 1024 * 1024
        #else
        let stackSize = 128 * 1024
        #endif
        runOnThread(stackSize: stackSize) {
            for pattern in Self.deepPatterns {
                do {
                    let regex = try LinearRegex(pattern)
                    let found = try regex.firstMatch("aaaa xy")
                    outcomes.lines.append("ok \(pattern.utf8.count) \(found.map { _ in "match" } ?? "none")")
                } catch let error as RegexSyntaxError {
                    outcomes.lines.append("error \(error.message)")
                } catch {
                    outcomes.lines.append("interrupted")
                }
            }
        }
        #expect(outcomes.lines.count == Self.deepPatterns.count)
        for line in outcomes.lines { print("deep pattern: \(line.prefix(100))") }
        #expect(outcomes.lines[0].hasPrefix("ok"))
        #expect(outcomes.lines[5].contains("nested more than 100 deep"))
    }
}

/// Results written by the helper thread and read after it was joined.
private final class OutcomeBox: @unchecked Sendable {
    var lines: [String] = []
}

private final class ThreadBody: @unchecked Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// Runs `body` on a new thread with a `stackSize`-byte stack and waits for it to finish.
private func runOnThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(&thread, &attributes, { context in
        if let context { Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run() }
        return nil
    }, context)
    guard created == 0 else {
        Issue.record("pthread_create failed: \(created)")
        return
    }
    pthread_join(thread, nil)
}
