import DossierSupport
import DossierDiagnostics

/// A compiled regular expression whose matching time is linear in the text.
///
/// Unlike a backtracking engine (Swift's `Regex`, PCRE, Python's `re`), no
/// pattern can make matching slow: `^(\w+\s?)*$` on a long line that does not
/// match takes one pass. The price is refusing what needs backtracking:
/// backreferences, lookaround and atomic groups or possessive quantifiers.
///
/// Text is UTF-8 and is matched one Unicode scalar at a time; bytes that are not
/// valid UTF-8 read as U+FFFD. Offsets in results are UTF-8 byte offsets.
/// Matching semantics are Perl's and Python's: leftmost match, alternatives
/// tried left to right, greedy and lazy quantifiers as written.
///
/// Syntax: literals, `.`, `[...]` and `[^...]` classes with ranges and escapes,
/// `\d \D \w \W \s \S`, escapes `\n \t \r \f \v \xHH \x{H...} \uHHHH \u{H...}`
/// and escaped punctuation, anchors `^ $ \A \z \Z \b \B`, groups `(...)`,
/// `(?:...)`, `(?<name>...)`, `(?P<name>...)`, `|`, quantifiers
/// `* + ? {n} {n,} {n,m} {,m} {,}` and their lazy forms with a trailing `?`,
/// flags `(?i)`, `(?m)`, `(?s)`, `(?-i)` (until the end of the enclosing group)
/// and `(?i:...)`, comments `(?#...)`.
public struct LinearRegex: Sendable {
    private let program: RegexProgram

    /// Compiles `pattern`.
    ///
    /// Throws for malformed patterns and for constructs that would break the
    /// linear-time guarantee, with a lower-case message and the UTF-8 byte
    /// range of the offending part of the pattern. Patterns that would compile
    /// to more than 10,000 instructions, nest groups more than 100 deep, or have
    /// more than 100 capture groups are refused as too large.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        program = try RegexProgram(pattern: pattern)
    }

    /// The number of capture groups (not counting the whole match).
    public var captureCount: Int { program.captureNames.count }

    /// The names of capture groups 1...`captureCount` (nil for unnamed groups); element 0 is group 1.
    public var captureNames: [String?] { program.captureNames }

    /// Whether the pattern matches anywhere in `text` (UTF-8 bytes).
    ///
    /// `cancelled` is polled about every 65,536 steps of work; when it returns
    /// true, matching stops and throws `RegexInterrupted`.
    public func matches(
        _ text: UnsafeBufferPointer<UInt8>, cancelled: (() -> Bool)? = nil
    ) throws(RegexInterrupted) -> Bool {
        let vm = RegexPikeVM(program: program, text: text, captures: false, cancelled: cancelled)
        return try vm.run() != nil
    }

    /// The leftmost match, with Perl's and Python's priorities, or nil when there is none.
    ///
    /// Element 0 is the whole match's byte range in `text`, element i the i-th
    /// group's (nil when the group did not take part in the match); a group
    /// repeated by a quantifier reports its last iteration.
    public func firstMatch(
        _ text: UnsafeBufferPointer<UInt8>, cancelled: (() -> Bool)? = nil
    ) throws(RegexInterrupted) -> [Range<Int>?]? {
        let vm = RegexPikeVM(program: program, text: text, captures: true, cancelled: cancelled)
        guard let slots = try vm.run() else { return nil }
        return (0...captureCount).map { group in
            let start = slots[2 * group]
            let end = slots[2 * group + 1]
            return start >= 0 && end >= start ? start..<end : nil
        }
    }

    // MARK: String conveniences

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String, cancelled: (() -> Bool)? = nil) throws(RegexInterrupted) -> Bool {
        try Self.withUTF8(text) { buffer throws(RegexInterrupted) in try matches(buffer, cancelled: cancelled) }
    }

    /// `firstMatch` over `text`'s UTF-8 bytes: the ranges are byte offsets into `text.utf8`.
    public func firstMatch(
        _ text: String, cancelled: (() -> Bool)? = nil
    ) throws(RegexInterrupted) -> [Range<Int>?]? {
        try Self.withUTF8(text) { buffer throws(RegexInterrupted) in try firstMatch(buffer, cancelled: cancelled) }
    }

    /// The text of the whole match and of each group (nil for groups that did
    /// not take part), or nil when there is no match.
    public func captures(in text: String, cancelled: (() -> Bool)? = nil) throws(RegexInterrupted) -> [String?]? {
        guard let ranges = try firstMatch(text, cancelled: cancelled) else { return nil }
        let bytes = Array(text.utf8)
        return ranges.map { range in range.map { String(decoding: bytes[$0], as: UTF8.self) } }
    }

    /// Runs `body` on the string's contiguous UTF-8, passing its typed error through.
    private static func withUTF8<Value>(
        _ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws(RegexInterrupted) -> Value
    ) throws(RegexInterrupted) -> Value {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(RegexInterrupted) -> Value in try body(buffer) }
        }
        return try result.get()
    }
}
