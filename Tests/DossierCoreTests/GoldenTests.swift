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

/// Whole outputs: each `Tests/Golden/NAME.dq` runs on the bundled sample (table format, no
/// terminal) and its transcript must equal `NAME.out`. Re-record with
/// `DOSSIER_RECORD=1 swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let directory: String = {
        var path = #filePath  // .../Tests/DossierCoreTests/GoldenTests.swift
        for _ in 0..<2 { path = (path as NSString).deletingLastPathComponent }
        return path + "/Golden"
    }()

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".dq") }.sorted()
    }()

    @Test(arguments: GoldenTests.scripts)
    func golden(_ name: String) throws {
        let scriptPath = GoldenTests.directory + "/" + name
        let expectedPath = String(scriptPath.dropLast(3)) + ".out"
        let script = try String(contentsOfFile: scriptPath, encoding: .utf8)
        let shell = TestSession(format: .table)
        // Relative name in messages, so transcripts do not depend on the checkout's path.
        shell.session.run(SourceText(script, path: name), keepGoing: true)
        let actual = shell.output.transcript
        if ProcessInfo.processInfo.environment["DOSSIER_RECORD"] != nil {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8) else {
            Issue.record("no \(name.dropLast(3)).out: record it with DOSSIER_RECORD=1 swift test --filter GoldenTests")
            return
        }
        if expected != actual {
            Issue.record("\(name) differs from its .out (- expected, + actual):\n\(LineDiff.diff(expected: expected, actual: actual))")
        }
    }

    @Test func thereAreGoldenScripts() {
        #expect(GoldenTests.scripts.count >= 5)
    }
}
