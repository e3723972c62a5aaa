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

/// Completion as a pure function: line and cursor in, candidates out (§2).
@Suite struct CompleterTests {
    let shell = TestSession()

    private func complete(_ line: String) -> Completion {
        Completer(catalog: shell.session.catalog, samples: shell.session.samples).complete(line, cursor: line.utf8.count)
    }

    private func inserts(_ line: String) -> [String] { complete(line).candidates.map(\.insert) }
    private func displays(_ line: String) -> [String] { complete(line).candidates.map(\.display) }

    @Test func statementWordsAndDatasetsAtTheStart() {
        let all = inserts("")
        #expect(all.contains("describe"))
        #expect(all.contains("countries"))
        #expect(inserts("coun") == ["count", "countries"])
        #expect(inserts(".ta") == [".tables"])
    }

    @Test func clauseWordsAfterASource() {
        #expect(inserts("countries wh") == ["where"])
        #expect(inserts("countries ").contains("sort by"))
        #expect(inserts("countries where region = Africa ").contains("and"))
        #expect(inserts("countries where region = Africa s") == ["select", "sort by", "summarize", "share"])
    }

    @Test func fieldsOfTheCurrentPipeline() {
        #expect(inserts("countries where re") == ["region"])
        #expect(inserts("countries where name = Libya and re") == ["region"])
        #expect(inserts("countries select name, re") == ["region"])
        #expect(inserts("countries sort by ").contains("incentives"))
        #expect(inserts("countries | count by region | where co") == ["count"])
        #expect(inserts("countries select name as n | where ") == ["n"])
    }

    @Test func valuesWithCountsMostFrequentFirst() {
        let completion = complete("countries where concern = ")
        #expect(completion.candidates.map(\.display) == ["rights (2)"])
        #expect(completion.candidates.map(\.insert) == ["rights"])
        let regions = displays("countries where region = ")
        #expect(regions.first == "Central America (5)")
        #expect(regions[1] == "Africa (4)")
    }

    @Test func valuesAreQuotedWhenTheyNeedIt() {
        #expect(inserts("countries where region = Cen") == ["\"Central America\""])
        #expect(inserts("countries where incentives = \"fin") == ["\"financial aid\""])
        #expect(inserts("countries where status != nearly") == ["\"nearly finalized\""])
    }

    @Test func valuesInsideInLists() {
        #expect(inserts("countries where region in (") .contains("Africa"))
        #expect(inserts("countries where region in (Africa, As") == ["Asia"])
        #expect(inserts("countries where region not in (Africa, E") == ["\"Eastern Europe\""])
    }

    @Test func valuesOfAFieldNamedLikeAKeyword() {
        #expect(inserts("transfers where to = ").contains("Panama"))
        #expect(displays("transfers where people = ") == ["100 (1)"])
    }

    @Test func valuesFollowThePipeline() {
        #expect(displays("countries where region = Africa | where status = ") == ["negotiating (4)"])
    }

    @Test func datasetNamesAfterStatementsThatTakeThem() {
        #expect(inserts("describe c") == ["countries"])
        #expect(inserts("count tr") == ["transfers"])
        #expect(inserts("agreements join co") == ["countries"])
        #expect(inserts("agreements join countries ") == ["on"])
        #expect(inserts("agreements join countries on coun").contains("country"))
    }

    @Test func optionsSamplesAndHelp() {
        #expect(inserts("set format j") == ["json", "jsonl"])
        #expect(inserts("set ti") == ["timer"])
        #expect(inserts("load sample th") == ["third-country-deals"])
        #expect(inserts("help whe") == ["where"])
    }

    @Test func filePathsAfterLoadAndRun() throws {
        let files = TemporaryDirectory()
        files.write("deals.csv", "a\n1\n")
        files.write("notes.txt", "x")
        files.write("more data/x.csv", "a\n1\n")
        files.write("script.dq", "countries")
        let load = inserts("load \(files.path)/")
        #expect(load.contains("\(files.path)/deals.csv"))
        #expect(!load.contains("\(files.path)/notes.txt"))
        #expect(load.contains("\"\(files.path)/more data/"))
        #expect(inserts("run \(files.path)/sc") == ["\(files.path)/script.dq"])
        #expect(complete("load \(files.path)/de").replace.lowerBound == 5)
    }

    @Test func replaceRangeCoversThePartialWord() {
        let completion = complete("countries where reg")
        #expect(completion.replace == 16..<19)
        #expect(complete("countries where region = \"Cen").replace.lowerBound == 25)
    }

    @Test func commonPrefixOfSeveralCandidates() {
        #expect(complete("countries where region = E").commonPrefix == "\"Eastern Europe\"")
        #expect(complete("count").commonPrefix == "count")
    }

    @Test func neverCrashesOnAnyPrefix() {
        let line = "countries where region in (Africa, \"Asia\") and not name like \"*a\" | count by region | chart"
        for end in 0...line.utf8.count {
            _ = Completer(catalog: shell.session.catalog, samples: nil).complete(line, cursor: end)
        }
    }
}

extension CompleterTests {
    @Test func fieldsAfterTheByOfACountStatement() {
        #expect(inserts("count countries by re") == ["region"])
        #expect(inserts("count countries where region = Africa by st") == ["status"])
    }
}
