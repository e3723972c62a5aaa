import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// The text functions. Positions and lengths count characters as people see them (`é` is
/// one, so is a flag), as `len` and `like` do. A result that is empty is missing, as an empty
/// text always is (§6).
package enum TextFunctions {
    /// The function's value for a present first argument, or nil when it is not one of these.
    package static func call(_ function: BuiltinFunction, _ value: Value, _ arguments: [Value]) -> Value? {
        switch (function, value) {
        case (.trim, .text(let text)):
            return present(String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()))
        case (.unaccent, .text(let text)):
            return present(Unaccent.strip(text))
        case (.replace, .text(let text)):
            // "" is missing in dossier, so a missing `what` or `with` reads as empty text:
            // replace(x, "-", "") removes the dashes.
            guard let what = optionalText(arguments, 1), !what.isEmpty else { return value }
            return present(TextFolding.nfc(text.replacingAll(what, with: optionalText(arguments, 2) ?? "")))
        case (.left, .text(let text)):
            guard let count = whole(arguments, 1) else { return .missing }
            return present(String(text.prefix(max(0, count))))
        case (.right, .text(let text)):
            guard let count = whole(arguments, 1) else { return .missing }
            return present(String(text.suffix(max(0, count))))
        case (.substring, .text(let text)):
            guard let start = whole(arguments, 1) else { return .missing }
            // Characters before the first do not exist: substring(x, 0, 3) is the first two.
            // Positions start ..< start + length, kept within 1 ... Int.max without overflow.
            let first = max(1, start)
            var count = Int.max
            if arguments.count > 2 {
                guard let length = whole(arguments, 2) else { return .missing }
                let (end, overflow) = start.addingReportingOverflow(length)
                count = overflow ? (length > 0 ? Int.max : 0) : (end > first ? end - first : 0)
            }
            return present(String(text.dropFirst(first - 1).prefix(count)))
        case (.split, .text(let text)):
            guard let separator = optionalText(arguments, 1), !separator.isEmpty else { return .missing }
            let items = text.splitAll(separator).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            return items.isEmpty ? .missing : .list(items)
        case (.trim, _), (.unaccent, _), (.replace, _), (.left, _), (.right, _), (.substring, _), (.split, _):
            return .missing
        default:
            return nil
        }
    }

    /// `concat(a, b, ...)`: each present value as it is shown, one after the other (as SQL's
    /// `concat`, missing values are skipped); missing only when all are.
    package static func concat(_ arguments: [Value]) -> Value {
        var result = ""
        for argument in arguments where !argument.isMissing { result += argument.formatted() }
        return present(TextFolding.nfc(result))
    }

    /// `extract(x, regex)`: the first match, or its first group when the pattern has groups.
    package static func extract(_ value: Value, _ regex: LinearRegex, cancellation: Cancellation?) -> Value {
        guard case .text(let text) = value else { return .missing }
        let cancelled: (() -> Bool)? = cancellation.map { flag in { flag.isCancelled } }
        guard let found = try? regex.captures(in: text, cancelled: cancelled) else { return .missing }
        let wanted = found.count > 1 ? found[1] : found.first ?? nil
        return wanted.map(present) ?? .missing
    }

    private static func present(_ text: String) -> Value {
        text.isEmpty ? .missing : .text(text)
    }

    private static func optionalText(_ arguments: [Value], _ index: Int) -> String? {
        guard index < arguments.count else { return nil }
        switch arguments[index] {
        case .text(let text): return text
        case .missing: return nil
        case let other: return other.formatted()
        }
    }

    /// A whole-number argument, clamped to what `Int` holds.
    private static func whole(_ arguments: [Value], _ index: Int) -> Int? {
        guard index < arguments.count, case .integer(let number) = arguments[index] else { return nil }
        return Int(clamping: number)
    }
}
