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

@Suite struct DivisionTests {
    @Test(arguments: [
        ("10", "4", "2.5"), ("1", "3", "0.333333333333333333"), ("2", "3", "0.666666666666666667"),
        ("6", "2", "3"), ("1.50", "1", "1.5"), ("7", "2", "3.5"), ("-1", "3", "-0.333333333333333333"),
        ("1", "-8", "-0.125"), ("0", "5", "0"), ("0.00", "-5", "0"), ("100", "7", "14.2857142857142857"),
        ("1", "3000", "0.000333333333333333"), ("0.000000000000000001", "3", "0"),
        ("0.000000000000000001", "2", "0"), ("0.000000000000000003", "2", "0.000000000000000002"),
        ("999999999999999999", "1", "999999999999999999"), ("999999999999999999", "0.1", "nil"),
        ("1", "0.000000000000000001", "nil"), ("0.1", "0.000000000000000001", "100000000000000000"),
        ("1", "0", "nil"), ("0", "0.0", "nil"), ("19.99", "0.01", "1999"),
    ])
    func dividing(_ a: String, _ b: String, _ expected: String) {
        guard let left = DecimalNumber.parse(a, allowLeadingZeros: true), let right = DecimalNumber.parse(b) else {
            #expect(expected == "nil")
            return
        }
        #expect(text(DecimalNumber.dividing(left, right)) == expected)
    }

    @Test func tiesToEven() {
        // 1000000000000000085 / 10 = 100000000000000008.5 → …08; …075 / 10 → …08.
        #expect(text(DecimalNumber.dividing(raw(1_000_000_000_000_000_085, 0), dec("10"))) == "100000000000000008")
        #expect(text(DecimalNumber.dividing(raw(1_000_000_000_000_000_075, 0), dec("10"))) == "100000000000000008")
        #expect(text(DecimalNumber.dividing(raw(-1_000_000_000_000_000_075, 0), dec("10"))) == "-100000000000000008")
        // Rounding up into a 19th digit: 999…9.5 → 10^18, which needs a negative scale.
        #expect(text(DecimalNumber.dividing(raw(1_999_999_999_999_999_999, 0), dec("2"))) == "nil")
        // Below 1 the carry costs a place instead: 0.00099…9995 → 0.001.
        #expect(text(DecimalNumber.dividing(raw(1_999_999_999_999_999_999, 18), dec("2000"))) == "0.001")
        #expect(text(DecimalNumber.dividing(raw(Int64.min, 0), raw(Int64.min, 0))) == "1")
        #expect(text(DecimalNumber.dividing(raw(Int64.min, 18), raw(-1, 0))) == "9.22337203685477581")
    }

    @Test func average() {
        #expect(text(DecimalNumber.average(sum: 10, scale: 0, count: 4)) == "2.5")
        #expect(text(DecimalNumber.average(sum: 1, scale: 0, count: 3)) == "0.333333333333333333")
        #expect(text(DecimalNumber.average(sum: 2, scale: 0, count: 3)) == "0.666666666666666667")
        #expect(text(DecimalNumber.average(sum: 5997, scale: 2, count: 3)) == "19.99")
        #expect(text(DecimalNumber.average(sum: -5, scale: 1, count: 2)) == "-0.25")
        #expect(text(DecimalNumber.average(sum: 0, scale: 3, count: 2)) == "0")
        #expect(DecimalNumber.average(sum: 1, scale: 0, count: 0) == nil)
        #expect(DecimalNumber.average(sum: 1, scale: 0, count: -1) == nil)
        #expect(DecimalNumber.average(sum: 1, scale: 19, count: 1) == nil)
        #expect(DecimalNumber.average(sum: 1, scale: -1, count: 1) == nil)
        // A sum beyond 64 bits with a mean that fits.
        let big = Int128(Int64.max) * 3
        #expect(text(DecimalNumber.average(sum: big, scale: 0, count: 3)) == "nil")  // 19-digit mean
        #expect(text(DecimalNumber.average(sum: big, scale: 2, count: 3)) == "92233720368547758.1")
        #expect(text(DecimalNumber.average(sum: Int128.min, scale: 18, count: Int64.max)) == "-18.4467440737095516")
        #expect(text(DecimalNumber.average(sum: Int128.max, scale: 0, count: 1)) == "nil")
    }
}
