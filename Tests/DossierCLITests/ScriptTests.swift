import Foundation
import Testing

/// Scripts as whole texts (issue 10): statements run in the order typed, a more-indented line or
/// a line after a trailing `|` continues a statement, and a syntax error anywhere runs nothing.
@Suite struct ScriptTests {
    private func script(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "dossier-script-\(UUID().uuidString).dq"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // 9. `-c` and `-f` run in the order they were typed, as psql does.
    @Test func commandsAndScriptsRunInTheOrderTyped() throws {
        let path = try script("agreements count\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["-f", path, "-c", "countries count", "--format", "csv"])
        #expect(run.stdout == "count\n10\ncount\n14\n")
        let reversed = try CommandLineTests.run(["-c", "countries count", "-f", path, "--format", "csv"])
        #expect(reversed.stdout == "count\n14\ncount\n10\n")
    }

    // 11. An indented line continues the statement above it, even a complete one.
    @Test func anIndentedLineContinuesTheStatement() throws {
        let path = try script("countries where region = Africa\n  select name\ncountries where region = Asia\n  and name = Mongolia\n  select name\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["-f", path, "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout == "name\nLibya\nRwanda\nBenin\nEswatini\nname\nMongolia\n")
    }

    // 11. A line ending in `|` continues on the next line, indented or not.
    @Test func aTrailingPipeContinuesTheStatement() throws {
        let path = try script("countries where concern = rights |\nselect name\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["-f", path, "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout == "name\nLibya\nRwanda\n")
    }

    // 11. Uniformly indented statements stay separate statements.
    @Test func statementsIndentedAlikeStaySeparate() throws {
        let path = try script("  countries count\n  agreements count\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["-f", path, "--format", "csv"])
        #expect(run.stdout == "count\n14\ncount\n10\n")
    }

    // 12. A syntax error on a late line runs nothing, and every syntax error is reported.
    @Test func aSyntaxErrorAnywhereRunsNothing() throws {
        let path = try script("countries count\nagreements count\ncountries whre x = 1\ncountries (\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["-f", path, "--format", "csv"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(path):3:11: error: `whre` is not a clause"))
        #expect(run.stderr.contains("\(path):4:"))
        #expect(run.stderr.contains("nothing was run"))
    }

    // 12. With --keep-going the statements that parse still run.
    @Test func keepGoingRunsTheStatementsThatParse() throws {
        let path = try script("countries count\ncountries whre x = 1\nagreements count\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["-f", path, "--format", "csv", "--keep-going"])
        #expect(run.status == 1)
        #expect(run.stdout == "count\n14\ncount\n10\n")
    }

    /// A sample script with a `.out` beside it prints exactly that, run as a user runs it
    /// (`dossier -f samples/NAME.dq`, from another directory). Re-record with
    /// `dossier -f samples/NAME.dq > samples/NAME.out`.
    @Test(arguments: ScriptTests.samplesWithOutput)
    func aSampleScriptPrintsItsExpectedOutput(_ name: String) throws {
        let path = ScriptTests.samples + "/" + name
        let expected = try String(contentsOfFile: String(path.dropLast(3)) + ".out", encoding: .utf8)
        let run = try CommandLineTests.run(["--no-history", "-f", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == expected, "\(name) differs from its .out")
    }

    @Test func someSampleScriptHasExpectedOutput() {
        #expect(ScriptTests.samplesWithOutput.contains("debian_releases.dq"))
    }

    static let samples: String = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("samples").path
    }()

    static var samplesWithOutput: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []
        return names.filter { $0.hasSuffix(".dq") && names.contains(String($0.dropLast(3)) + ".out") }.sorted()
    }
}
