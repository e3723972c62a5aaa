import Foundation
import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierSession

/// Deferred columns (issue 13, item 5): a large JSON file is checked whole at `load`, and a
/// column is built when a query first reads it. Built late or at once, every column, type,
/// note and warning must be the same.
@Suite struct DeferredColumnTests {
    /// Every kind of value the reader handles: escapes, markers, dates turning into datetimes,
    /// lists and single items, nested objects (dotted fields), arrays of objects, mixed types,
    /// keys a record lacks and keys that appear late.
    static let messyLines = """
        {"id":1,"name":"a\\"b\\u00e9","n":"n/a","when":"2021-01-02","tags":["x","y"],"addr":{"city":"Kigali","zip":1},"mixed":1,"flag":true}
        {"id":2,"name":"c","n":5,"when":"2021-02-03T04:05:06","tags":"z","addr":{"city":"Tripoli"},"mixed":"text","flag":null,"late":1.5}
        {"id":3,"n":7.25,"tags":[],"nested":[{"a":1}],"mixed":2,"flag":false,"late":"x","big":123456789012345678901234}
        {"id":4,"name":"","n":-3,"tags":[1,true,"w"],"mixed":null,"big":1e400}

        """

    private func snapshot(_ dataset: Dataset) -> [[String]] {
        let relation = Relation(dataset)
        return dataset.fields.indices.map { column in
            [dataset.fields[column].name, "\(dataset.fields[column].type)", "\(String(describing: dataset.fields[column].note))"]
                + (0..<relation.count).map { relation.text(row: $0, column: column) }
        }
    }

    @discardableResult
    private func compare(_ text: String, lines: Bool) throws -> LoadResult {
        let bytes = Array(text.utf8)
        let eager = try JSONReader.read(bytes, path: "m.json", name: "m", lines: lines)
        let deferred = try JSONReader.read(bytes, path: "m.json", name: "m", lines: lines, deferAbove: 0)
        #expect(eager.dataset.deferred == nil)
        #expect(deferred.dataset.deferred?.fields == Set(eager.dataset.fields.indices))
        #expect(deferred.dataset.fields.map(\.name) == eager.dataset.fields.map(\.name))
        let (built, buildWarnings) = try deferred.dataset.buildingAll(cancellation: Cancellation())
        #expect(built.deferred == nil)
        #expect(snapshot(built) == snapshot(eager.dataset))
        #expect((deferred.warnings + buildWarnings).map(\.message).sorted() == eager.warnings.map(\.message).sorted())
        #expect(!eager.warnings.isEmpty)
        return eager
    }

    @Test func builtLateEqualsBuiltAtOnceForJSONLines() throws {
        try compare(DeferredColumnTests.messyLines, lines: true)
    }

    @Test func builtLateEqualsBuiltAtOnceForAJSONDocument() throws {
        let records = DeferredColumnTests.messyLines.split(separator: "\n").joined(separator: ",\n")
        try compare("{\"count\": 4, \"results\": [\n\(records)\n]}", lines: false)
    }

