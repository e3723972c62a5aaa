import DossierSupport
import DossierDiagnostics

extension DecimalNumber {
    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (ASCII digits only).
    ///
    /// Returns nil when the bytes are not such a number, or when the value needs more than 18
    /// digits in the mantissa or a scale outside 0...18; the caller then reads a `Double`.
    /// Not decimals here: `.5`, `1.`, `inf`, `nan`, `1_000`, surrounding spaces.
    ///
    /// - `allowLeadingZeros: false` rejects `01.5` and `00` (so codes such as `0123` stay text)
    ///   but accepts `0`, `0.5` and `-0.5`. Leading zeros never count as digits: with
    ///   `allowLeadingZeros: true`, `007.50` is 7.50.
    /// - The scale is the written fraction length minus the exponent: `2.5e-3` is 0.0025
    ///   (scale 4), `1.50e1` is 15.0 (scale 1), and a positive remainder becomes zeros of the
    ///   integer: `1.5e3` is 1500 (scale 0).
    /// - `-0.0` is zero at scale 1 (there is no negative zero).
    /// - The 18-digit limit counts the mantissa as held, trailing and exponent zeros included:
    ///   `1e17` (18 digits) is a decimal, `1e18` and `1000000000000000000` are not.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowLeadingZeros: Bool) -> DecimalNumber? {
        let count = bytes.count
        var index = 0
        var negative = false
        if count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }

        // The digits, leading zeros skipped; more than 18 significant digits can never fit.
        // (Written out in both loops rather than as a nested function: a local function that
        // captures these vars costs exclusivity checks in this hot loop.)
        var mantissa: UInt64 = 0
        var significantDigits = 0

        let integerStart = index
        while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
            let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
            if significantDigits > 0 || digit != 0 {
                significantDigits += 1
                // Only the first 19 are accumulated (≤ 10^19 - 1 < 2^64); 19 already fails below.
                if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit }
            }
            index += 1
        }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return nil }
        if !allowLeadingZeros, integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }

        var fractionDigits = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
                if significantDigits > 0 || digit != 0 {
                    significantDigits += 1
                    if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit }
                }
                index += 1
            }
            fractionDigits = index - fractionStart
            guard fractionDigits > 0 else { return nil }
        }

        var exponent = 0
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                // Capped: anything past a few dozen is out of range whatever the digits.
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            guard index > exponentStart else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == count else { return nil }
        guard significantDigits <= 18 else { return nil }

        // fractionDigits is at most the input length, exponent at most ±100_009: no overflow.
        var scale = fractionDigits - exponent
        var magnitude = UInt128(mantissa)
        if scale < 0 {
            // 1.5e3: the extra exponent becomes zeros of the integer.
            if magnitude != 0 {
                guard let factor = DecimalSupport.powerOfTen(-scale) else { return nil }
                let (product, overflow) = magnitude.multipliedReportingOverflow(by: factor)
                guard !overflow else { return nil }
                magnitude = product
            }
            scale = 0
        }
        guard scale <= DecimalSupport.maxScale, magnitude <= DecimalSupport.maxRoundedMagnitude else { return nil }
        guard let value = DecimalSupport.int64(negative: negative, magnitude: magnitude) else { return nil }
        return DecimalNumber(uncheckedMantissa: value, scale: scale)
    }

    /// Parses a `String` with the rules of `parse(_:allowLeadingZeros:)`.
    public static func parse(_ text: String, allowLeadingZeros: Bool = false) -> DecimalNumber? {
        var text = text
        return text.withUTF8 { parse($0, allowLeadingZeros: allowLeadingZeros) }
    }
}
