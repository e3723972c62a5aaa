import Synchronization

#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics

/// The distinct texts of a column, each stored once in a byte arena; rows hold codes into it.
/// Code 0 is reserved for missing, so a predicate can be evaluated once per distinct value into
/// a table indexed by code, and the row loop only reads `table[code]`.
///
/// Immutable once built and shared by every column derived from the same data (a filtered or
/// sorted column shares its dictionary). Derived orders are computed on first use and cached.
public final class TextDictionary: Sendable {
    /// UTF-8 bytes of all entries, back to back.
    public let arena: [UInt8]
    /// Entry `code` spans `arena[offsets[code]..<offsets[code + 1]]`; entry 0 is empty.
    public let offsets: [UInt32]
    private let cache = Mutex<Cache>(Cache())

    private struct Cache {
        package var sortRanks: [UInt32]?
        package var canonicalCodes: [UInt32]?
    }

    /// Every entry differs from every other. False for a column of mostly distinct texts that
    /// was stored without de-duplicating (names, ids): then two codes may hold the same text,
    /// and code-level counts must be merged by text (`distinctCounts`).
    public let isUnique: Bool

    package init(arena: [UInt8], offsets: [UInt32], isUnique: Bool = true) {
        self.arena = arena
        self.offsets = offsets
        self.isUnique = isUnique
    }

    /// Number of codes, including the missing code 0.
    public var codeCount: Int { offsets.count - 1 }

    public func string(_ code: UInt32) -> String {
        let index = Int(code)
        guard index > 0, index < offsets.count - 1 else { return "" }
        return String(decoding: arena[Int(offsets[index])..<Int(offsets[index + 1])], as: UTF8.self)
    }

    /// Calls `body` with the bytes of an entry, without copying.
    @inline(__always)
    public func withBytes<R>(_ code: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(offsets[Int(code)])
        let end = Int(offsets[Int(code) + 1])
        // Safe: `offsets` are ascending and end at arena.count, so start..<end is inside the arena; the
        // view lives only for `body`, and the arena is immutable.
        return arena.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// A table over codes: `result[code]` is the predicate's answer for that entry. Entry 0
    /// (missing) gets `missingAnswer`. Stops early, leaving the rest false, when `cancellation`
    /// is set: the row loop that reads the table checks it before reading a row.
    public func table(
        missingAnswer: Bool, cancellation: Cancellation? = nil, _ predicate: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> [Bool] {
        var result = [Bool](repeating: false, count: codeCount)
        if result.isEmpty { return result }
        result[0] = missingAnswer
        arena.withUnsafeBufferPointer { buffer in
            offsets.withUnsafeBufferPointer { offsets in
                for code in 1..<max(1, offsets.count - 1) {
                    if code & 0x3FF == 0, cancellation?.isCancelled == true { return }
                    // Safe: code + 1 < offsets.count by the loop bound, and offsets lie inside the arena; the view
                    // is used only by `predicate` within this closure.
                    let entry = UnsafeBufferPointer(rebasing: buffer[Int(offsets[code])..<Int(offsets[code + 1])])
                    result[code] = predicate(entry)
                }
            }
        }
        return result
    }

    /// Counts per code (from `countsByCode`) as distinct texts with their counts, merging codes
    /// that hold the same text.
    public func distinctCounts(_ countsByCode: [Int]) -> [(text: String, count: Int)] {
        var result: [(text: String, count: Int)] = []
        if isUnique {
            for code in 1..<max(1, countsByCode.count) where countsByCode[code] > 0 {
                result.append((string(UInt32(code)), countsByCode[code]))
            }
            return result
        }
        var merged: [String: Int] = [:]
        var order: [String] = []
        for code in 1..<max(1, countsByCode.count) where countsByCode[code] > 0 {
            let text = string(UInt32(code))
            if merged[text] == nil { order.append(text) }
            merged[text, default: 0] += countsByCode[code]
        }
        return order.map { ($0, merged[$0] ?? 0) }
    }

    /// For each code, the first code holding the same text: what grouping compares when the
    /// dictionary is not unique. Computed once per dictionary.
    public func canonicalCodes() -> [UInt32] {
        if let codes = cache.withLock({ $0.canonicalCodes }) { return codes }
        var builder = TextDictionaryBuilder(capacity: min(codeCount, 1 << 20))
        var firstCode: [UInt32] = [0]
        var canonical = [UInt32](repeating: 0, count: codeCount)
        arena.withUnsafeBufferPointer { arena in
            for code in 1..<max(1, codeCount) {
                let bytes = UnsafeBufferPointer(rebasing: arena[Int(offsets[code])..<Int(offsets[code + 1])])
                let interned = Int(builder.intern(bytes))
                if interned == firstCode.count { firstCode.append(UInt32(code)) }
                canonical[code] = interned < firstCode.count ? firstCode[interned] : UInt32(code)
            }
        }
        cache.withLock { $0.canonicalCodes = canonical }
        return canonical
    }

    /// Sort rank of each code: case-insensitive order, ties broken case-sensitively (§4).
    /// Equal texts share a rank. Computed once per dictionary.
    public func sortRanks(cancellation: Cancellation? = nil) throws(Diagnostic) -> [UInt32] {
        if let ranks = cache.withLock({ $0.sortRanks }) { return ranks }
        let ranks = try computeSortRanks(cancellation: cancellation)
        cache.withLock { $0.sortRanks = ranks }
        return ranks
    }

    /// Ranks by `TextCollation`: alphabet first (accents and case ignored), then accents, then
    /// case (§4). One key per entry, side by side in one buffer, and one sort of the entries by
    /// the first eight bytes of their keys, the rest only on a tie; rows then compare ranks.
    private func computeSortRanks(cancellation: Cancellation?) throws(Diagnostic) -> [UInt32] {
        let count = codeCount
        guard count > 1 else { return [UInt32](repeating: 0, count: count) }
        var keys: [UInt8] = []
        var starts = [Int](repeating: 0, count: count + 1)
        var entries: [(prefix: UInt64, code: Int32)] = []
        entries.reserveCapacity(count - 1)
        for code in 0..<count {
            if code & 0x3FFF == 0 { try cancellation?.check() }
            let key = withBytes(UInt32(code)) { TextCollation.sortKey($0) }
            keys += key
            starts[code + 1] = keys.count
            guard code > 0 else { continue }
            // Big-endian, padded with zeros: a prefix never orders two keys against their order.
            var prefix: UInt64 = 0
            for index in 0..<8 { prefix = prefix << 8 | UInt64(index < key.count ? key[index] : 0) }
            entries.append((prefix, Int32(code)))
        }
        var ranks = [UInt32](repeating: 0, count: count)
        keys.withUnsafeBufferPointer { keys in
            func key(_ code: Int32) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: keys[starts[Int(code)]..<starts[Int(code) + 1]])
            }
            // Captures nothing it changes (no boxed counter, no exclusivity check a comparison);
            // once cancelled, every comparison says "not less" and the check below throws.
            entries.sort { a, b in
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                if cancellation?.isCancelled == true { return false }
                return TextFolding.compare(key(a.code), key(b.code)) < 0
            }
            // Equal keys are the same text (in NFC): they share a rank.
            var rank: UInt32 = 0
            for (position, entry) in entries.enumerated() {
                if position > 0 {
                    let previous = entries[position - 1]
                    if previous.prefix != entry.prefix || TextFolding.compare(key(previous.code), key(entry.code)) != 0 { rank += 1 }
                }
                ranks[Int(entry.code)] = rank + 1
            }
        }
        try cancellation?.check()
        return ranks
    }
}
