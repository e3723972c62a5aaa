import Foundation
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

/// `set` alone, prose wrapped to the terminal, and charts saved as SVG (issue 14).
@Suite struct ConveniencesTests {
    let shell = TestSession(format: .table)
    let files = TemporaryDirectory()

    @Test func setAloneListsEveryOptionWithItsValue() {
        shell.session.options.format = .csv
        shell.run("set pager off")
        #expect(shell.rows("set") == [
            ["option", "value", "choices"], ["format", "csv", "table, csv, tsv, json, jsonl, markdown, record"],
            ["timer", "off", "on, off"], ["pager", "off", "on, off"],
        ])
        #expect(shell.rows("set timer").dropFirst().map { $0[1] } == ["off"])
        #expect(shell.error("set colour")?.message == "there is no option `colour`")
    }

    @Test func setWithoutAValueParsesAsAQuestion() {
        let kinds = Parser.parse(SourceText("set; set format; set format csv")).compactMap(\.statement?.kind)
        guard kinds.count == 3, case .showOptions(nil) = kinds[0], case .showOptions(let option?) = kinds[1],
            case .set = kinds[2]
        else {
            Issue.record("parsed as \(kinds)")
            return
        }
        #expect(option.text == "format")
    }

    @Test func citeWrapsQuotesAtWordsToTheTerminal() throws {
        shell.session.options.terminalWidth = 50
        shell.run("cite countries where name = Libya")
        let lines = try #require(shell.output.results.last).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 50 })
        let quote = lines.drop { !$0.hasPrefix("  “") }
        #expect(quote.first?.hasPrefix("  “WSJ expressed concern") == true)
        #expect(quote.dropFirst().first?.hasPrefix("   ") == true)  // under the text, past the quote mark
        // Every word is still there, in order.
        let words = quote.prefix { !$0.hasPrefix("  —") }.joined(separator: " ").split(separator: " ")
        #expect(words.joined(separator: " ").hasSuffix("are being raised.”"))
    }

    @Test func explainWrapsItsSentencesUnderTheirColumn() throws {
        shell.session.options.terminalWidth = 60
        shell.run("explain countries where region = Africa and not concern = rights select name")
        let lines = try #require(shell.output.results.last).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
        #expect(lines.count > 3)
        shell.session.options.terminalWidth = nil
        shell.run("explain countries where region = Africa and not concern = rights select name")
        #expect(shell.output.results.last?.split(separator: "\n").count == 3)
    }

    @Test func saveToSVGWritesTheQuerysChart() throws {
        let path = files.path + "/regions.svg"
        shell.run("save countries count by region | chart to \(path)")
        let svg = try #require(files.read("regions.svg"))
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<title id=\"chart-title\">countries count by region</title>"))
        #expect(svg.components(separatedBy: "fill=\"\(SVGChartWriter.positiveFill)\"").count - 1 == 6)
        #expect(shell.output.notes.last == "saved a chart of 6 rows to \(path)")
    }

    @Test func saveToSVGOfWhatCannotBeDrawnPointsAtThePath() {
        let path = files.path + "/names.svg"
        let error = shell.error("save countries select name to \(path)")
        #expect(error?.message.contains("`name` is text") == true)
        #expect(error?.sourceRange?.lowerBound == "save countries select name to ".utf8.count)
        #expect(files.read("names.svg") == nil)
    }

    @Test func svgTextIsEscaped() {
        let relation = Relation(
            fields: [Field("who", .text), Field("n", .integer)],
            columns: [Column.build(.text, [.text("A & <B> \"C\"\u{1}")]), Column.build(.integer, [.integer(2)])],
            rows: .all(1))
        let svg = SVGChartWriter(spec: ChartSpec(kind: .bars, labelColumns: [0], valueColumn: 1), title: "t < u").render(relation)
        #expect(svg.contains("A &amp; &lt;B&gt; &quot;C&quot;"))
        #expect(svg.contains("<title id=\"chart-title\">t &lt; u</title>"))
        #expect(!svg.contains("\u{1}"))
    }
}
