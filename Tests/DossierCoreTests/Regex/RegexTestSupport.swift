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

/// The texts of the whole match and each group, or nil when there is no match.
func groups(_ pattern: String, _ text: String) throws -> [String?]? {
    try LinearRegex(pattern).captures(in: text)
}

/// The whole match's text, or nil.
func match(_ pattern: String, _ text: String) throws -> String? {
    try groups(pattern, text)?[0] ?? nil
}

/// Whether `pattern` matches anywhere in `text`, checked through both entry points.
func matches(_ pattern: String, _ text: String) throws -> Bool {
    let regex = try LinearRegex(pattern)
    let yes = try regex.matches(text)
    #expect(yes == (try regex.firstMatch(text) != nil), "matches and firstMatch disagree on \(pattern)")
    return yes
}

/// The byte spans of the whole match and groups, each as [start, end]; nil for no match.
func spans(_ pattern: String, _ text: String) throws -> [[Int]?]? {
    try LinearRegex(pattern).firstMatch(text)?.map { $0.map { [$0.lowerBound, $0.upperBound] } }
}

/// The whole match's byte span as [start, end], or nil.
func firstSpan(_ pattern: String, _ text: String) throws -> [Int]? {
    try spans(pattern, text)?[0] ?? nil
}

/// Runs `body` over raw bytes (which need not be valid UTF-8).
func withBytes<T>(_ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
    try bytes.withUnsafeBufferPointer(body)
}

/// The compile error for `pattern`, or nil when it compiles.
func syntaxError(_ pattern: String) -> RegexSyntaxError? {
    do {
        _ = try LinearRegex(pattern)
        return nil
    } catch {
        return error
    }
}

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
