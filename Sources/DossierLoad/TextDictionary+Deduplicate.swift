import DossierSupport
import DossierData

/// A text column stops de-duplicating when its first rows look mostly distinct (names, ids).
/// Some columns only look so early: the db-benchmark's id3 has 48k distinct values in its
/// first 65k rows but only 100k in ten million. Kept that way, every later sort or group pays
/// for ten million entries instead of 100k. So when the column is complete, a sample of its
/// entries decides again, from the whole column.
extension TextDictionaryBuilder {
    /// Entries sampled, evenly spaced over the whole dictionary.
    static let deduplicationSample = 1 << 16

    /// Below this share of distinct texts in the sample, the column is de-duplicated.
    static let distinctShareToKeep = 0.9

    /// A de-duplicated copy of this builder with `codes` remapped to it, when the sample shows
    /// the entries repeat; nil when they are distinct enough (or already de-duplicated).
    package func deduplicatedIfRepeating(_ codes: inout [UInt32]) -> TextDictionaryBuilder? {
        guard !deduplicates, codeCount > 2 else { return nil }
        let entries = codeCount - 1
        let sampled = Swift.min(entries, Self.deduplicationSample)
        let step = Swift.max(1, entries / sampled)
        var hashes = Set<UInt32>(minimumCapacity: sampled)
        arena.withUnsafeBufferPointer { arena in
            var code = 1
            while code <= entries && hashes.count <= sampled {
                let bytes = UnsafeBufferPointer(rebasing: arena[Int(offsets[code])..<Int(offsets[code + 1])])
                hashes.insert(TextDictionaryBuilder.hash(bytes))
                code += step
            }
        }
        let taken = (entries + step - 1) / step
        guard Double(hashes.count) < Double(taken) * Self.distinctShareToKeep else { return nil }
        var deduplicated = TextDictionaryBuilder(capacity: hashes.count * 2)
        let mapping = deduplicated.merge(self)
        for index in codes.indices { codes[index] = mapping[Int(codes[index])] }
        return deduplicated
    }
}