    /// Big enough to be read as two halves on two threads, whose keys come in another order
    /// in the second half, with a key only the second half has.
    @Test func bothHalvesOfALargeFileKeepTheirPlaces() throws {
        var text = ""
        let half = 45_000
        for row in 0..<(2 * half) {
            let region = "\"region\":\"r\(row % 7)\""
            let number = "\"n\":\(row % 2 == 0 ? String(row) : "\"n/a\"")"
            let pad = "\"pad\":\"\(String(repeating: "p", count: 60))\""
            if row < half {
                text += "{\"id\":\(row),\(region),\(number),\(pad)}\n"
            } else {
                text += "{\(pad),\(number),\"id\":\(row),\(region),\"extra\":\(row % 3)}\n"
            }
        }
        #expect(text.utf8.count >= JSONReader.parallelThreshold)
        let eager = try compare(text, lines: true)
        // Each half's markers are counted (the second half's were dropped once).
        #expect(eager.warnings.map(\.message) == ["`n`: 45,000 cells hold `n/a`, read as missing values"])
    }

    @Test func buildingSomeFieldsLeavesTheRestDeferred() throws {
        let bytes = Array(DeferredColumnTests.messyLines.utf8)
        let deferred = try JSONReader.read(bytes, path: "m.json", name: "m", lines: true, deferAbove: 0).dataset
        let id = try #require(deferred.fieldIndex("id"))
        let (built, warnings) = try deferred.building([id], cancellation: Cancellation())
        #expect(warnings.isEmpty)
        #expect(built.fields[id].type == .integer)
        #expect(built.deferred?.fields == Set(deferred.fields.indices).subtracting([id]))
        let n = try #require(deferred.fieldIndex("n"))
        let (_, nWarnings) = try built.building([n], cancellation: Cancellation())
        #expect(nWarnings.map(\.message) == ["`n`: 1 cell holds `n/a`, read as missing values"])
    }

    @Test func aCancelledBuildChangesNothing() throws {
        let bytes = Array(DeferredColumnTests.messyLines.utf8)
        let deferred = try JSONReader.read(bytes, path: "m.json", name: "m", lines: true, deferAbove: 0).dataset
        let cancellation = Cancellation()
        cancellation.cancel()
        #expect(throws: Diagnostic.self) { try deferred.buildingAll(cancellation: cancellation) }
        #expect(deferred.deferred?.fields.count == deferred.fields.count)
    }

    // MARK: - In a session: what a query reads is built, and nothing else

    /// A file past `JSONReader.deferThreshold`: `id`, `region` (r0…r6), `n` (the row number on
    /// even rows, `n/a` on odd ones), `note` and a padding field.
    private func writeLargeFile(_ files: TemporaryDirectory, name: String, rows: Int = 60_000) -> String {
        var text = ""
        for row in 0..<rows {
            let n = row % 2 == 0 ? String(row) : "\"n/a\""
            text += "{\"id\":\(row),\"region\":\"r\(row % 7)\",\"n\":\(n),\"note\":\"row \(row)\",\"pad\":\"\(String(repeating: "p", count: 80))\"}\n"
        }
        #expect(text.utf8.count >= JSONReader.deferThreshold)
        return files.write(name, text)
    }

    private func deferredFields(_ shell: TestSession, _ name: String) -> [String] {
        guard case .dataset(let dataset)? = shell.session.catalog[name] else { return ["not a dataset"] }
        return (dataset.deferred?.fields ?? []).sorted().map { dataset.fields[$0].name }
    }

    @Test func aQueryBuildsOnlyTheFieldsItReads() {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        shell.run("load \(writeLargeFile(files, name: "big.jsonl")) as t")
        #expect(shell.output.diagnostics.isEmpty)
        #expect(deferredFields(shell, "t") == ["id", "region", "n", "note", "pad"])
        #expect(shell.rows("count t by region").prefix(2) == [["region", "count"], ["r0", "8572"]])
        #expect(deferredFields(shell, "t") == ["id", "n", "note", "pad"])
        // The field's warning comes when its column is built, once.
        #expect(shell.column("count t where n > 59000") == ["499"])
        #expect(shell.output.diagnostics.map(\.message) == ["`n`: 30,000 cells hold `n/a`, read as missing values"])
        #expect(deferredFields(shell, "t") == ["id", "note", "pad"])
        #expect(shell.column("count t where n > 59000") == ["499"])
        #expect(shell.output.diagnostics.isEmpty)
        // Every field shown is built before it is shown.
        #expect(shell.rows("t sort by id desc limit 1") == [["id", "region", "n", "note", "pad"], [
            "59999", "r2", "", "row 59999", String(repeating: "p", count: 80),
        ]])
        #expect(deferredFields(shell, "t") == [])
    }

    @Test func aLoadBuildsAtOnceWhatTheStatementsAfterItShowWhole() {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        let path = writeLargeFile(files, name: "big.jsonl")
        // A count after it: deferred, and the count builds its one field.
        shell.run("load \(path) as t\ncount t by region")
        #expect(deferredFields(shell, "t") == ["id", "n", "note", "pad"])
        // Every field shown after it: built during the load, as one pass is cheaper.
        shell.run("load \(path) as t\nt sort by id desc limit 1")
        #expect(deferredFields(shell, "t") == [])
        // The command line's next inputs count too.
        shell.session.setUpcoming([SourceText("t summarize sum(n) as total by region")])
        shell.run("load \(path) as t")
        #expect(deferredFields(shell, "t") == ["id", "region", "n", "note", "pad"])
        shell.session.setUpcoming([SourceText("describe t")])
        shell.run("load \(path) as t")
        #expect(deferredFields(shell, "t") == [])
    }

    @Test func theShellBuildsTheRestWhileItWaitsForALine() {
        let shell = TestSession(sample: false)
        shell.session.buildsColumnsInBackground = true
        let files = TemporaryDirectory()
        shell.run("load \(writeLargeFile(files, name: "big.jsonl")) as t")
        #expect(shell.output.diagnostics.isEmpty)
        // The next statement waits for the build and finds every column there, with the
        // warning about `n` said once, before its result.
        #expect(shell.column("count t where n > 59000") == ["499"])
        #expect(deferredFields(shell, "t") == [])
        #expect(shell.output.diagnostics.map(\.message) == ["`n`: 30,000 cells hold `n/a`, read as missing values"])
        #expect(shell.column("count t where n > 59000") == ["499"])
        #expect(shell.output.diagnostics.isEmpty)
    }

    @Test func aDatasetLoadedAgainMeanwhileIsNotReplacedByAnOldBuild() {
        let shell = TestSession(sample: false)
        shell.session.buildsColumnsInBackground = true
        let files = TemporaryDirectory()
        let path = writeLargeFile(files, name: "big.jsonl")
        shell.run("load \(path) as t\nload \(writeLargeFile(files, name: "other.jsonl", rows: 65_000)) as t")
        #expect(shell.column("count t") == ["65000"])
    }

    @Test func whichStatementsMayShowEveryField() {
        let shows = { (text: String) -> Bool in
            Parser.parse(SourceText(text)).compactMap(\.statement).contains(where: Session.mayShowEveryField)
        }
        #expect(shows("t"))
        #expect(shows("t where n > 1 sort by n limit 3"))
        #expect(shows("t select *"))
        #expect(shows("t count by region | join u on region"))
        #expect(shows("cite t where n > 1"))
        #expect(shows("describe t"))
        #expect(!shows("count t by region"))
        #expect(!shows("t where n > 1 | count"))
        #expect(!shows("t summarize sum(n) as total by region"))
        #expect(!shows("t select id, n"))
        #expect(!shows("t distinct region"))
        #expect(!shows("t join u on id | select id"))
        #expect(!shows("set timer on"))
    }

    @Test func typesOfDeferredFieldsAreTheirRealTypes() {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        shell.run("load \(writeLargeFile(files, name: "big.jsonl")) as t")
        // `n` sorts as a number: as text, 9998 would come first.
        #expect(shell.column("t sort by n desc limit 1 select n") == ["59998"])
        #expect(shell.column("t summarize sum(n) as total") == ["899970000"])
    }

    @Test func describeJoinsAndNamedQueriesSeeBuiltColumns() {
        let shell = TestSession(sample: false)
        let files = TemporaryDirectory()
        let path = writeLargeFile(files, name: "big.jsonl")
        shell.run("load \(path) as t")
        shell.run("load \(path) as u")
        #expect(shell.column("t join u on id | where u.n > 59990 | count") == ["4"])
        shell.run("let evens = t where n is not missing")
        shell.run("load \(path) as t")
        #expect(deferredFields(shell, "t") == ["id", "region", "n", "note", "pad"])
        #expect(shell.column("evens | count") == ["30000"])
        shell.run("describe t")
        #expect(deferredFields(shell, "t") == [])
        #expect(shell.output.results.last?.contains("integer") == true)
    }
}
