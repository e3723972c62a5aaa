import Foundation
import Testing

/// Faults (issue 7): closed pipes, full disks, read-only places, oversized input, signals.
@Suite struct FaultTests {
    @Test func aClosedPipeEndsQuietly() throws {
        let run = try CommandLineTests.run(["-c", "/bin/sh"], executable: "/bin/sh", arguments: [
            "-c", "'\(CommandLineTests.binary)' --format csv -c 'countries' -c 'countries' -c 'countries' | head -1",
        ])
        #expect(run.stdout == "name,region,status,roles,concern,incentives,source,quote\n")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(!run.crashed)
    }

    @Test func savingOntoAFullDiskIsAnErrorAndLeavesTheLinkAlone() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let link = NSTemporaryDirectory() + "full-\(UUID().uuidString).csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/full")
        defer { try? FileManager.default.removeItem(atPath: link) }
        let run = try CommandLineTests.run(["-c", "save countries to \(link)"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no space left on device"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == "/dev/full")
    }

    @Test func savingToAReadOnlyPlaceIsAnError() throws {
        let run = try CommandLineTests.run(["-c", "save countries to /proc/dossier-test.csv"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot save to /proc/dossier-test.csv"))
    }

    @Test func aFailedSaveKeepsTheOldFile() throws {
        let directory = NSTemporaryDirectory() + "dossier-save-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.csv"
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(["-c", "save countries where nosuch = 1 to \(path)"])
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
    }

    @Test func oversizedInputIsRefusedWithAnError() throws {
        let directory = NSTemporaryDirectory() + "dossier-big-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let wide = directory + "/wide.csv"
        try ((0...10_000).map { "c\($0)" }.joined(separator: ",") + "\n").write(toFile: wide, atomically: true, encoding: .utf8)
        let field = directory + "/field.csv"
        try ("a\n" + String(repeating: "x", count: 17 << 20) + "\n").write(toFile: field, atomically: true, encoding: .utf8)
        let keys = directory + "/keys.json"
        try ("[{" + (0...10_000).map { "\"k\($0)\": 1" }.joined(separator: ",") + "}]").write(toFile: keys, atomically: true, encoding: .utf8)
        let line = directory + "/line.csv"
        try ("a,b\n" + String(repeating: "y,", count: 5_000_000) + "\n").write(toFile: line, atomically: true, encoding: .utf8)
        for (path, message) in [
            (wide, "the header has more than 10000 fields"), (field, "a value longer than 16 MB"),
            (keys, "more than 10000 different fields"), (line, "this row has more than"),
        ] {
            let run = try CommandLineTests.run(["--empty", "-c", "load \(path)"])
            #expect(run.status == 1, "\(path)")
            #expect(run.stderr.contains(message), "\(path): \(run.stderr.prefix(300))")
            #expect(run.stderr.count < 5_000)
        }
    }

    @Test func aStandardInputScriptOverTheLimitIsRefused() throws {
        let big = String(repeating: "countries count\n", count: (65 << 20) / 16 + 1)
        let run = try CommandLineTests.run([], stdin: big)
        #expect(run.status == 1)
        #expect(run.stderr.contains("larger than 64 MB"))
        #expect(run.stdout.isEmpty)
    }

    @Test func terminatingALoadEndsTheProcessWithoutACrash() throws {
        let path = NSTemporaryDirectory() + "dossier-term-\(UUID().uuidString).csv"
        var text = "id,name,n\n"
        for row in 0..<400_000 { text += "\(row),name \(row),\(row % 97)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["--empty", "-c", "load \(path)", "-c", "load \(path) as again"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(60_000)
        process.terminate()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!stderr.contains("crashed"))
        #expect(process.terminationReason == .uncaughtSignal || process.terminationStatus == 0)
    }
}
