/// Least-significant-digit radix sort of 64-bit keys, eleven bits a pass, skipping digits every
/// key shares: sorting ten million groups takes a few passes over two arrays, where a
/// comparison sort takes seconds.
package enum RadixSort {
    static let digitBits = 11
    static let buckets = 1 << digitBits

    /// The indices of the keys in ascending order; equal keys keep their index order.
    package static func order(_ keys: [UInt64]) -> [Int32] {
        order(words: [keys])
    }

    /// The indices in ascending order of keys spanning several words, the most significant
    /// word first (`words[w][i]` is word `w` of key `i`).
    package static func order(words: [[UInt64]]) -> [Int32] {
        let count = words.first?.count ?? 0
        var order = (0..<count).map { Int32(truncatingIfNeeded: $0) }
        guard count > 1 else { return order }
        var nextOrder = [Int32](repeating: 0, count: count)
        var currentKeys = [UInt64](repeating: 0, count: count)
        var nextKeys = [UInt64](repeating: 0, count: count)
        // Least significant word first: each pass is stable, so earlier passes break ties.
        for (wordIndex, keys) in words.enumerated().reversed() {
            if wordIndex == words.count - 1 {
                currentKeys = keys
            } else {
                gather(keys, order, into: &currentKeys)
            }
            let digits = varyingDigits(currentKeys)
            for shift in digits {
                pass(shift: shift, count: count, &currentKeys, &order, &nextKeys, &nextOrder)
            }
        }
        return order
    }

    private static func gather(_ keys: [UInt64], _ order: [Int32], into result: inout [UInt64]) {
        keys.withUnsafeBufferPointer { keys in
            order.withUnsafeBufferPointer { order in
                result.withUnsafeMutableBufferPointer { result in
                    for index in 0..<order.count { result[index] = keys[Int(order[index])] }
                }
            }
        }
    }

    /// The shifts of the digits on which keys differ.
    private static func varyingDigits(_ keys: [UInt64]) -> [UInt64] {
        guard let first = keys.first else { return [] }
        var varying: UInt64 = 0
        keys.withUnsafeBufferPointer { keys in
            for key in keys { varying |= key ^ first }
        }
        let mask = UInt64(buckets - 1)
        return stride(from: 0, to: 64, by: digitBits).map { UInt64($0) }.filter { (varying >> $0) & mask != 0 }
    }

    private static func pass(
        shift: UInt64, count: Int, _ keys: inout [UInt64], _ order: inout [Int32],
        _ nextKeys: inout [UInt64], _ nextOrder: inout [Int32]
    ) {
        let mask = UInt64(buckets - 1)
        var starts = [Int](repeating: 0, count: buckets)
        keys.withUnsafeBufferPointer { keys in
            starts.withUnsafeMutableBufferPointer { starts in
                for key in keys { starts[Int((key >> shift) & mask)] &+= 1 }
                var total = 0
                for bucket in 0..<buckets {
                    let size = starts[bucket]
                    starts[bucket] = total
                    total &+= size
                }
            }
            order.withUnsafeBufferPointer { order in
                nextKeys.withUnsafeMutableBufferPointer { nextKeys in
                    nextOrder.withUnsafeMutableBufferPointer { nextOrder in
                        starts.withUnsafeMutableBufferPointer { starts in
                            for index in 0..<count {
                                let key = keys[index]
                                let bucket = Int((key >> shift) & mask)
                                let place = starts[bucket]
                                starts[bucket] = place &+ 1
                                nextKeys[place] = key
                                nextOrder[place] = order[index]
                            }
                        }
                    }
                }
            }
        }
        swap(&keys, &nextKeys)
        swap(&order, &nextOrder)
    }
}
