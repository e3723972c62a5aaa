import DossierSupport

/// Turns diagnostics into the text people read:
///
///     deals.dq:3:17: error: no field "regoin" in countries
///         3 | countries where regoin = Africa
///           |                 ^^^^^^
///           = hint: did you mean "region"?
///
/// Columns count characters, and the caret is placed by display width, so it stays under the
/// right spot after wide characters and emoji.
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        // A note about the session (`loaded countries`, why a result is empty) is a line of
        // information, not a problem: no label, dimmed on a colour terminal.
        if diagnostic.severity == .note, case .none = diagnostic.location, diagnostic.notes.isEmpty {
            return useColor ? "\u{1B}[2m\(diagnostic.message)\u{1B}[0m" : diagnostic.message
        }
        var lines: [String] = []
        let label = paint(diagnostic.severity.rawValue + ":", severityColor(diagnostic.severity))
        switch diagnostic.location {
        case .source(let source, let range):
            let start = source.location(of: range.lowerBound)
            let prefix = (source.path.map { $0 + ":" } ?? "") + "\(start.line):\(start.column):"
            lines.append("\(prefix) \(label) \(diagnostic.message)")
            lines.append(contentsOf: excerpt(source: source, range: range, start: start))
        case .file(let path, let line, let column, let lineText):
            lines.append("\(path):\(line):\(column): \(label) \(diagnostic.message)")
            if let lineText {
                lines.append(contentsOf: excerpt(lineText: lineText, line: line, column: column, width: 1))
            }
        case .path(let path):
            lines.append("\(path): \(label) \(diagnostic.message)")
        case .none:
            lines.append("\(label) \(diagnostic.message)")
        }
        if let hint = diagnostic.hint {
            let gutter = gutterWidth(for: diagnostic)
            for (index, hintLine) in hint.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let lead = index == 0 ? "= hint: " : "        "
                lines.append(String(repeating: " ", count: gutter) + paint(lead, .cyan) + hintLine)
            }
        }
        return lines.joined(separator: "\n")
    }

    private func gutterWidth(for diagnostic: Diagnostic) -> Int {
        switch diagnostic.location {
        case .source(let source, let range):
            return "\(source.location(of: range.lowerBound).line)".count + 3
        case .file(_, let line, _, let lineText) where lineText != nil:
            return "\(line)".count + 3
        default:
            return 2
        }
    }

    private func excerpt(source: SourceText, range: Range<Int>, start: SourceLocation) -> [String] {
        let lineText = source.lineText(startingAt: start.lineStart)
        // The caret spans the range, cut at the end of the first line.
        let lineEnd = start.lineStart + Array(lineText.utf8).count
        let spanEnd = max(min(range.upperBound, lineEnd), range.lowerBound)
        let spanText = source.text(range.lowerBound..<spanEnd)
        return excerpt(
            lineText: lineText, line: start.line, column: start.column,
            width: max(1, DisplayWidth.of(spanText)))
    }

    /// Longest line shown whole; longer ones show a window around the caret.
    package static let maximumExcerpt = 100

    private func excerpt(lineText: String, line: Int, column: Int, width: Int) -> [String] {
        let number = "\(line)"
        let pad = String(repeating: " ", count: number.count)
        var shown = lineText.map { $0 == "\t" ? " " : String($0) }.joined()
        var column = column
        var width = width
        if shown.count > DiagnosticRenderer.maximumExcerpt {
            let characters = Array(shown)
            let start = max(0, column - 1 - DiagnosticRenderer.maximumExcerpt / 2)
            let end = min(characters.count, start + DiagnosticRenderer.maximumExcerpt)
            shown = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
            column = column - start + (start > 0 ? 1 : 0)
            width = min(width, DiagnosticRenderer.maximumExcerpt)
        }
        let before = String(shown.prefix(max(0, column - 1)))
        let caretPad = String(repeating: " ", count: DisplayWidth.of(before))
        return [
            "  \(number) | \(shown)",
            "  \(pad) | \(caretPad)" + paint(String(repeating: "^", count: width), .green),
        ]
    }

    // MARK: - Colour

    package enum Color: String {
        case red = "31", yellow = "33", cyan = "36", green = "32", bold = "1"
    }

    private func severityColor(_ severity: Diagnostic.Severity) -> Color {
        switch severity {
        case .error: return .red
        case .warning: return .yellow
        case .note: return .cyan
        }
    }

    private func paint(_ text: String, _ color: Color) -> String {
        useColor ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
