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

@Suite struct FormatterTests {
    /// A small relation: a text column and an integer column.
    private func relation(_ names: [String], _ numbers: [Int64?]) -> Relation {
        Relation(
            fields: [Field("name", .text), Field("n", .integer)],
            columns: [
                Column.build(.text, names.map { .text($0) }),
                Column.build(.integer, numbers.map { $0.map { .integer($0) } ?? .missing }),
            ],
            rows: .all(names.count))
    }

    private func render(_ format: OutputFormat, _ relation: Relation, width: Int? = nil) -> String {
        var text = ""
        format.render(relation, width: width, into: &text)
        return text
    }

    @Test func displayWidthCountsWideCharactersAndEmojiAsTwo() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("🇺🇸") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining accent
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("café") == 4)
    }

    @Test func tableAlignsByDisplayWidthAndRightAlignsNumbers() {
        let text = render(.table, relation(["🇺🇸 USA", "日本", "Panama"], [5, 120, nil]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "name   │   n")
        #expect(lines[2] == "🇺🇸 USA │   5")
        #expect(lines[3] == "日本   │ 120")
        #expect(lines[4] == "Panama │    ")
        #expect(lines.last == "(3 rows)")
        // Every row ends at the same display column.
        let widths = lines.dropLast().map { DisplayWidth.of($0) }
        #expect(Set(widths).count == 1)
    }

    @Test func tableCutsCellsOnlyWhenTheTerminalIsTooNarrow() {
        let long = String(repeating: "x", count: 60)
        let wide = render(.table, relation([long], [1]))
        #expect(wide.contains(long))
        let narrow = render(.table, relation([long], [1]), width: 30)
        #expect(!narrow.contains(long))
        #expect(narrow.contains("…"))
        #expect(narrow.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 30 })
    }

    @Test func tableShowsLineBreaksInCellsVisibly() {
        let text = render(.table, relation(["two\nlines"], [1]))
        #expect(text.contains("two↵lines"))
    }

    @Test func oneRowSaysRow() {
        #expect(render(.table, relation(["a"], [1])).hasSuffix("(1 row)\n"))
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        let text = render(.csv, relation(["plain", "with, comma", "say \"hi\"", "two\nlines"], [1, 2, nil, 4]))
        #expect(text == "name,n\nplain,1\n\"with, comma\",2\n\"say \"\"hi\"\"\",\n\"two\nlines\",4\n")
    }

    @Test func tsvQuotesTabsAndLineBreaks() {
        let text = render(.tsv, relation(["a\tb", "c\nd", "plain, with comma"], [1, 2, 3]))
        #expect(text == "name\tn\n\"a\tb\"\t1\n\"c\nd\"\t2\nplain, with comma\t3\n")
    }

    @Test func jsonHasNullsArraysAndEscapes() {
        let list = Relation(
            fields: [Field("name", .text), Field("tags", .list), Field("n", .decimal)],
            columns: [
                Column.build(.text, [.text("quote \" and \\"), .missing]),
                Column.build(.list, [.list(["a", "b"]), .missing]),
                Column.build(.decimal, [.decimal(2.5), .missing]),
            ],
            rows: .all(2))
        #expect(render(.json, list) == "[\n  {\"name\": \"quote \\\" and \\\\\", \"tags\": [\"a\", \"b\"], \"n\": 2.5},\n  {\"name\": null, \"tags\": null, \"n\": null}\n]\n")
        #expect(render(.jsonl, list).split(separator: "\n").count == 2)
        #expect(render(.json, relation([], [])) == "[]\n")
    }

    @Test func markdownEscapesPipes() {
        let text = render(.markdown, relation(["a|b"], [3]))
        #expect(text == "| name | n |\n| --- | ---: |\n| a\\|b | 3 |\n")
    }
}
