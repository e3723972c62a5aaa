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

@Suite struct DescriptionTests {
    @Test func printsAsWritten() {
        #expect(raw(110, 2).description == "1.10")
        #expect(raw(-5, 2).description == "-0.05")
        #expect(raw(7, 0).description == "7")
        #expect(raw(25, 4).description == "0.0025")
        #expect(raw(0, 3).description == "0.000")
        #expect(raw(0, 0).description == "0")
        #expect(raw(-1, 18).description == "-0.000000000000000001")
        #expect(raw(Int64.min, 0).description == "-9223372036854775808")
        #expect(raw(Int64.min, 18).description == "-9.223372036854775808")
        #expect(raw(Int64.max, 19 - 1).description == "9.223372036854775807")
        #expect(raw(123, 3).description == "0.123")
        #expect(raw(1234, 3).description == "1.234")
        #expect("\(DecimalNumber(42))" == "42")
    }

    @Test func initValidatesScale() {
        #expect(DecimalNumber(mantissa: 1, scale: -1) == nil)
        #expect(DecimalNumber(mantissa: 1, scale: 19) == nil)
        #expect(DecimalNumber(mantissa: 1, scale: 18) != nil)
    }

    @Test func equalityAndHashingByValue() {
        #expect(dec("1.10") == dec("1.1"))
        #expect(dec("1.1") == raw(11, 1))
        #expect(dec("2") == dec("2.0"))
        #expect(dec("-0.0") == dec("0"))
        #expect(dec("1.10").hashValue == dec("1.1").hashValue)
        #expect(dec("2").hashValue == dec("2.000000").hashValue)
        #expect(dec("0.000").hashValue == dec("0").hashValue)
        #expect(Set<DecimalNumber>([dec("1.10"), dec("1.1"), dec("1.100"), dec("2")]).count == 2)
        #expect(dec("1.1") != dec("1.11"))
    }

    @Test func ordering() {
        #expect(dec("1.09") < dec("1.1"))
        #expect(dec("-2") < dec("-1.99"))
        #expect(DecimalNumber.compare(dec("1.10"), dec("1.1")) == 0)
        #expect(DecimalNumber.compare(raw(Int64.max, 0), raw(Int64.max, 18)) == 1)
        #expect(DecimalNumber.compare(raw(Int64.min, 18), raw(Int64.min, 0)) == 1)
        #expect(([dec("3"), dec("-0.5"), dec("2.25"), dec("2.2")] as [DecimalNumber]).sorted().map(\.description)
            == ["-0.5", "2.2", "2.25", "3"])
    }

    @Test func compareWithIntegers() {
        #expect(DecimalNumber.compare(dec("9007199254740993"), Int64(9_007_199_254_740_992)) == 1)
        #expect(DecimalNumber.compare(dec("9007199254740992.0"), Int64(9_007_199_254_740_992)) == 0)
        #expect(DecimalNumber.compare(raw(Int64.max, 0), Int64.max) == 0)
        #expect(DecimalNumber.compare(raw(Int64.max, 1), Int64.max) == -1)
        #expect(DecimalNumber.compare(dec("-0.5"), Int64(0)) == -1)
        #expect(DecimalNumber.compare(dec("2.5"), Int64.min) == 1)
        #expect(DecimalNumber.compare(raw(Int64.min, 0), Int64.min) == 0)
    }

    @Test func signsAndNormalizing() {
        #expect(text(dec("-1.50").magnitude) == "1.50")
        #expect(text(dec("1.50").negated()) == "-1.50")
        #expect(text(dec("0.0").negated()) == "0.0")
        #expect(raw(Int64.min, 2).negated() == nil)
        #expect(raw(Int64.min, 2).magnitude == nil)
        #expect(text(raw(Int64.max, 2).negated()) == "-92233720368547758.07")
        #expect(dec("1.100").normalized.description == "1.1")
        #expect(dec("200").normalized.description == "200")
        #expect(dec("0.000").normalized.description == "0")
        #expect(dec("-3.2").signum == -1 && dec("0.0").isZero && dec("0.0").signum == 0)
    }

    @Test func mantissaAtScale() {
        #expect(dec("1.5").mantissa(atScale: 3) == 1500)
        #expect(dec("1.5").mantissa(atScale: 1) == 15)
        #expect(dec("1.55").mantissa(atScale: 1) == nil)
        #expect(dec("1.5").mantissa(atScale: 19) == nil)
        #expect(dec("9.2").mantissa(atScale: 18) == 9_200_000_000_000_000_000)
        #expect(dec("9.5").mantissa(atScale: 18) == nil)
        #expect(dec("10").mantissa(atScale: 18) == nil)
        #expect(raw(Int64.min, 0).mantissa(atScale: 0) == Int64.min)
    }
}
