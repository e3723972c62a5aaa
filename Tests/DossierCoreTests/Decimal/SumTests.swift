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

@Suite struct SumTests {
    @Test func exactInAnyOrder() {
        let values: [Int64] = [Int64.max, 1, -1]
        for order in [[0, 1, 2], [1, 0, 2], [1, 2, 0], [2, 1, 0]] {
            var sum = DecimalSum()
            for index in order { sum.add(values[index]) }
            #expect(sum.int64Value == Int64.max)
            #expect(text(sum.decimalValue(scale: 0)) == "9223372036854775807")
            #expect(sum.count == 3)
        }
    }

    @Test func moneyIsExact() {
        var sum = DecimalSum()
        for _ in 0..<10 { sum.add(10) }  // 0.10 at scale 2, ten times
        #expect(text(sum.decimalValue(scale: 2)) == "1.00")
        #expect(sum.doubleValue(scale: 2) == 1.0)
        #expect(text(sum.average(scale: 2)) == "0.1")
    }

    @Test func beyondSixtyFourBits() {
        var sum = DecimalSum()
        for _ in 0..<4 { sum.add(Int64.max) }
        #expect(sum.total == Int128(Int64.max) * 4)
        #expect(sum.int64Value == nil)
        #expect(sum.decimalValue(scale: 0) == nil)
        #expect(sum.doubleValue(scale: 0) == 36893488147419103228.0)
        #expect(sum.doubleValue(scale: 18) == 36.893488147419103228)
        #expect(text(sum.average(scale: 2)) == "92233720368547758.1")
        sum.add(Int64.min)
        sum.add(Int64.min)
        sum.add(Int64.min)
        sum.add(Int64.min)
        #expect(sum.int64Value == -4)
    }

    @Test func partialSumsMerge() {
        var left = DecimalSum()
        var right = DecimalSum()
        left.add(Int64.max)
        right.add(Int64.max)
        right.add(-5)
        left.add(right)
        #expect(left.total == Int128(Int64.max) * 2 - 5)
        #expect(left.count == 3)
        #expect(!left.overflowed)
    }

    @Test func emptyAndBadScales() {
        let sum = DecimalSum()
        #expect(sum.average(scale: 0) == nil)
        #expect(text(sum.decimalValue(scale: 0)) == "0")
        #expect(sum.decimalValue(scale: 19) == nil)
        #expect(sum.doubleValue(scale: -1).isNaN)
    }

    @Test func fromSum() {
        #expect(text(DecimalNumber.fromSum(12345, scale: 2)) == "123.45")
        #expect(text(DecimalNumber.fromSum(Int128(Int64.min), scale: 0)) == "-9223372036854775808")
        #expect(DecimalNumber.fromSum(Int128(Int64.max) + 1, scale: 0) == nil)
        #expect(DecimalNumber.fromSum(1, scale: 19) == nil)
        #expect(DecimalNumber.sumToDouble(Int128.min, scale: 0) == -0x1p127)
        #expect(DecimalNumber.sumToDouble(Int128.max, scale: 0) == 0x1p127)
        #expect(DecimalNumber.sumToDouble(-12345, scale: 2) == -123.45)
    }
}
