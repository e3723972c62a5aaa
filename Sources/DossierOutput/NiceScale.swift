import DossierSupport
import DossierData

/// Round steps for axes and histogram bins: 1, 2 or 5 times a power of ten, so ticks read
/// `0 20 40 60` and bins `10 – 20`, never `13.7`. A step is kept as an integer mantissa and
/// a power of ten, and a multiple of it is printed from integers, so `0.1 × 3` shows `0.3`
/// (binary floating point would give `0.30000000000000004`).
package struct NiceStep: Sendable, Equatable {
    /// 1, 2 or 5.
    package let mantissa: Int64
    package let exponent: Int

    /// The round step nearest above `span / count`; nil when the span is zero or not finite.
    package init?(span: Double, count: Int) {
        guard span.isFinite, span > 0, count > 0 else { return nil }
        let raw = span / Double(count)
        guard raw.isNormal else { return nil }
        var exponent = NiceStep.decade(raw)
        let magnitude = NiceStep.power(exponent)
        let residual = raw / magnitude
        let mantissa: Int64
        if residual <= 1 { mantissa = 1 } else if residual <= 2 { mantissa = 2 } else if residual <= 5 { mantissa = 5 } else {
            mantissa = 1
            exponent += 1
        }
        self.mantissa = mantissa
        self.exponent = exponent
    }

    package init(mantissa: Int64, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    package var value: Double { Double(mantissa) * NiceStep.power(exponent) }

    /// The `index`-th multiple of the step, as a number.
    package func multiple(_ index: Int64) -> Double { Double(index) * value }

    /// The `index`-th multiple of the step as people write it: `0.3`, `1500`, `-20`.
    package func text(_ index: Int64) -> String {
        let (product, overflow) = index.multipliedReportingOverflow(by: mantissa)
        guard !overflow, (-300...300).contains(exponent) else { return NumberFormatting.float(multiple(index)) }
        return NiceStep.decimalText(product, exponent: exponent)
    }

    /// The index of the multiple at or below `value` (clamped, so no conversion can trap).
    package func index(atOrBelow value: Double) -> Int64 {
        NiceStep.clampedInteger((value / self.value).rounded(.down))
    }

    /// The index of the multiple at or above `value`.
    package func index(atOrAbove value: Double) -> Int64 {
        NiceStep.clampedInteger((value / self.value).rounded(.up))
    }

    /// `digits × 10^exponent` in plain decimal digits.
    package static func decimalText(_ digits: Int64, exponent: Int) -> String {
        let negative = digits < 0
        var text = String(digits.magnitude)
        if exponent >= 0 {
            if digits != 0 { text += String(repeating: "0", count: exponent) }
        } else {
            let places = -exponent
            if text.count <= places { text = String(repeating: "0", count: places - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return (negative && digits != 0 ? "-" : "") + text
    }

    /// A whole double as an Int64, clamped to a range that any later arithmetic survives.
    package static func clampedInteger(_ value: Double) -> Int64 {
        guard value.isFinite else { return value > 0 ? 1 << 52 : -(1 << 52) }
        return Int64(max(-4_503_599_627_370_496, min(4_503_599_627_370_496, value)))
    }

    /// 10^exponent; each power of ten up to 10^22 is exact, and so is the division by one.
    package static func power(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(400, exponent.magnitude) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// The power of ten at or below a positive normal `value` (no C math library needed).
    private static func decade(_ value: Double) -> Int {
        var exponent = 0
        var bound = 1.0
        while bound > value, exponent > -400 {
            exponent -= 1
            bound = power(exponent)
        }
        while bound * 10 <= value, exponent < 400 {
            exponent += 1
            bound = power(exponent)
        }
        return exponent
    }
}

/// The value axis of a chart: from a round number at or below the lowest value (or zero) to
/// one at or above the highest, with its ticks.
package struct NiceScale: Sendable {
    package let low: Double
    package let high: Double
    package let ticks: [(value: Double, text: String)]

    /// An axis that includes zero and every finite value in `values`, with about `tickCount` ticks.
    package init(including values: [Double], tickCount: Int = 5) {
        let finite = values.filter(\.isFinite)
        let lowest = min(0, finite.min() ?? 0)
        let highest = max(0, finite.max() ?? 0)
        guard let step = NiceStep(span: highest - lowest, count: tickCount) else {
            low = 0
            high = highest > 0 ? highest : 1
            ticks = [(0, "0")]
            return
        }
        let first = step.index(atOrBelow: lowest)
        let last = step.index(atOrAbove: highest)
        low = step.multiple(first)
        high = step.multiple(last)
        var ticks: [(Double, String)] = []
        var index = first
        // At most a few dozen: the step was chosen from the span.
        while index <= last, ticks.count < 100 {
            ticks.append((step.multiple(index), step.text(index)))
            index += 1
        }
        self.ticks = ticks
    }

    /// Where `value` falls between `low` (0) and `high` (1), clamped.
    package func fraction(_ value: Double) -> Double {
        guard high > low else { return 0 }
        if value.isInfinite { return value > 0 ? 1 : 0 }
        let share = (value - low) / (high - low)
        return share.isFinite ? min(1, max(0, share)) : 0
    }
}
