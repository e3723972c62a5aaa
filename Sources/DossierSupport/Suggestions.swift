/// "Did you mean": the closest names by edit distance (with transpositions), case-insensitive.
public enum Suggestions {
    /// Candidates close enough to `word` to be a likely typo, best first.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty else { return [] }
        let allowed = max(1, min(3, (target.count + 1) / 3))
        var scored: [(distance: Int, order: Int, candidate: String)] = []
        var seen = Set<String>()
        for (order, candidate) in candidates.enumerated() {
            let lowered = candidate.lowercased()
            guard !seen.contains(lowered) else { continue }
            seen.insert(lowered)
            let other = Array(lowered.unicodeScalars)
            if other == target { continue }
            var distance = editDistance(target, other, cap: allowed + 1)
            // A prefix of a long name ("reg" for "region") is a fair guess too.
            if distance > allowed, target.count >= 3, other.starts(with: target) { distance = allowed }
            if distance <= allowed { scored.append((distance, order, candidate)) }
        }
        scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
        return scored.prefix(limit).map(\.candidate)
    }

    /// Optimal string alignment distance, stopping early once it exceeds `cap`.
    package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        if abs(a.count - b.count) > cap { return cap + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > cap { return cap + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
