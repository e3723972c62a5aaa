#if canImport(Glibc)
import Glibc
#endif
import CEditLine
import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// Candidates laid out in columns under the line, as shells list completions.
enum CandidateList {
    static let maximumShown = 120

    static func format(_ items: [String], width: Int) -> String {
        let shown = Array(items.prefix(maximumShown))
        let columnWidth = min(width, (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        let columns = max(1, width / max(1, columnWidth))
        let rows = (shown.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { continue }
                let item = DisplayWidth.truncate(shown[index], to: columnWidth - 1)
                line += item + String(repeating: " ", count: max(0, columnWidth - DisplayWidth.of(item)))
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        if items.count > shown.count { text += "… and \(items.count - shown.count) more\n" }
        return text
    }
}
