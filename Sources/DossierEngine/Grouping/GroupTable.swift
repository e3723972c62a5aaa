import DossierSupport
import DossierDiagnostics
import DossierData

/// Finds each position's group from its packed key words (`KeyEncoder`): a direct array when
/// the keys span a small range (one load a row), else open addressing with linear probing.
/// Groups are numbered in the order their first row comes.
package enum GroupTable {
    package struct Assigned {
        /// The group of each position.
        package var groupOf: [Int32]
        /// The first position of each group.
        package var firstPosition: [Int32]
    }

    /// Keys spanning up to this many values (or twice the rows, if more) use a direct array.
    static let directLimit = 1 << 16
    static let directMaximum = 1 << 26
    /// More groups than this is refused before the table takes gigabytes (§7).
    package static let maximumGroups = 1 << 29

    /// Groups of `count` positions of `stride` words each. With few groups the rows are cut
    /// into one range per core, each grouped on its own, and the ranges' groups merged; when
    /// nearly every row is a group of its own, merging would cost as much as grouping, so one
    /// core does it all.
    package static func assign(
        _ words: UnsafeBufferPointer<UInt64>, stride: Int, count: Int, cancellation: Cancellation?
    ) throws(Diagnostic) -> Assigned {
        let ranges = Parallel.ranges(count)
        guard ranges.count > 1, !looksDistinct(words, stride: stride, count: count) else {
            return try assignSequential(words, stride: stride, count: count, cancellation: cancellation)
        }
        let parts = try Parallel.map(ranges.count) { (part) throws(Diagnostic) -> Assigned in
            let range = ranges[part]
            let slice = UnsafeBufferPointer(rebasing: words[(range.lowerBound * stride)..<(range.upperBound * stride)])
            return try assignSequential(slice, stride: stride, count: range.count, cancellation: cancellation)
        }
        return try merge(parts, ranges: ranges, words: words, stride: stride, cancellation: cancellation)
    }

    /// Joins the groups of consecutive ranges: each range's groups, in order, grouped once
    /// more by their keys. Groups stay in first-seen order, since every range's rows come after
    /// the previous range's.
    private static func merge(
        _ parts: [Assigned], ranges: [Range<Int>], words: UnsafeBufferPointer<UInt64>, stride: Int, cancellation: Cancellation?
    ) throws(Diagnostic) -> Assigned {
        var representatives: [UInt64] = []
        var representativePositions: [Int32] = []
        var offsets: [Int] = []
        for (part, assigned) in parts.enumerated() {
            offsets.append(representativePositions.count)
            for first in assigned.firstPosition {
                let position = ranges[part].lowerBound + Int(first)
                representativePositions.append(Int32(truncatingIfNeeded: position))
                for word in 0..<stride { representatives.append(words[position * stride + word]) }
            }
        }
        let merged = try representatives.withUnsafeBufferPointer { (keys) throws(Diagnostic) in
            try assignSequential(keys, stride: stride, count: representativePositions.count, cancellation: cancellation)
        }
        let firstPosition = merged.firstPosition.map { representativePositions[Int($0)] }
        let count = ranges.last?.upperBound ?? 0
        var groupOf = [Int32](repeating: 0, count: count)
        groupOf.withUnsafeMutableBufferPointer { groupOf in
            let shared = SharedPointer(groupOf.baseAddress)
            _ = try? Parallel.map(parts.count) { (part) throws(Diagnostic) in
                guard let out = shared.pointer else { return }
                let global = merged.groupOf
                let offset = offsets[part]
                let start = ranges[part].lowerBound
                parts[part].groupOf.withUnsafeBufferPointer { local in
                    for index in 0..<local.count { out[start + index] = global[offset + Int(local[index])] }
                }
            }
        }
        return Assigned(groupOf: groupOf, firstPosition: firstPosition)
    }

    /// Nearly all of the first rows have keys of their own.
    private static func looksDistinct(_ words: UnsafeBufferPointer<UInt64>, stride: Int, count: Int) -> Bool {
        let sample = min(count, 1 << 14)
        var seen = Set<UInt64>(minimumCapacity: sample)
        for position in 0..<sample {
            var hash: UInt64 = 0
            for word in 0..<stride { hash = mix(hash ^ words[position * stride + word]) }
            seen.insert(hash)
        }
        return seen.count * 10 >= sample * 9
    }

    private static func assignSequential(
        _ words: UnsafeBufferPointer<UInt64>, stride: Int, count: Int, cancellation: Cancellation?
    ) throws(Diagnostic) -> Assigned {
        if stride == 1 {
            var largest: UInt64 = 0
            for word in words where word > largest { largest = word }
            if largest < UInt64(max(directLimit, min(directMaximum, 2 * count))) {
                return try direct(words, count: count, span: Int(largest) + 1, cancellation: cancellation)
            }
            return try hashed(words, count: count, cancellation: cancellation)
        }
        return try hashedWide(words, stride: stride, count: count, cancellation: cancellation)
    }

    private static func direct(
        _ words: UnsafeBufferPointer<UInt64>, count: Int, span: Int, cancellation: Cancellation?
    ) throws(Diagnostic) -> Assigned {
        var groupOfKey = [Int32](repeating: -1, count: span)
        var groupOf = [Int32](repeating: 0, count: count)
        var firstPosition: [Int32] = []
        try groupOfKey.withUnsafeMutableBufferPointer { (table) throws(Diagnostic) in
            try groupOf.withUnsafeMutableBufferPointer { (groupOf) throws(Diagnostic) in
                for position in 0..<count {
                    if position & 0xFFFF == 0 { try cancellation?.check() }
                    let key = Int(truncatingIfNeeded: words[position])
                    var group = table[key]
                    if group < 0 {
                        group = Int32(truncatingIfNeeded: firstPosition.count)
                        table[key] = group
                        firstPosition.append(Int32(truncatingIfNeeded: position))
                    }
                    groupOf[position] = group
                }
            }
        }
        return Assigned(groupOf: groupOf, firstPosition: firstPosition)
    }

    @inline(__always)
    static func mix(_ word: UInt64) -> UInt64 {
        var hash = (word ^ (word >> 31)) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        return hash &* 0x94D0_49BB_1331_11EB
    }

    private static func capacity(forGroups groups: Int) -> Int {
        var capacity = 1 << 10
        while capacity < groups * 2 { capacity <<= 1 }
        return capacity
    }

    private static func tooMany() -> Diagnostic {
        Diagnostic(.tooLarge, "grouping makes more than \(maximumGroups / 1_000_000) million groups",
            hint: "group by fewer fields, or filter first")
    }

    /// One-word keys: slots of two words (key, group + 1; 0 empty), so a probe touches one
    /// cache line. Sized up front when the first rows are nearly all distinct, so ten million
    /// groups do not pay for twenty rehashes.
    private static func hashed(
        _ words: UnsafeBufferPointer<UInt64>, count: Int, cancellation: Cancellation?
    ) throws(Diagnostic) -> Assigned {
        var capacity = capacity(forGroups: estimatedGroups(words, count: count))
        var slots = [UInt64](repeating: 0, count: capacity * 2)
        var firstPosition: [Int32] = []
        var groupOf = [Int32](repeating: 0, count: count)
        try groupOf.withUnsafeMutableBufferPointer { (groupOf) throws(Diagnostic) in
            var start = 0
            while start < count {
                try cancellation?.check()
                let end = min(count, start + (1 << 16))
                let shift = UInt64(64 - capacity.trailingZeroBitCount)
                let mask = capacity - 1
                var full = false
                slots.withUnsafeMutableBufferPointer { slots in
                    var position = start
                    while position < end {
                        let key = words[position]
                        var slot = Int(truncatingIfNeeded: mix(key) >> shift)
                        while true {
                            let stored = slots[slot &* 2 &+ 1]
                            if stored == 0 {
                                let group = Int32(truncatingIfNeeded: firstPosition.count)
                                firstPosition.append(Int32(truncatingIfNeeded: position))
                                slots[slot &* 2] = key
                                slots[slot &* 2 &+ 1] = UInt64(group) &+ 1
                                groupOf[position] = group
                                break
                            }
                            if slots[slot &* 2] == key {
                                groupOf[position] = Int32(truncatingIfNeeded: stored &- 1)
                                break
                            }
                            slot = (slot &+ 1) & mask
                        }
                        position += 1
                        if firstPosition.count * 2 > capacity {
                            full = true
                            break
                        }
                    }
                    start = position
                }
                if full {
                    if firstPosition.count >= maximumGroups { throw tooMany() }
                    capacity <<= 1
                    slots = rehashPairs(slots, capacity: capacity)
                }
            }
        }
        return Assigned(groupOf: groupOf, firstPosition: firstPosition)
    }

    /// Groups to size the table for: all rows when the first rows are nearly all distinct.
    private static func estimatedGroups(_ words: UnsafeBufferPointer<UInt64>, count: Int) -> Int {
        let sample = min(count, 1 << 14)
        var seen = Set<UInt64>(minimumCapacity: sample)
        for position in 0..<sample { seen.insert(words[position]) }
        return seen.count * 10 >= sample * 9 ? count : min(count, 1 << 16)
    }

    private static func rehashPairs(_ slots: [UInt64], capacity: Int) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: capacity * 2)
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        let mask = capacity - 1
        slots.withUnsafeBufferPointer { slots in
            result.withUnsafeMutableBufferPointer { result in
                for index in 0..<(slots.count / 2) where slots[index * 2 + 1] != 0 {
                    var slot = Int(truncatingIfNeeded: mix(slots[index * 2]) >> shift)
                    while result[slot * 2 + 1] != 0 { slot = (slot + 1) & mask }
                    result[slot * 2] = slots[index * 2]
                    result[slot * 2 + 1] = slots[index * 2 + 1]
                }
            }
        }
        return result
    }

    /// Keys wider than one word: the table holds group numbers and each group's words are
    /// kept once, in `groupWords`.
    private static func hashedWide(
        _ words: UnsafeBufferPointer<UInt64>, stride: Int, count: Int, cancellation: Cancellation?
    ) throws(Diagnostic) -> Assigned {
        var capacity = capacity(forGroups: min(count, 1 << 16))
        var shift = UInt64(64 - capacity.trailingZeroBitCount)
        var slotGroups = [Int32](repeating: -1, count: capacity)
        var slotHashes = [UInt64](repeating: 0, count: capacity)
        var groupWords: [UInt64] = []
        var groupOf = [Int32](repeating: 0, count: count)
        var firstPosition: [Int32] = []
        for position in 0..<count {
            if position & 0xFFFF == 0 { try cancellation?.check() }
            let base = position * stride
            var hash: UInt64 = 0
            for word in 0..<stride { hash = mix(hash ^ words[base + word]) }
            var slot = Int(truncatingIfNeeded: hash >> shift)
            let mask = capacity - 1
            var group: Int32 = -1
            while true {
                let found = slotGroups[slot]
                if found < 0 { break }
                if slotHashes[slot] == hash {
                    let start = Int(found) * stride
                    var equal = true
                    for word in 0..<stride where groupWords[start + word] != words[base + word] { equal = false; break }
                    if equal { group = found; break }
                }
                slot = (slot + 1) & mask
            }
            if group < 0 {
                group = Int32(truncatingIfNeeded: firstPosition.count)
                if firstPosition.count >= maximumGroups { throw tooMany() }
                firstPosition.append(Int32(truncatingIfNeeded: position))
                for word in 0..<stride { groupWords.append(words[base + word]) }
                slotGroups[slot] = group
                slotHashes[slot] = hash
                if firstPosition.count * 2 > capacity {
                    capacity <<= 1
                    shift -= 1
                    (slotHashes, slotGroups) = rehash(slotHashes, slotGroups, capacity: capacity, shift: shift, hashed: true)
                }
            }
            groupOf[position] = group
        }
        return Assigned(groupOf: groupOf, firstPosition: firstPosition)
    }

    /// Rehash of a table whose slot keys are already hashes.
    private static func rehash(_ hashes: [UInt64], _ groups: [Int32], capacity: Int, shift: UInt64, hashed: Bool) -> ([UInt64], [Int32]) {
        var newHashes = [UInt64](repeating: 0, count: capacity)
        var newGroups = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for index in hashes.indices where groups[index] >= 0 {
            var slot = Int(truncatingIfNeeded: hashes[index] >> shift)
            while newGroups[slot] >= 0 { slot = (slot + 1) & mask }
            newHashes[slot] = hashes[index]
            newGroups[slot] = groups[index]
        }
        return (newHashes, newGroups)
    }
}
