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

/// A decimal from text (leading zeros allowed); records an issue if the text is not one.
func dec(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DecimalNumber {
    guard let value = DecimalNumber.parse(text, allowLeadingZeros: true) else {
        Issue.record("not a decimal: \(text)", sourceLocation: sourceLocation)
        return DecimalNumber(0)
    }
    return value
}

/// A decimal from mantissa and scale, for values parse does not take (19 digits).
func raw(_ mantissa: Int64, _ scale: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DecimalNumber {
    guard let value = DecimalNumber(mantissa: mantissa, scale: scale) else {
        Issue.record("bad scale \(scale)", sourceLocation: sourceLocation)
        return DecimalNumber(0)
    }
    return value
}

/// The printed result, or "nil".
func text(_ value: DecimalNumber?) -> String {
    value?.description ?? "nil"
}

@Suite struct SupportTests {
    @Test func digitCountAtEveryPowerOfTen() {
        #expect(DecimalSupport.digitCount(0) == 0)
        for exponent in 0...38 {
            let power = DecimalSupport.powersOfTen[exponent]
            #expect(DecimalSupport.digitCount(power) == exponent + 1)
            #expect(DecimalSupport.digitCount(power - 1) == exponent)
            #expect(DecimalSupport.digitCount(power + 1) == exponent + 1)
        }
        #expect(DecimalSupport.digitCount(UInt128.max) == 39)
        #expect(DecimalSupport.digitCount(9) == 1)
    }

    @Test func halfEvenAndHalfUp() {
        #expect(DecimalSupport.divideHalfEven(25, by: 10) == 2)
        #expect(DecimalSupport.divideHalfEven(35, by: 10) == 4)
        #expect(DecimalSupport.divideHalfEven(26, by: 10) == 3)
        #expect(DecimalSupport.divideHalfUp(25, by: 10) == 3)
        #expect(DecimalSupport.divideHalfUp(24, by: 10) == 2)
        #expect(DecimalSupport.divideHalfEven(1, by: 0) == 0)
        #expect(DecimalSupport.divideHalfEven(UInt128.max, by: 1) == UInt128.max)
    }

    @Test func int64FromSignAndMagnitude() {
        #expect(DecimalSupport.int64(negative: true, magnitude: 1 << 63) == Int64.min)
        #expect(DecimalSupport.int64(negative: false, magnitude: 1 << 63) == nil)
        #expect(DecimalSupport.int64(negative: false, magnitude: UInt128(Int64.max)) == Int64.max)
        #expect(DecimalSupport.int64(negative: true, magnitude: 0) == 0)
        #expect(DecimalSupport.int64(negative: true, magnitude: (1 << 63) + 1) == nil)
    }
}
