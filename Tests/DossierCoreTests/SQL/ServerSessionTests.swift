import Foundation
import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierSQL
@testable import DossierPostgres
@testable import DossierOutput
@testable import DossierSession
@testable import DossierCompletion

/// The server URL `make test` gives (Tests/Postgres/with_server.py starts a throwaway server).
enum TestServer {
    static let url: String? = ProcessInfo.processInfo.environment["DOSSIER_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipReason: Comment = "DOSSIER_TEST_POSTGRES is not set: run `make test` (it starts a throwaway PostgreSQL) to talk to a server"

    /// A name no other test uses on the shared server.
    static func table(_ stem: String) -> String {
        "\(stem)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// A session connected to the test server, with the sample's countries uploaded as `table`
/// and kept locally as `countries`, so each query can be asked of both.
final class ServerSession {
    let shell = TestSession()
    let table = TestServer.table("countries")

    init() throws {
        let url = try #require(TestServer.url)
        try #require(!shell.run("connect \(url)").failed, "connect: \(shell.output.diagnostics.map(\.message))")
        try #require(!shell.run("let kept = countries").failed)
        try #require(!shell.run("save countries to postgres \(table)").failed, "\(shell.output.diagnostics.map(\.message))")
    }

    /// The query's CSV over the server table and over the local dataset.
    func both(_ clauses: String) -> (server: [[String]], local: [[String]]) {
        (shell.rows("\(table) \(clauses)"), shell.rows("kept \(clauses)"))
    }

    /// What `explain` says is left for dossier after the server; nil when nothing is.
    func finishedInDossier(_ clauses: String) -> String? {
        shell.run("explain \(table) \(clauses)")
        return shell.output.results.last?.split(separator: "\n").first { $0.hasPrefix("then in dossier") }.map(String.init)
    }
}

@Suite(.enabled(if: TestServer.url != nil, TestServer.skipReason), .serialized)
struct ServerSessionTests {
    @Test func translatedStepsRunOnTheServerWithTheSameRows() throws {
        let server = try ServerSession()
        let queries = [
            "sort by name limit 1 per region select name, region",
            "sort by name desc limit 2 offset 1 per region select name",
            "summarize median(len(roles)) as m, count() as n by region",
            "summarize count() as n by region | select region, n / 3 as third",
            "summarize count() as n, max(len(incentives)) - min(len(incentives)) as spread by status",
        ]
        for query in queries {
            let (remote, local) = server.both(query)
            #expect(remote == local, "\(query)")
            #expect(remote.count > 1, "\(query)")
        }
        #expect(server.finishedInDossier("sort by name limit 1 per region") == nil)
        #expect(server.finishedInDossier("select name, len(roles) / 3 as r") == nil)
    }

    @Test func statisticsAreDoublesCloseToDossiers() throws {
        let server = try ServerSession()
        let query = "summarize stddev(len(roles)) as sd, variance(len(roles)) as v, corr(len(roles), len(incentives)) as r"
        let (remote, local) = server.both(query)
        #expect(remote.first == ["sd", "v", "r"])
        #expect(remote.count == local.count && remote.last?.last == "")  // corr over a constant column: missing
        for (a, b) in zip(remote.dropFirst().flatMap { $0 }, local.dropFirst().flatMap { $0 }) where a != "" || b != "" {
            let x = try #require(Double(a))
            let y = try #require(Double(b))
            #expect(abs(x - y) <= 1e-12 * max(1, abs(y)))
        }
        #expect(server.finishedInDossier(query) == nil)
    }

    @Test func describeIsComputedOnTheServerAsInMemory() throws {
        let server = try ServerSession()
        let remote = server.shell.rows("describe \(server.table)")
        let local = server.shell.rows("describe kept")
        #expect(remote == local)
        #expect(remote.count == 9)
        let summary = server.shell.output.notes.last ?? ""
        #expect(summary.contains("14 rows, 8 fields"))
    }

    @Test func tabCompletesServerFieldsAndValues() throws {
        let server = try ServerSession()
        let session = server.shell.session
        let completer = Completer(catalog: session.catalog, samples: session.samples, session: session)
        let fields = completer.complete("\(server.table) where reg", cursor: "\(server.table) where reg".utf8.count)
        #expect(fields.candidates.map(\.insert) == ["region"])
        let line = "\(server.table) where region = "
        let values = completer.complete(line, cursor: line.utf8.count).candidates
        #expect(values.first?.display == "Central America (5)")
        #expect(values.first?.insert == "\"Central America\"")
        #expect(values.map(\.display).contains("Africa (4)"))
        let typed = "\(server.table) where roles = rec"
        #expect(completer.complete(typed, cursor: typed.utf8.count).candidates.map(\.display) == ["receiving (4)"])
    }

    /// A table dossier did not upload: its text keys are the server's `lower()` of the value,
    /// computed where they are needed (grouping by the value alone), with the in-memory answers.
    @Test func aNativeTableGroupsAndComparesAsInMemory() throws {
        let server = try ServerSession()
        let connection = try #require(server.shell.session.server)
        let table = TestServer.table("native")
        // No two texts differ by case alone: on such a table they tie in the server's order
        // where dossier puts the lower case first (the README says so).
        let rows = [("Kigali", "Africa", 3), ("Lagos", "Africa", 5), ("Lima", "", 2), ("Quito", nil, 7), ("Tunis", "Africa", 1),
                    ("Hanoi", "Asia", 4), ("Pune", "Asia", 4), ("lome", "Africa", 9)]
        let values = rows.map { "('\($0.0)', \($0.1.map { "'\($0)'" } ?? "NULL"), \($0.2))" }.joined(separator: ", ")
        try connection.execute("CREATE TABLE \(table) (name text, region text, v integer); INSERT INTO \(table) VALUES \(values)",
            cancellation: nil)
        defer { try? connection.execute("DROP TABLE \(table)", cancellation: nil) }
        let file = NSTemporaryDirectory() + table + ".csv"
        try ("name,region,v\n" + rows.map { "\($0.0),\($0.1 ?? ""),\($0.2)\n" }.joined()).write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try #require(!server.shell.run("connect \(try #require(TestServer.url))").failed)
        try #require(!server.shell.run("load \(file) as here").failed)
        let queries = [
            "count by region", "count by region, name", "summarize count() as n, min(name) as first, max(v) as top by region",
            "where region = africa count by name", "where region != asia sort by region, name select name, region",
            "count by region | where count > 1 sort by region", "summarize sum(v) as total by region | sort by total desc",
        ]
        for query in queries {
            let remote = server.shell.rows("\(table) \(query)")
            #expect(remote == server.shell.rows("here \(query)"), "\(query)")
            #expect(remote.count > 1, "\(query)")
        }
        // The grouped rows carry no keys: the server groups by the value alone.
        server.shell.run("explain \(table) count by region")
        let sql = server.shell.output.results.last ?? ""
        #expect(sql.contains("GROUP BY s0k.c0)") && !sql.contains("s0k.c0_f,"), "\(sql)")
    }

    @Test func tabOnASlowServerOffersNothingWithinASecondOrSo() throws {
        let server = try ServerSession()
        let session = server.shell.session
        let connection = try #require(session.server)
        let view = TestServer.table("slow")
        try connection.execute(
            "CREATE VIEW \(view) AS SELECT g AS x FROM generate_series(1, 10) AS g WHERE pg_sleep(0.5) IS NOT NULL", cancellation: nil)
        defer { try? connection.execute("DROP VIEW \(view)", cancellation: nil) }
        try #require(!server.shell.run("connect \(try #require(TestServer.url))").failed)
        let completer = Completer(catalog: session.catalog, samples: session.samples, session: session)
        let line = "\(view) where x = "
        let started = ContinuousClock.now
        let values = completer.complete(line, cursor: line.utf8.count).candidates
        #expect(values.isEmpty)
        #expect(ContinuousClock.now - started < .seconds(3))
        // The timeout was the completion's own: the session's statements have none after it.
        var timeout: [String?] = []
        try session.server?.query("SHOW statement_timeout", cancellation: nil, columns: { _ in }) { row in timeout.append(row.text(0)) }
        #expect(timeout == ["0"])
    }

    @Test func aSmallLocalDatasetGoesToTheServerForAJoin() throws {
        let server = try ServerSession()
        let file = NSTemporaryDirectory() + TestServer.table("regions") + ".csv"
        try "region,continent\nAfrica,Africa\ncentral america,Americas\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try #require(!server.shell.run("load \(file) as regions").failed)
        let query = "regions join \(server.table) on region = region select continent, name"
        let remote = server.shell.rows(query)
        #expect(server.shell.output.notes.contains { $0.contains("goes to the server as a temporary table") })
        #expect(remote == server.shell.rows("regions join kept on region = region select continent, name"))
        #expect(remote.count == 10)  // four in Africa, five in Central America (case ignored), and the header
        // The temporary table is gone once the query has run, on the same connection.
        let connection = try #require(server.shell.session.server)
        var left: [String?] = []
        try connection.query("SELECT count(*) FROM pg_class WHERE relname LIKE 'dossier_local_%'", cancellation: nil,
            columns: { _ in }) { row in left.append(row.text(0)) }
        #expect(left == ["0"])
        let other = "\(server.table) join regions on region = region select name, continent"
        #expect(server.shell.rows(other) == server.shell.rows("kept join regions on region = region select name, continent"))
    }

    @Test func aLargerLocalDatasetFetchesTheServerSide() throws {
        let server = try ServerSession()
        let small = TestServer.table("small")
        try #require(!server.shell.run("save countries where region = Asia select name, region to postgres \(small)").failed)
        let remote = server.shell.rows("kept join \(small) on name = name select region, \(small).region")
        #expect(server.shell.output.notes.contains { $0.contains("the server's rows are fetched") })
        #expect(remote == [["region", "\(small).region"], ["Asia", "Asia"]])
    }
}
