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

@Suite struct DoubleTests {
    @Test func nearestDouble() {
        #expect(dec("0.1").doubleValue == 0.1)
        #expect(dec("-2.5").doubleValue == -2.5)
        #expect(dec("0").doubleValue.bitPattern == 0)  // no negative zero
        #expect(dec("-0.0").doubleValue.bitPattern == 0)
        #expect(dec("0.000000000000000001").doubleValue == 1e-18)
        #expect(dec("123456789012345678").doubleValue == 123456789012345678.0)
        #expect(raw(Int64.max, 0).doubleValue == 9223372036854775807.0)  // rounds to 2^63
        #expect(raw(Int64.min, 0).doubleValue == -9223372036854775808.0)
        #expect(raw(Int64.max, 18).doubleValue == 9.223372036854775807)
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: to even (2^53); a hair above goes up.
        #expect(dec("9007199254740993").doubleValue == 9007199254740992.0)
        #expect(dec("9007199254740993.01").doubleValue == 9007199254740994.0)
        #expect(dec("9007199254740995").doubleValue == 9007199254740996.0)
    }

    /// Against the standard library's own (correctly rounding) parser on values past 2^53.
    @Test func agreesWithStandardLibraryParser() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let mantissa = Int64.random(in: Int64.min...Int64.max, using: &generator)
            let scale = Int.random(in: 0...18, using: &generator)
            let value = raw(mantissa, scale)
            #expect(value.doubleValue == Double(value.description), "\(value)")
        }
    }

    @Test func compareWithDoubles() {
        #expect(DecimalNumber.compare(dec("9007199254740993"), 9007199254740992.0) == 1)
        #expect(DecimalNumber.compare(dec("9007199254740991"), 9007199254740992.0) == -1)
        #expect(DecimalNumber.compare(dec("9007199254740992"), 9007199254740992.0) == 0)
        #expect(DecimalNumber.compare(dec("0.1"), 0.1) == -1)  // 0.1 as a double is a little above
        #expect(DecimalNumber.compare(dec("0.5"), 0.5) == 0)
        #expect(DecimalNumber.compare(dec("-0.1"), -0.1) == 1)
        #expect(DecimalNumber.compare(dec("0"), -0.0) == 0)
        #expect(DecimalNumber.compare(dec("0.0"), Double.leastNonzeroMagnitude) == -1)
        #expect(DecimalNumber.compare(dec("0.000000000000000001"), Double.leastNonzeroMagnitude) == 1)
        #expect(DecimalNumber.compare(dec("1"), .nan) == nil)
        #expect(DecimalNumber.compare(dec("999999999999999999"), .infinity) == -1)
        #expect(DecimalNumber.compare(dec("-999999999999999999"), -.infinity) == 1)
        #expect(DecimalNumber.compare(raw(Int64.max, 0), 9223372036854775808.0) == -1)
        #expect(DecimalNumber.compare(raw(Int64.min, 0), -9223372036854775808.0) == 0)
        #expect(DecimalNumber.compare(dec("1e17"), 1e300) == -1)
        #expect(DecimalNumber.compare(dec("1.5"), 1.5) == 0)
        #expect(DecimalNumber.compare(dec("1.50"), 1.4999999999999998) == 1)
    }

    @Test func compareWithDoubleAgreesWithDecimalOrderForExactDoubles() {
        // Doubles that are exact decimals with few digits: compare must match decimal order.
        for numerator in -300...300 {
            let value = Double(numerator) / 8  // exact, at most 3 places
            let exact = raw(Int64(numerator) * 125, 3)
            for offset in [-1, 0, 1] as [Int64] {
                let nearby = raw(exact.mantissa + offset, 3)
                #expect(DecimalNumber.compare(nearby, value) == Int(offset.signum()))
            }
        }
    }
}
