import Testing

@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierEngine
@testable import DossierOutput
@testable import DossierSession
@testable import DossierCompletion

@Suite struct ParseTests {
    /// Text → how it prints (nil: not a decimal here).
    @Test(arguments: [
        ("1.10", "1.10"), ("2.0", "2.0"), ("7", "7"), ("-0.05", "-0.05"), ("0.0025", "0.0025"),
        ("+1.5", "1.5"), ("0", "0"), ("0.5", "0.5"), ("-0.5", "-0.5"), ("-0.0", "0.0"), ("-0", "0"),
        ("1.5e3", "1500"), ("2.5e-3", "0.0025"), ("1.50e1", "15.0"), ("1E+2", "100"), ("15e-1", "1.5"),
        ("0e-5", "0.00000"), ("0e99999999999", "0"), ("0.00e5", "0"), ("12e-0", "12"),
        ("999999999999999999", "999999999999999999"), ("0.999999999999999999", "0.999999999999999999"),
        ("0.000000000000000001", "0.000000000000000001"), ("1e17", "100000000000000000"),
        ("1E-18", "0.000000000000000001"),
    ])
    func decimals(_ input: String, _ printed: String) {
        #expect(text(DecimalNumber.parse(input)) == printed)
    }

    @Test(arguments: [
        ".5", "1.", "inf", "-inf", "nan", "NaN", "1_000", "", "-", "+", "1e", "1e+", "--1", "+-1", "0x10",
        "1.5.5", "1e5.5", " 1", "1 ", "1a", "1,5", "e5", "\u{0661}",
        // More than 18 digits, or a scale outside 0...18.
        "1000000000000000000", "9223372036854775807", "1e18", "1e300", "1e-300", "1e-19",
        "0.0000000000000000001", "1.0000000000000000000", "0.0000000000000000000",
        "1234567890.123456789",
    ])
    func notDecimals(_ input: String) {
        #expect(DecimalNumber.parse(input) == nil)
        #expect(DecimalNumber.parse(input, allowLeadingZeros: true) == nil)
    }

    @Test func leadingZeros() {
        #expect(DecimalNumber.parse("01.5") == nil)
        #expect(DecimalNumber.parse("-01.5") == nil)
        #expect(DecimalNumber.parse("00") == nil)
        #expect(DecimalNumber.parse("0123") == nil)
        #expect(text(DecimalNumber.parse("01.5", allowLeadingZeros: true)) == "1.5")
        #expect(text(DecimalNumber.parse("007.50", allowLeadingZeros: true)) == "7.50")
        #expect(text(DecimalNumber.parse("00", allowLeadingZeros: true)) == "0")
        // Leading zeros are not significant digits.
        #expect(text(DecimalNumber.parse("0000000000000000000000001", allowLeadingZeros: true)) == "1")
    }

    @Test func bytesAndMantissaScale() {
        let parsed = Array("-12.340".utf8).withUnsafeBufferPointer { DecimalNumber.parse($0, allowLeadingZeros: false) }
        #expect(parsed?.mantissa == -12340)
        #expect(parsed?.scale == 3)
    }

    @Test func hugeExponentDoesNotOverflow() {
        #expect(DecimalNumber.parse("1e99999999999999999999999999") == nil)
        #expect(DecimalNumber.parse("1e-99999999999999999999999999") == nil)
    }
}

@Suite struct ParseRoundTripTests {
    /// Random byte soup from the number alphabet: whatever parses prints back to itself.
    @Test func randomTextNeverTrapsAndRoundTrips() {
        let alphabet = Array("0123456789.eE+-_x ".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0x30 }
            for allow in [false, true] {
                guard let value = bytes.withUnsafeBufferPointer({ DecimalNumber.parse($0, allowLeadingZeros: allow) })
                else { continue }
                let again = DecimalNumber.parse(value.description)
                #expect(again?.mantissa == value.mantissa && again?.scale == value.scale, "\(bytes)")
            }
        }
    }

    /// Every decimal of at most 18 digits prints as text that parses back to the same digits.
    @Test func descriptionParsesBack() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let mantissa = Int64.random(in: -999_999_999_999_999_999...999_999_999_999_999_999, using: &generator)
            let value = raw(mantissa, Int.random(in: 0...18, using: &generator))
            let again = DecimalNumber.parse(value.description)
            #expect(again?.mantissa == value.mantissa && again?.scale == value.scale, "\(value)")
        }
    }
}
