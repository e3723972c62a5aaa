import Foundation
import Testing
@testable import DossierShell

@Suite struct HistoryFileTests {
    let directory = NSTemporaryDirectory() + "dossier-history-" + UUID().uuidString

    @Test func createsTheFileAndFolderPrivately() throws {
        let path = directory + "/state/dossier/history"
        let history = try HistoryFile(path: path)
        history.append("countries")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: directory + "/state/dossier")
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }

    @Test func entriesSurviveAReopenAndMultiLineStatementsStayWhole() throws {
        let path = directory + "/history"
        let first = try HistoryFile(path: path)
        first.append("countries where\n  region = Africa")
        first.append("datasets")
        first.append("datasets")
        first.append("count countries by region")
        let second = try HistoryFile(path: path)
        #expect(second.entries == ["countries where\n  region = Africa", "datasets", "count countries by region"])
    }

    @Test func keepsAtMostAThousandEntries() throws {
        let path = directory + "/history"
        let history = try HistoryFile(path: path)
        for index in 0..<2_500 { history.append("countries limit \(index)") }
        let reopened = try HistoryFile(path: path)
        #expect(reopened.entries.count == HistoryFile.maximumEntries)
        #expect(reopened.entries.last == "countries limit 2499")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
        #expect(lines <= HistoryFile.maximumEntries * 2 + 1)
    }

    @Test func escapingRoundTrips() {
        for entry in ["a\\nb", "back\\slash", "line\nbreak", "crlf\r\n", "plain"] {
            #expect(HistoryFile.decode(HistoryFile.encode(entry)) == entry)
            #expect(!HistoryFile.encode(entry).contains("\n"))
        }
    }

    @Test func defaultPathFollowsXDG() {
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/dossier/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/dossier/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    @Test func aFullDiskIsReportedNotFatal() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let history = try HistoryFile(path: "/dev/full")
        #expect(history.append("countries") == false)
        #expect(history.failure != nil)
    }
}
