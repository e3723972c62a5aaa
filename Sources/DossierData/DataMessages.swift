import DossierSupport
import DossierDiagnostics

/// Every text the Data layer puts in a diagnostic, in one place: cancellation, date formats,
/// stray values in a typed column, and what is wrong with a regular expression. Lower-case
/// and specific, with the fix when there is one.
package enum DataMessages {
    package static func cancelled() -> Diagnostic {
        Diagnostic(.cancelled, "cancelled")
    }

    // MARK: - Date formats

    package static func formatHasNoYear() -> String { "it has no year (yyyy or yy)" }
    package static func formatHasYearTwice() -> String { "it has the year twice" }
    package static func formatHasNoMonth() -> String { "it has no month (mm, m, mon or month)" }
    package static func formatHasMonthTwice() -> String { "it has the month twice" }
    package static func formatHasNoDay() -> String { "it has no day (dd or d)" }
    package static func formatHasDayTwice() -> String { "it has the day twice" }

    // MARK: - Type notes

    /// "`code` is text: 3 of 1,204 values are not numbers (first: `unknown`, line 17)"
    package static func typeNote(_ note: TypeNote, field: String) -> String {
        let where_ = note.place.map { ", \($0)" } ?? ""
        let what = note.strays == 1 ? (note.kind == .numbers ? "values is not a number" : "values is not a date")
            : (note.kind == .numbers ? "values are not numbers" : "values are not dates")
        return "`\(field)` is text: \(NumberWords.grouped(note.strays)) of \(NumberWords.grouped(note.total)) \(what) (first: `\(note.first)`\(where_))"
    }

    // MARK: - Regular expressions

    package static func unclosedGroup(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "missing ')' to close this group", range: range)
    }

    package static func unbalancedClose(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "unbalanced ')': no group is open here", range: range)
    }

    package static func possessiveQuantifier(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "possessive quantifiers such as '\(written)' are not supported", range: range)
    }

    package static func quantifierAfterQuantifier(_ quantifier: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(
            message: "'\(quantifier)' cannot follow another quantifier; to repeat a repetition, wrap it in (?:...)", range: range)
    }

    package static func quantifiedAnchor(_ quantifier: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "'\(quantifier)' cannot repeat an anchor or word boundary", range: range)
    }

    package static func nothingToRepeat(_ quantifier: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "'\(quantifier)' has nothing before it to repeat", range: range)
    }

    package static func repeatCountTooLarge(limit: Int, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "repetition counts above \(limit) are not supported", range: range)
    }

    package static func repeatMinimumAboveMaximum(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "the repetition '\(written)' has its minimum above its maximum", range: range)
    }

    package static func groupsTooDeep(limit: Int, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "this pattern is too large: groups are nested more than \(limit) deep", range: range)
    }

    package static func tooManyInstructions(limit: Int, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(
            message: "this pattern is too large: it compiles to more than \(limit) "
                + "instructions (repetition counts multiply the size of what they repeat)",
            range: range)
    }

    package static func tooManyCaptures(limit: Int, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(
            message: "this pattern has more than \(limit) capture groups; use (?:...) for groups that need not capture",
            range: range)
    }

    package static func lookbehind(at range: Range<Int>) -> RegexSyntaxError {
        unsupported("lookbehind assertions", lookaroundReason, range)
    }

    package static func lookahead(at range: Range<Int>) -> RegexSyntaxError {
        unsupported("lookahead assertions", lookaroundReason, range)
    }

    package static func namedBackreference(at range: Range<Int>) -> RegexSyntaxError {
        unsupported("backreferences", backreferenceReason, range)
    }

    package static func atomicGroup(at range: Range<Int>) -> RegexSyntaxError {
        unsupported("atomic groups", "this engine never backtracks, so write the group without (?>", range)
    }

    package static func conditionalGroup(at range: Range<Int>) -> RegexSyntaxError {
        unsupported("conditional groups", "they depend on earlier captures", range)
    }

    package static func branchResetGroup(at range: Range<Int>) -> RegexSyntaxError {
        unsupported("branch-reset groups", "groups are numbered strictly left to right", range)
    }

    package static func recursivePattern(at range: Range<Int>) -> RegexSyntaxError {
        unsupported("recursive patterns", "only regular languages can be matched in linear time", range)
    }

    /// A construct this linear-time engine refuses: `what` (plural), and why.
    private static func unsupported(_ what: String, _ why: String, _ range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "\(what) are not supported: \(why)", range: range)
    }

    private static let lookaroundReason = "lookahead and lookbehind make matching take more than linear time"
    private static let backreferenceReason = "they can make matching take exponential time"

    package static func badGroupNameCharacter(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(
            message: "a group name may only contain letters, digits and '_', and must not start with a digit", range: range)
    }

    package static func groupNameUnclosed(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "missing '>' after the group name", range: range)
    }

    package static func groupNameEmpty(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "the group name is empty", range: range)
    }

    package static func groupNameTwice(_ name: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "the group name '\(name)' is used twice", range: range)
    }

    package static func unclosedComment(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "missing ')' to close this comment", range: range)
    }

    package static func missingFlag(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "missing flag after '(?'; the supported flags are i, m and s", range: range)
    }

    package static func unknownFlag(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(
            message: "unknown flag or group syntax '\(written)' after '(?'; the supported flags are i, m and s", range: range)
    }

    package static func loneBackslash(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "the pattern ends with a lone backslash; write \\\\ to match a backslash", range: range)
    }

    package static func anchorEscapeInClass(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "'\(written)' is an anchor, which cannot be used inside brackets", range: range)
    }

    package static func backreference(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(
            message: "backreferences such as '\(written)' are not supported: " + backreferenceReason,
            range: range)
    }

    package static func octalEscape(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "octal escapes such as '\\0' are not supported; write \\x00 instead", range: range)
    }

    package static func unicodePropertyClass(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(
            message: "unicode property classes such as '\\p{L}' are not supported; use \\w, \\d, \\s or a range", range: range)
    }

    package static func unknownEscape(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "unknown escape '\(written)'; write \\\\ to match a backslash", range: range)
    }

    /// `\x`, `\u` with the wrong digits: `kind` is the escape (`\x`) and `digits` how many it takes.
    package static func malformedHexEscape(_ written: String, kind: String, braced: Bool, digits: Int, at range: Range<Int>)
        -> RegexSyntaxError
    {
        let form = braced ? "\(kind){hex digits}" : "\(kind) and \(digits) hex digits, or \(kind){...}"
        return RegexSyntaxError(message: "malformed escape '\(written)': write \(form)", range: range)
    }

    package static func notAScalar(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "'\(written)' is not a unicode scalar value", range: range)
    }

    package static func unclosedClass(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "missing ']' to close this class", range: range)
    }

    package static func classRangeStartsWithShorthand(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "a class range cannot start with a shorthand such as '\(written)'", range: range)
    }

    package static func classRangeEndsWithShorthand(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "a class range cannot end with a shorthand such as \\d", range: range)
    }

    package static func classRangeOutOfOrder(_ written: String, at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "the class range '\(written)' is out of order", range: range)
    }

    package static func anchorInClass(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "an anchor cannot be used inside brackets", range: range)
    }

    package static func posixClass(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "posix classes such as '[:alpha:]' are not supported; use \\w, \\d, \\s or a range", range: range)
    }

    /// A compiler bug, not the user's.
    package static func invalidProgram(at range: Range<Int>) -> RegexSyntaxError {
        RegexSyntaxError(message: "internal error: this pattern compiled to an invalid program", range: range)
    }
}
