import DossierSupport
import DossierDiagnostics

/// A bracketed class such as `[^a-z\d_]`, or a shorthand like `\w` on its own.
///
/// ASCII input, by far the most common, is answered from a 128-bit table
/// computed once with negation and case folding already applied; other
/// scalars search the sorted ranges and test the shorthand sets.
package struct RegexCharClass: Sendable {
    /// Sorted, non-overlapping, non-adjacent scalar ranges.
    private(set) var ranges: [ClosedRange<UInt32>]
    private(set) var builtins: [RegexBuiltinSet]
    package let negated: Bool
    package let caseInsensitive: Bool
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0

    /// Scalars of ranges at most this long get their case variants added
    /// explicitly under `(?i)`, so `(?i)[k]` also accepts the Kelvin sign;
    /// longer ranges rely on mapping the input instead, which is equivalent
    /// except for such odd pairs, and keeps compiling `[\u{0}-\u{10FFFF}]` cheap.
    private static let caseClosureLimit: UInt32 = 2_000

    package init(ranges: [ClosedRange<UInt32>], builtins: [RegexBuiltinSet], negated: Bool, caseInsensitive: Bool) {
        self.negated = negated
        self.caseInsensitive = caseInsensitive
        self.builtins = builtins
        var all = ranges
        if caseInsensitive { all += Self.caseVariants(of: ranges) }
        self.ranges = Self.normalized(all)
        for c in UInt32(0)..<128 where slowContains(c, lower: RegexScalars.lower(c), upper: RegexScalars.upper(c)) {
            if c < 64 { asciiLow |= 1 << UInt64(c) } else { asciiHigh |= 1 << UInt64(c - 64) }
        }
    }

    /// A class holding exactly one shorthand set, for `\d` and friends outside brackets.
    package init(builtin: RegexBuiltinSet) {
        self.init(ranges: [], builtins: [builtin], negated: false, caseInsensitive: false)
    }

    /// Whether `c` (whose simple case mappings are `lower` and `upper`) is in the class.
    @inline(__always)
    package func contains(_ c: UInt32, lower: UInt32, upper: UInt32) -> Bool {
        if c < 64 { return asciiLow & (1 << UInt64(c)) != 0 }
        if c < 128 { return asciiHigh & (1 << UInt64(c - 64)) != 0 }
        return slowContains(c, lower: lower, upper: upper)
    }

    /// Whether ASCII byte `c` (< 128) is in the class.
    package func containsASCII(_ c: UInt8) -> Bool {
        let v = UInt32(c)
        return contains(v, lower: RegexScalars.lower(v), upper: RegexScalars.upper(v))
    }

    /// Whether some scalar at or above U+0080 (or a bad byte, read as U+FFFD) may be in the class.
    package var reachesBeyondASCII: Bool {
        negated || caseInsensitive || builtins.contains { $0.reachesBeyondASCII }
            || ranges.contains { $0.upperBound >= 0x80 }
    }

    private func slowContains(_ c: UInt32, lower: UInt32, upper: UInt32) -> Bool {
        var found = rawContains(c)
        if !found && caseInsensitive { found = rawContains(lower) || rawContains(upper) }
        return found != negated
    }

    /// Membership before negation and case folding.
    private func rawContains(_ c: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = low + (high - low) / 2
            if ranges[mid].upperBound < c {
                low = mid + 1
            } else if ranges[mid].lowerBound > c {
                high = mid
            } else {
                return true
            }
        }
        for set in builtins where set.contains(c) { return true }
        return false
    }

    private static func caseVariants(of ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var extra: [ClosedRange<UInt32>] = []
        var budget = caseClosureLimit
        for range in ranges where range.count <= Int(budget) {
            budget -= UInt32(range.count)
            for c in range {
                let lower = RegexScalars.lower(c)
                let upper = RegexScalars.upper(c)
                if lower != c { extra.append(lower...lower) }
                if upper != c { extra.append(upper...upper) }
            }
        }
        return extra
    }

    private static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound || range.lowerBound - last.upperBound == 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
