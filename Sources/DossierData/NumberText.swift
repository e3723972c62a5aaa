import DossierSupport
import DossierDiagnostics

/// Numbers as people write them in reports and spreadsheets, for `number(x)` (§6 "Messy
/// columns"): `1,234`, `1 234`, `$1,234.50`, `12%` (12), `(1,234)` (-1234, as accountants
/// write a negative), `€ 5`, `-3.5`, `1e6`. Thousands separators must separate groups of
/// three digits, so `1,5` is not a number (it is ambiguous: one and a half, or fifteen).
/// Anything else is not a number, and `number(x)` gives missing.
public enum NumberText {
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        // Most texts start with a letter: no number, decided at the first byte.
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        guard start < bytes.count else { return nil }
        let lead = bytes[start]
        if lead &- 0x41 < 26 || lead &- 0x61 < 26 { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count)
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars[...]
        trim(&scalars)
        var negative = false
        if scalars.first == "(", scalars.last == ")" {
            negative = true
            scalars = scalars.dropFirst().dropLast()
            trim(&scalars)
        }
        if scalars.last == "%" {
            scalars = scalars.dropLast()
            trim(&scalars)
        }
        if let first = scalars.first, currency.contains(first) {
            scalars = scalars.dropFirst()
            trim(&scalars)
        } else if let last = scalars.last, currency.contains(last) {
            scalars = scalars.dropLast()
            trim(&scalars)
        }
        if scalars.first == "-" || scalars.first == "+" {
            if scalars.first == "-" { negative.toggle() }
            scalars = scalars.dropFirst()
            // `$-5` and `-$5` both occur.
            if let first = scalars.first, currency.contains(first) { scalars = scalars.dropFirst() }
        }
        if negative { digits.append(UInt8(ascii: "-")) }
        // The integer part: digits, maybe grouped in threes by one kind of separator.
        var group = 0
        var groups = 0
        var separator: Unicode.Scalar?
        var sawPoint = false
        var rest = scalars
        while let scalar = rest.first {
            if scalar.value >= 0x30, scalar.value <= 0x39 {
                digits.append(UInt8(scalar.value))
                group += 1
            } else if !sawPoint, groupSeparators.contains(scalar), separator == nil || separator == scalar {
                // A separator closes a group: the first 1–3 digits, later ones exactly 3.
                guard group >= 1, group <= 3, groups == 0 || group == 3 else { return nil }
                separator = scalar
                groups += 1
                group = 0
            } else {
                break
            }
            rest = rest.dropFirst()
        }
        if separator != nil, group != 3 { return nil }
        if rest.first == "." {
            sawPoint = true
            digits.append(UInt8(ascii: "."))
            rest = rest.dropFirst()
            while let scalar = rest.first, scalar.value >= 0x30, scalar.value <= 0x39 {
                digits.append(UInt8(scalar.value))
                rest = rest.dropFirst()
            }
        }
        if separator == nil, let scalar = rest.first, scalar == "e" || scalar == "E" {
            // A plain number in exponent form: `1e6`.
            for scalar in rest where scalar.isASCII { digits.append(UInt8(scalar.value)) }
            rest = rest.dropFirst(rest.count)
        }
        guard rest.isEmpty else { return nil }
        return digits.withUnsafeBufferPointer { plain in
            if let integer = ValueParsing.integer(plain, allowLeadingZeros: true) { return .integer(integer) }
            if let decimal = DecimalNumber.parse(plain, allowLeadingZeros: true) { return .decimal(decimal) }
            if let float = ValueParsing.decimal(plain, allowLeadingZeros: true) { return .float(float) }
            return nil
        }
    }

    public static func parse(_ text: String) -> Value? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    private static let currency: Set<Unicode.Scalar> = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "¢"]
    /// Comma, space, no-break space, thin space, narrow no-break space, apostrophe (Swiss).
    private static let groupSeparators: Set<Unicode.Scalar> = [",", " ", "\u{00A0}", "\u{2009}", "\u{202F}", "'", "’"]

    private static func trim(_ scalars: inout Substring.UnicodeScalarView) {
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{00A0}" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\u{00A0}" { scalars = scalars.dropLast() }
    }
}
