/// Quickselect: the k-th smallest value put where a sort would put it, in linear time on
/// average. A quantile reads two neighbouring order statistics of each group, so selecting
/// them beats sorting the group (q6 of the db-benchmark spent 30% of its time sorting).
package enum Selection {
    /// Afterwards `values[index]` and `values[index + 1]` (when there is one) hold what a
    /// sort would put there.
    package static func orderAround<T: Comparable>(_ values: UnsafeMutableBufferPointer<T>, _ index: Int) {
        guard values.count > 1, values.indices.contains(index) else { return }
        select(values, index)
        // Everything after `index` is at least values[index]: the next is the least of them.
        guard index + 1 < values.count else { return }
        var least = index + 1
        for position in (index + 2)..<values.count where values[position] < values[least] { least = position }
        values.swapAt(index + 1, least)
    }

    /// Hoare partitions around a median of three, narrowing to the side that holds `index`;
    /// after 2·log2(n) rounds (inputs built to defeat the pivot choice) the rest is sorted,
    /// so the worst case stays O(n log n).
    private static func select<T: Comparable>(_ values: UnsafeMutableBufferPointer<T>, _ index: Int) {
        var low = 0
        var high = values.count - 1
        var rounds = 2 * (Int.bitWidth - values.count.leadingZeroBitCount)
        while high - low > 16 {
            rounds -= 1
            if rounds < 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: values[low...high])
                rest.sort()
                return
            }
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low
            var j = high
            while i <= j {
                // The bounds hold for any order (a NaN pivot too); the loops stop at them.
                while i < high, values[i] < pivot { i += 1 }
                while j > low, pivot < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // [low, j] ≤ pivot ≤ [i, high]; what lies between equals the pivot.
            if index <= j {
                high = j
            } else if index >= i {
                low = i
            } else {
                return
            }
        }
        // A short run: insertion sort.
        if low < high {
            for position in (low + 1)...high {
                let value = values[position]
                var hole = position
                while hole > low, value < values[hole - 1] {
                    values[hole] = values[hole - 1]
                    hole -= 1
                }
                values[hole] = value
            }
        }
    }
}
