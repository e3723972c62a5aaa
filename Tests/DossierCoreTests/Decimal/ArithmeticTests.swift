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

@Suite struct ArithmeticTests {
    @Test func addingIsExact() {
        #expect(text(dec("0.1").adding(dec("0.2"))) == "0.3")
        #expect(dec("0.1").adding(dec("0.2")) == dec("0.3"))
        #expect(text(dec("1.10").adding(dec("2.345"))) == "3.445")
        #expect(text(dec("1.10").adding(dec("-1.1"))) == "0.00")
        #expect(text(dec("999999999999999999").adding(dec("1"))) == "1000000000000000000")
        #expect(text(raw(Int64.max, 0).adding(dec("1"))) == "nil")
        #expect(text(raw(Int64.min, 0).adding(dec("-1"))) == "nil")
        #expect(text(raw(Int64.max, 0).adding(raw(Int64.min, 0))) == "-1")
        // Aligning to scale 18 overflows although both values are small.
        #expect(text(dec("10").adding(dec("0.000000000000000001"))) == "nil")
        #expect(text(dec("9").adding(dec("0.000000000000000001"))) == "9.000000000000000001")
    }

    @Test func subtracting() {
        #expect(text(dec("0.3").subtracting(dec("0.1"))) == "0.2")
        #expect(text(dec("1").subtracting(dec("1.00"))) == "0.00")
        #expect(text(raw(0, 0).subtracting(raw(Int64.min, 0))) == "nil")
        #expect(text(raw(-1, 0).subtracting(raw(Int64.min, 0))) == "9223372036854775807")
    }

    @Test func multiplyingExactly() {
        #expect(text(dec("19.99").multiplying(dec("3"))) == "59.97")
        #expect(text(dec("0.5").multiplying(dec("0.2"))) == "0.10")
        #expect(text(dec("-1.5").multiplying(dec("-1.5"))) == "2.25")
        #expect(text(dec("-1.5").multiplying(dec("0"))) == "0.0")
        #expect(text(raw(Int64.min, 0).multiplying(dec("1"))) == "-9223372036854775808")
        #expect(text(raw(Int64.min, 0).multiplying(dec("-1"))) == "nil")
        #expect(text(dec("3037000499.97605").multiplying(dec("1"))) == "3037000499.97605")
    }

    @Test func multiplyingRoundsHalfEvenToEighteenDigits() {
        // 20 places: rounded to 18.
        #expect(text(dec("0.1234567891").multiplying(dec("0.1234567891"))) == "0.015241578774881879")
        // One digit too many and it is a 5: ties to even, both ways.
        #expect(text(dec("0.0000000015").multiplying(dec("0.000000001"))) == "0.000000000000000002")
        #expect(text(dec("0.0000000025").multiplying(dec("0.000000001"))) == "0.000000000000000002")
        #expect(text(dec("-0.0000000025").multiplying(dec("0.000000001"))) == "-0.000000000000000002")
        // Too small for 18 places: zero at scale 18.
        #expect(text(dec("0.000000001").multiplying(dec("0.0000000001"))) == "0.000000000000000000")
        // Too many digits at scale ≤ 18: fewer places.
        #expect(text(dec("123456789.123456789").multiplying(dec("123456789.123456789")))
            == "15241578780673678.5")
        // 0.0999999999999999995: the 19th place is a tie after an odd digit, so it rounds up.
        #expect(text(raw(999_999_999_999_999_995, 2).multiplying(raw(1, 17))) == "0.100000000000000000")
        // 99999999999999.99999 carries into a 19th digit at 4 places: one place fewer.
        #expect(text(raw(3_333_333_333_333_333_333, 5).multiplying(dec("3"))) == "100000000000000.000")
        #expect(text(raw(3_333_333_333_333_333_333, 1).multiplying(dec("3"))) == "nil")
        // Needs more than 18 digits before the point.
        #expect(text(dec("999999999999999999").multiplying(dec("999999999999999999"))) == "nil")
        #expect(text(dec("10000000000").multiplying(dec("100000000"))) == "1000000000000000000")
        #expect(text(dec("100000000000").multiplying(dec("100000000"))) == "nil")
    }

    @Test func roundedHalfAwayFromZero() {
        #expect(text(dec("2.5").rounded(places: 0)) == "3")
        #expect(text(dec("-2.5").rounded(places: 0)) == "-3")
        #expect(text(dec("3.5").rounded(places: 0)) == "4")
        #expect(text(dec("2.45").rounded(places: 1)) == "2.5")
        #expect(text(dec("2.44").rounded(places: 1)) == "2.4")
        #expect(text(dec("1234").rounded(places: -2)) == "1200")
        #expect(text(dec("1250").rounded(places: -2)) == "1300")
        #expect(text(dec("-1250").rounded(places: -2)) == "-1300")
        #expect(text(dec("1234.5").rounded(places: 0)) == "1235")
        #expect(text(dec("0.004").rounded(places: 2)) == "0.00")
        #expect(text(dec("1234").rounded(places: -30)) == "0")
        #expect(text(dec("1234").rounded(places: Int.min)) == "0")
        // The scale follows places, padding with zeros.
        #expect(text(dec("2.5").rounded(places: 2)) == "2.50")
        #expect(text(dec("2.5").rounded(places: 30)) == "2.500000000000000000")
        #expect(text(dec("2.5").rounded(places: Int.max)) == "2.500000000000000000")
        #expect(text(raw(Int64.max, 1).rounded(places: 2)) == "922337203685477580.7")  // padding would overflow
        #expect(text(raw(Int64.max, 0).rounded(places: -1)) == "nil")
        #expect(text(raw(Int64.max, 0).rounded(places: -19)) == "nil")
        #expect(text(raw(Int64.max, 0).rounded(places: -20)) == "0")
        #expect(text(raw(Int64.min, 18).rounded(places: 0)) == "-9")
    }

    @Test func floorAndCeil() {
        #expect(dec("1.5").floor().description == "1")
        #expect(dec("-1.5").floor().description == "-2")
        #expect(dec("-2.0").floor().description == "-2")
        #expect(dec("7").floor().description == "7")
        #expect(dec("1.2").ceil().description == "2")
        #expect(dec("-1.5").ceil().description == "-1")
        #expect(dec("2.000").ceil().description == "2")
        #expect(dec("-0.5").ceil().description == "0")
        #expect(raw(Int64.min, 0).floor().description == "-9223372036854775808")
        #expect(raw(Int64.max, 0).ceil().description == "9223372036854775807")
        #expect(raw(Int64.min, 1).floor().description == "-922337203685477581")
        #expect(raw(Int64.max, 18).ceil().description == "10")
    }
}
