import DossierSupport

/// How many values of one numeric field fall in each of about ten bins of a round width
/// (`0 – 10`, `10 – 20`, …). A bin holds its lower bound and not its upper one. Integers are
/// never split finer than one apart; bins one integer wide are named by that integer (`7`).
package struct Histogram: Sendable {
    package struct Bin: Sendable, Equatable {
        package var low: String
        package var high: String
        package var count: Int
        /// One integer a bin: the bin is that value.
        package var isOneValue = false
        package var label: String { isOneValue || low == high ? low : "\(low) – \(high)" }
    }

    package let bins: [Bin]

    /// About how many bins a histogram has (between half and twice this).
    package static let targetBins = 10

    /// Bins for the finite values given (the caller counts and reports the others);
    /// `text` shows a value as its column does, for a histogram whose values are all alike.
    package init(_ values: [Double], integers: Bool = false, text: (Double) -> String) {
        guard let lowest = values.min(), let highest = values.max() else {
            bins = []
            return
        }
        guard var step = NiceStep(span: highest - lowest, count: Histogram.targetBins) else {
            // One value, all alike, or a span beyond binary floating point: one bin.
            bins = [Bin(low: text(lowest), high: text(highest), count: values.count)]
            return
        }
        if integers, step.value < 1 { step = NiceStep(mantissa: 1, exponent: 0) }
        let first = step.index(atOrBelow: lowest)
        // The highest value is in the bin that starts at or below it, so every bin is half open.
        let last = max(first, step.index(atOrBelow: highest)) + 1
        // The step was chosen for about ten bins; the cap only guards against rounding.
        let binCount = Int(min(100, last - first))
        var counts = [Int](repeating: 0, count: binCount)
        let start = step.multiple(first)
        for value in values {
            // A hair of tolerance: 0.3 / 0.1 is 2.9999999999999996 in binary, and 0.3 belongs
            // in the bin that starts at 0.3.
            let position = ((value - start) / step.value + 1e-9).rounded(.down)
            let index = position.isFinite ? Int(max(0, min(Double(binCount - 1), position))) : binCount - 1
            counts[index] += 1
        }
        let oneValue = integers && step.value == 1
        bins = counts.enumerated().map { offset, count in
            let index = first + Int64(offset)
            return Bin(low: step.text(index), high: step.text(index + 1), count: count, isOneValue: oneValue)
        }
    }
}
