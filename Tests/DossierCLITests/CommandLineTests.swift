import Foundation
import Testing

/// The command line run as a process (§1): exit codes, stdin scripts, -c, -f, --keep-going.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var crashed: Bool
    }

    /// The built `dossier` next to this test bundle.
    static let binary: String = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [bundleDirectory.appendingPathComponent("dossier").path]
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        candidates.append(root.appendingPathComponent(".build/debug/dossier").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    static func run(
        _ arguments: [String], stdin: String? = nil, directory: String = NSTemporaryDirectory(),
        environment: [String: String] = [:], executable: String = binary, arguments explicit: [String]? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = explicit ?? arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files: no pipe can fill up and block the child.
        let base = NSTemporaryDirectory() + "dossier-cli-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".in", contents: Data((stdin ?? "").utf8))
        defer {
            for suffix in [".out", ".err", ".in"] { try? FileManager.default.removeItem(atPath: base + suffix) }
        }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: base + ".in"))
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        try input.close()
        let outData = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: base + ".err") ?? Data()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), crashed: process.terminationReason == .uncaughtSignal)
    }

    @Test func queryWithC() throws {
        let run = try Self.run(["-c", "countries where concern = rights select name", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout == "name\nLibya\nRwanda\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func severalCommandsRunInOrder() throws {
        let run = try Self.run(["-c", "countries count", "-c", "agreements count", "--format", "csv"])
        #expect(run.stdout == "count\n14\ncount\n10\n")
    }

    @Test func anErrorExitsOneWithACaretOnStderr() throws {
        let run = try Self.run(["-c", "countries where regoin = Africa"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("1:17: error: no field `regoin`"))
        #expect(run.stderr.contains("^^^^^^"))
        #expect(run.stderr.contains("did you mean `region`?"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["--format", "xml", "-c", "countries"]).status == 2)
        #expect(try Self.run(["--no-such-flag"]).status == 2)
    }

    @Test func versionAndHelpExitZero() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("dossier "))
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--keep-going"))
    }

    @Test func stdinIsAScriptWithoutPromptOrBanner() throws {
        let run = try Self.run(["--format", "csv"], stdin: "countries where concern = rights select name\ncount transfers\n")
        #expect(run.status == 0)
        #expect(run.stdout == "name\nLibya\nRwanda\ncount\n4\n")
        #expect(!run.stdout.contains("dossier>"))
    }

    @Test func scriptStopsAtTheFirstErrorWithItsPath() throws {
        let directory = NSTemporaryDirectory()
        let path = directory + "dossier-cli-\(UUID().uuidString).dq"
        try "countries count\ncountries where nosuch = 1\nagreements count\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.run(["-f", path, "--format", "csv"])
        #expect(run.status == 1)
        #expect(run.stdout == "count\n14\n")
        #expect(run.stderr.contains("\(path):2:17: error: no field `nosuch`"))

        let going = try Self.run(["-f", path, "--format", "csv", "--keep-going"])
        #expect(going.status == 1)
        #expect(going.stdout == "count\n14\ncount\n10\n")
    }

    @Test func missingScriptFails() throws {
        let run = try Self.run(["-f", "/nonexistent/script.dq"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/script.dq"))
    }

    @Test func emptyStartsWithoutTheSample() throws {
        let run = try Self.run(["--empty", "-c", "countries"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no dataset named `countries`"))
    }

    @Test func filesOnTheCommandLineAreLoaded() throws {
        let path = NSTemporaryDirectory() + "deals-\(UUID().uuidString.prefix(8)).csv"
        try "country,amount:int\nPanama,3\nLibya,5\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.lowercased().replacingOccurrences(of: "-", with: "_")
        let run = try Self.run([path, "-c", "\(name) where amount > 4 select country", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout == "country\nLibya\n")
    }

    @Test func runsFromAnyDirectory() throws {
        let run = try Self.run(["-c", "count countries"], directory: "/")
        #expect(run.status == 0)
        #expect(run.stdout.contains("14"))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = "countries where " + String(repeating: "(", count: 100_000) + "region = Africa" + String(repeating: ")", count: 100_000)
        let run = try Self.run([], stdin: text)
        #expect(!run.crashed)
        #expect(run.status == 1)
        #expect(run.stderr.contains("nested too deeply"))
        #expect(run.stderr.count < 2_000)  // the excerpt shows a window, not the whole line
    }

    @Test func anUnreadableFileSaysPermissionDenied() throws {
        let path = NSTemporaryDirectory() + "secret-\(UUID().uuidString).csv"
        try "a\n1\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Root reads everything: drop to `nobody` for this check when running as root.
        var arguments = ["--empty", "-c", "load \(path)"]
        var binary = Self.binary
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
            binary = "/usr/bin/setpriv"
        }
        let run = try Self.run(arguments, executable: binary)
        #expect(run.status == 1)
        #expect(run.stderr.contains("permission denied"))
    }

    @Test func quitStopsAScript() throws {
        let run = try Self.run(["--format", "csv"], stdin: "countries count\nquit\nagreements count\n")
        #expect(run.status == 0)
        #expect(run.stdout == "count\n14\n")
    }
}
