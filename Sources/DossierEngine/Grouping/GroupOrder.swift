import DossierSupport
import DossierDiagnostics
import DossierData

/// The order groups are shown in: `summarize` by its keys, `count by` by count (most first)
/// then keys. Keys order as `sort by` does: missing last, text by the alphabet (`TextCollation`
/// ranks, computed once per dictionary), numbers and dates by value.
///
/// Each group gets a sort key of one or more words, packed from its count and its keys' order
/// codes, and groups are radix-sorted by it: no comparison of values per pair of groups.
package enum GroupOrder {
    package static func byKeys(_ groups: GroupAssignment, cancellation: Cancellation?) throws(Diagnostic) -> [Int32] {
        try order(groups, counts: nil, cancellation: cancellation)
    }

    package static func byCountThenKeys(
        _ groups: GroupAssignment, counts: [Int64], cancellation: Cancellation?
    ) throws(Diagnostic) -> [Int32] {
        try order(groups, counts: counts, cancellation: cancellation)
    }

    /// How one part of the sort key is made from a group's packed key word.
    private enum Part {
        /// The count, most first.
        case count
        /// A dictionary code, ordered by the alphabet; missing after every text.
        case text(ranks: [UInt32], last: UInt64)
        /// A value code (`value - minimum + 1`, 0 missing), missing after every value.
        case value(missing: UInt64)
    }

    private static func order(_ groups: GroupAssignment, counts: [Int64]?, cancellation: Cancellation?) throws(Diagnostic) -> [Int32] {
        let count = groups.groupCount
        guard let encoders = groups.encoders, groups.boxedKeys == nil else {
            return try boxedOrder(groups, counts: counts, cancellation: cancellation)
        }
        if encoders.isEmpty, counts == nil { return (0..<count).map { Int32(truncatingIfNeeded: $0) } }
        var parts: [(part: Part, width: Int, key: Int)] = []
        if let counts {
            parts.append((.count, KeyEncoder.width(UInt64(counts.max() ?? 0)), -1))
        }
        for (index, encoder) in encoders.enumerated() {
            if case .text(let text) = groups.keyViews[index].column {
                let ranks = try text.dictionary.sortRanks(cancellation: cancellation)
                let last = UInt64(ranks.max() ?? 0) + 1
                parts.append((.text(ranks: ranks, last: last), KeyEncoder.width(last), index))
            } else {
                // Value codes use fewer than all `bits` values: the largest code is free.
                let missing: UInt64 = encoder.bits >= 64 ? UInt64.max : (1 << UInt64(encoder.bits)) - 1
                parts.append((.value(missing: missing), encoder.bits, index))
            }
        }
        // Parts fill words, most significant first.
        var sortWords: [[UInt64]] = []
        var used = 64
        for (part, width, key) in parts {
            if used + width > 64 {
                sortWords.append([UInt64](repeating: 0, count: count))
                used = 0
            }
            used += width
            let last = sortWords.count - 1
            sortWords[last].withUnsafeMutableBufferPointer { packed in
                groups.words.withUnsafeBufferPointer { words in
                    groups.firstPosition.withUnsafeBufferPointer { firsts in
                        append(part, width: width, key: key, groups: groups, counts: counts, words: words, firsts: firsts, to: packed)
                    }
                }
            }
            try cancellation?.check()
        }
        return RadixSort.order(words: sortWords)
    }

    /// Shifts each group's sort word left by `width` and puts the part's code in the space.
    private static func append(
        _ part: Part, width: Int, key: Int, groups: GroupAssignment, counts: [Int64]?,
        words: UnsafeBufferPointer<UInt64>, firsts: UnsafeBufferPointer<Int32>, to packed: UnsafeMutableBufferPointer<UInt64>
    ) {
        let shiftIn = UInt64(width)
        let count = packed.count
        let widthMask: UInt64 = width >= 64 ? UInt64.max : (1 << shiftIn) - 1
        guard key >= 0, let encoders = groups.encoders else {
            // The count: its complement within its width puts most first.
            guard let counts else { return }
            for group in 0..<count { packed[group] = packed[group] << shiftIn | (~UInt64(counts[group]) & widthMask) }
            return
        }
        let (word, shift) = groups.layout[key]
        let bits = encoders[key].bits
        let mask: UInt64 = bits >= 64 ? UInt64.max : (1 << UInt64(bits)) - 1
        let stride = groups.stride
        let perGroup = groups.wordsPerGroup
        @inline(__always) func code(_ group: Int) -> UInt64 {
            (words[(perGroup ? group : Int(firsts[group])) &* stride &+ word] >> UInt64(shift)) & mask
        }
        switch part {
        case .count:
            break
        case .text(let ranks, let last):
            ranks.withUnsafeBufferPointer { ranks in
                for group in 0..<count {
                    let value = code(group)
                    packed[group] = packed[group] << shiftIn | (value == 0 ? last : UInt64(ranks[Int(value)]))
                }
            }
        case .value(let missing):
            for group in 0..<count {
                let value = code(group)
                packed[group] = packed[group] << shiftIn | (value == 0 ? missing : value &- 1)
            }
        }
    }

    /// Groups of floating-point or list keys, ordered by comparing boxed values.
    private static func boxedOrder(_ groups: GroupAssignment, counts: [Int64]?, cancellation: Cancellation?) throws(Diagnostic) -> [Int32] {
        let keys = groups.boxedKeys ?? []
        var order = (0..<groups.groupCount).map { Int32(truncatingIfNeeded: $0) }
        var comparisons = 0
        var stopped = false
        order.sort { a, b in
            comparisons &+= 1
            if comparisons & 0xFFFF == 0, cancellation?.isCancelled == true { stopped = true }
            if stopped { return a < b }
            if let counts, counts[Int(a)] != counts[Int(b)] { return counts[Int(a)] > counts[Int(b)] }
            for (left, right) in zip(keys[Int(a)], keys[Int(b)]) {
                let order = ValueComparison.sortOrder(left, right)
                if order != 0 { return order < 0 }
            }
            return a < b
        }
        if stopped { try cancellation?.check() }
        return order
    }
}
