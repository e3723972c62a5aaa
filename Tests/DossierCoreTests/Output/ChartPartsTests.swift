import Testing
@testable import DossierSupport
@testable import DossierData
@testable import DossierOutput

/// The pieces charts are drawn from: round steps, bins, periods, and the data a chart takes
/// from a result.
@Suite struct ChartPartsTests {
    private func relation(_ fields: [Field], _ columns: [[Value]]) -> Relation {
        Relation(
            fields: fields, columns: zip(fields, columns).map { Column.build($0.type, $1) },
            rows: .all(columns.first?.count ?? 0))
    }

    private func date(_ text: String) -> Value {
        CivilDate.parse(text).map { .date($0) } ?? .missing
    }

    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceStep(span: 100, count: 10).map { [$0.mantissa, Int64($0.exponent)] } == [1, 1])
        #expect(NiceStep(span: 13, count: 10).map { [$0.mantissa, Int64($0.exponent)] } == [2, 0])
        #expect(NiceStep(span: 0.37, count: 10).map { [$0.mantissa, Int64($0.exponent)] } == [5, -2])
        #expect(NiceStep(span: 0, count: 10) == nil)
        #expect(NiceStep(span: .infinity, count: 10) == nil)
        #expect(NiceStep(span: .nan, count: 10) == nil)
    }

    @Test func niceStepMultiplesPrintWithoutBinaryNoise() throws {
        let step = try #require(NiceStep(span: 1, count: 10))  // 0.1
        #expect(step.text(3) == "0.3")
        #expect(step.text(-20) == "-2")
        #expect(step.text(0) == "0")
        let thousands = try #require(NiceStep(span: 9000, count: 5))  // 2000
        #expect(thousands.text(3) == "6000")
        #expect(NiceStep.decimalText(1250, exponent: -2) == "12.5")
        #expect(NiceStep.decimalText(-5, exponent: -3) == "-0.005")
    }

    @Test func aScaleIncludesZeroAndRoundsItsEnds() {
        let scale = NiceScale(including: [3, 17, 42])
        #expect(scale.low == 0)
        #expect(scale.high == 50)
        #expect(scale.ticks.map(\.text) == ["0", "10", "20", "30", "40", "50"])
        let signed = NiceScale(including: [-12, 30])
        #expect(signed.low < 0 && signed.high >= 30)
        #expect(signed.ticks.map(\.text).contains("0"))
        #expect(NiceScale(including: []).ticks.map(\.text) == ["0"])
        #expect(NiceScale(including: [.infinity, .nan, 5]).high == 5)
    }

    @Test func histogramBinsHoldTheirLowerBound() {
        let histogram = Histogram([0, 5, 10, 10, 19.5, 20, 100]) { String($0) }
        #expect(histogram.bins.first?.label == "0 – 10")
        #expect(histogram.bins.first?.count == 2)  // 0 and 5; 10 starts the next bin
        #expect(histogram.bins[1].count == 3)  // 10, 10, 19.5
        #expect(histogram.bins.last?.label == "100 – 110")  // every bin is half open
        #expect(histogram.bins.last?.count == 1)
        #expect(histogram.bins.map(\.count).reduce(0, +) == 7)
    }

    @Test func histogramOfDecimalsPutsEdgeValuesInTheirOwnBin() {
        let histogram = Histogram([0.1, 0.2, 0.3, 1.0]) { String($0) }
        let bin = histogram.bins.first { $0.low == "0.3" }
        #expect(bin?.count == 1)
        #expect(histogram.bins.allSatisfy { !$0.low.contains("000000") })
    }

    @Test func integersAreNeverBinnedFinerThanOne() {
        let histogram = Histogram([5, 6, 6, 8], integers: true) { String($0) }
        #expect(histogram.bins.map(\.label) == ["5", "6", "7", "8"])
        #expect(histogram.bins.map(\.count) == [1, 2, 0, 1])
    }

    @Test func histogramOfOneValueIsOneBin() {
        let histogram = Histogram([7.5, 7.5]) { _ in "7.50" }
        #expect(histogram.bins == [Histogram.Bin(low: "7.50", high: "7.50", count: 2)])
        #expect(Histogram([]) { _ in "" }.bins.isEmpty)
        #expect(Histogram([-1e308, 1e308]) { String($0) }.bins.count == 1)  // the span overflows
    }

    @Test func theUnitOfPeriodsIsReadOffTheDates() throws {
        func days(_ texts: [String]) -> [Int32] { texts.compactMap(CivilDate.parse) }
        #expect(TimeUnit.of(days(["2025-01-01", "2025-03-01"])) == .month)
        #expect(TimeUnit.of(days(["2023-01-01", "2025-01-01"])) == .year)
        #expect(TimeUnit.of(days(["2025-01-01", "2025-07-01"])) == .quarter)
        #expect(TimeUnit.of(days(["2025-03-03", "2025-03-17"])) == .week)
        #expect(TimeUnit.of(days(["2025-03-03", "2025-03-05"])) == .day)
        let march = try #require(CivilDate.parse("2025-03-01"))
        #expect(TimeUnit.month.label(march) == "2025-03")
        #expect(TimeUnit.quarter.label(march) == "2025-Q1")
        #expect(TimeUnit.year.label(march) == "2025")
        #expect(TimeUnit.month.next(after: try #require(CivilDate.parse("2025-12-01"))) == CivilDate.parse("2026-01-01"))
    }

    @Test func periodsWithoutRowsAreGaps() throws {
        let points = [("2025-01-01", 0), ("2025-04-01", 1), ("2025-02-01", 2)].map { (CivilDate.parse($0.0) ?? 0, $0.1) }
        let filled = TimeBuckets.fill(points.map { (date: $0.0, index: $0.1) }, unit: .month)
        #expect(filled.map(\.index) == [0, 2, nil, 1])
    }

    @Test func chartDataPutsDatesInTimeOrderWithGaps() {
        let result = relation(
            [Field("month", .date), Field("count", .integer)],
            [[date("2025-03-01"), date("2025-01-01"), .missing], [.integer(5), .integer(2), .integer(1)]])
        let data = ChartData(result, spec: ChartSpec(kind: .bars, labelColumns: [0], valueColumn: 1))
        #expect(data.shape == .timeline(.month))
        #expect(data.bars.map(\.label) == ["2025-01", "2025-02", "2025-03"])
        #expect(data.bars.map(\.isGap) == [false, true, false])
        #expect(data.leftOut == ["1 row without a date"])
    }

    @Test func repeatedDatesAreBarsInTheResultsOrder() {
        let result = relation(
            [Field("day", .date), Field("n", .integer)],
            [[date("2025-03-01"), date("2025-03-01")], [.integer(5), .integer(2)]])
        let data = ChartData(result, spec: ChartSpec(kind: .bars, labelColumns: [0], valueColumn: 1))
        #expect(data.shape == .bars)
        #expect(data.bars.map(\.text) == ["5", "2"])
    }

    @Test func textWrapsAtWordsAndCutsOnlyLongWords() {
        #expect(TextWrap.lines("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.lines("", width: 4) == [""])
        #expect(TextWrap.lines("a\nb", width: 10) == ["a", "b"])
        #expect(TextWrap.lines("日本語 日本", width: 6) == ["日本語", "日本"])
        #expect(TextWrap.lines("x y", width: 0) == ["x", "y"])
        #expect(TextWrap.indented("one two three", width: 10, firstPrefix: "  “", prefix: "   ") == "  “one two\n   three")
    }

    @Test func recordFormatShowsABlockARowAndWrapsLongValues() {
        let result = relation(
            [Field("name", .text), Field("quote", .text)],
            [[.text("Libya"), .text("Rwanda")], [.text("a b c d e f g h i j"), .missing]])
        var text = ""
        OutputFormat.record.render(result, width: 17, into: &text)
        #expect(text == """
            ─[ 1 ]───────────
            name  │ Libya
            quote │ a b c d e
                  │ f g h i j
            ─[ 2 ]───────────
            name  │ Rwanda
            quote │
            (2 rows)

            """)
        #expect(OutputFormat(name: "line") == .record)
        #expect(OutputFormat(pathExtension: "out.record") == nil)
    }
}
