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

/// load → save → load gives the same dataset, for every format that loads back.
@Suite struct RoundTripTests {
    let files = TemporaryDirectory()

    /// Every value of every row, as text, with each field's name and type.
    private func snapshot(_ dataset: Dataset) -> [String] {
        let header = dataset.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ",")
        return [header] + (0..<dataset.rowCount).map { row in
            dataset.columns.map { $0.value(at: row).formatted(listSeparator: "|") }.joined(separator: "\u{1F}")
        }
    }

    private func roundTrip(_ shell: TestSession, _ name: String, format: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard case .dataset(let original)? = shell.session.catalog[name] else {
            Issue.record("no dataset \(name)", sourceLocation: sourceLocation)
            return
        }
        let path = files.path + "/\(name)-copy.\(format)"
        shell.run("save \(name) to \(path)")
        #expect(shell.output.diagnostics.isEmpty, "\(shell.output.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        shell.run("load \(path) as copy")
        guard case .dataset(let copy)? = shell.session.catalog["copy"] else {
            Issue.record("\(format): the copy did not load: \(shell.output.diagnostics.map(\.message))", sourceLocation: sourceLocation)
            return
        }
        #expect(snapshot(copy) == snapshot(original), "\(name) through .\(format)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["csv", "tsv", "json", "jsonl"])
    func theSampleRoundTrips(_ format: String) {
        let shell = TestSession()
        for name in ["countries", "agreements", "transfers", "sources"] {
            roundTrip(shell, name, format: format)
        }
    }

    @Test(arguments: ["csv", "tsv", "json", "jsonl"])
    func everyTypeRoundTrips(_ format: String) {
        let shell = TestSession()
        let csv = files.write("types.csv", """
            name,n:int,d:decimal,b:bool,when:date,tags:list,code:text,note
            Alpha,1,1.5,true,2025-01-01,a; b,007,"with, comma"
            beta,,-2.25,false,,,42,"quote "" inside"
            Γάμμα 🇺🇸,-9223372036854775808,1e300,,1999-12-31,x,,"two
            lines"
            """)
        shell.run("load \(csv) as types")
        #expect(shell.output.diagnostics.isEmpty)
        roundTrip(shell, "types", format: format)
    }

    @Test func markdownIsWrittenButNotLoaded() {
        let shell = TestSession()
        let path = files.path + "/regions.md"
        shell.run("save count countries by region to \(path)")
        #expect(files.read("regions.md")?.hasPrefix("| region | count |") == true)
    }
}

/// A load is all or nothing, and replacing a dataset happens only on success (§6).
@Suite struct LoadSafetyTests {
    let files = TemporaryDirectory()

    @Test func aFailedLoadChangesNothing() {
        let shell = TestSession()
        let good = files.write("deals.csv", "name,n\nA,1\nB,2\n")
        shell.run("load \(good)")
        let bad = files.write("bad/deals.csv", "name,n\nA,1\nB,2,3\n")
        shell.run("load \(bad)")
        #expect(shell.output.diagnostics.first?.message.contains("this row has 3 fields") == true)
        #expect(shell.column("deals select name") == ["A", "B"])
    }

    @Test func replacingADatasetSaysSo() {
        let shell = TestSession()
        let first = files.write("deals.csv", "name\nA\n")
        shell.run("load \(first)")
        let second = files.write("other/deals.csv", "name\nA\nB\n")
        shell.run("load \(second)")
        #expect(shell.output.notes.first?.hasPrefix("replaced `deals`") == true)
        #expect(shell.column("deals count") == ["2"])
    }

    @Test func aDirectoryLoadIsAllOrNothing() {
        let shell = TestSession()
        files.write("dir/a.csv", "x\n1\n")
        files.write("dir/b.json", "[{\"y\": 1}")  // broken
        shell.run("load \(files.path)/dir")
        #expect(shell.output.diagnostics.count == 1)
        #expect(shell.session.catalog["a"] == nil)
    }

    @Test func saveCannotWriteGivesAnErrorAndNoFile() {
        let shell = TestSession()
        shell.run("save countries to /nonexistent-folder/x.csv")
        #expect(shell.output.diagnostics.first?.message.contains("cannot save") == true)
        shell.run("save countries to \(files.path)/out.xyz")
        #expect(shell.output.diagnostics.first?.hint?.contains(".csv") == true)
    }

    @Test func unreadableFilesSaySo() throws {
        // Root reads everything; the permission check then runs the CLI as `nobody`.
        let path = files.write("secret.csv", "a\n1\n")
        chmod(path, 0o000)
        defer { chmod(path, 0o644) }
        if getuid() != 0 {
            do {
                _ = try FileAccess.read(path)
                Issue.record("read a file without permission")
            } catch {
                #expect(error.message == "permission denied")
            }
        }
    }
}

/// Files the project did not write: Debian's `distro-info-data` (CSV with short rows and
/// dates) and `iso-codes` (JSON: an object with one array member), which .ci/run installs.
@Suite struct RealWorldFileTests {
    static let debian = "/usr/share/distro-info/debian.csv"
    static let countries = "/usr/share/iso-codes/json/iso_3166-1.json"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: RealWorldFileTests.debian)))
    func debianReleases() throws {
        let shell = TestSession()
        shell.run("load \(Self.debian)")
        #expect(shell.output.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(shell.column("debian where series = bookworm select version") == ["12"])
        guard case .dataset(let debian)? = shell.session.catalog["debian"] else { return }
        #expect(debian.fields.first { $0.name == "release" }?.type == .date)
        #expect(Int(shell.column("debian where release < 2000-01-01 count").first ?? "") ?? 0 >= 5)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: RealWorldFileTests.countries)))
    func isoCountries() throws {
        let shell = TestSession()
        shell.run("load \(Self.countries) as iso")
        #expect(shell.output.diagnostics.isEmpty)
        #expect(shell.column("iso where alpha_2 = rw select name") == ["Rwanda"])
        #expect(shell.column("iso where numeric = 004 select alpha_3") == ["AFG"])
        #expect(Int(shell.column("iso count").first ?? "") ?? 0 > 200)
    }

    static let zones = "/usr/share/zoneinfo/zone1970.tab"
    static let isoFolder = "/usr/share/iso-codes/json"

    /// tz's table: `#` comments above the data, names in the last of them, no header row.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: RealWorldFileTests.zones)))
    func timeZonesWithTheirCommentLines() throws {
        let shell = TestSession(sample: false)
        shell.run("load \(Self.zones)")
        #expect(shell.output.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(shell.output.notes.last?.hasPrefix("read as tab-separated, ") == true)
        #expect(shell.output.notes.last?.hasSuffix(" comment lines skipped, no header row (names from the comment above the data)") == true)
        #expect(shell.column("zone1970 where TZ = \"Europe/Andorra\" select codes") == ["AD"])
    }

    /// iso-codes' folder: data files and JSON schemas side by side; the schemas are skipped.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: RealWorldFileTests.isoFolder)))
    func aFolderWithSchemasBesideTheData() throws {
        let shell = TestSession(sample: false)
        shell.run("load \(Self.isoFolder)/")
        let skipped = shell.output.diagnostics.filter { $0.id == .skippedFile }
        #expect(!skipped.isEmpty)
        #expect(skipped.count == shell.output.diagnostics.count)
        #expect(skipped.allSatisfy { warning in
            if case .path(let path) = warning.location { return path.contains("/schema-") }
            return false
        })
        #expect(shell.column("iso_3166_1 where alpha_2 = rw select name") == ["Rwanda"])
    }
}
