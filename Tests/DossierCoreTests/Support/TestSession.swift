import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput
import DossierSession
import DossierCompletion

/// Collects what a session says, in order.
final class RecordingOutput: SessionOutput {
    var events: [SessionEvent] = []

    func emit(_ event: SessionEvent) { events.append(event) }

    var results: [String] {
        events.compactMap { if case .result(let text) = $0 { return text } else { return nil } }
    }

    /// Errors and warnings (notes are `notes`).
    var diagnostics: [Diagnostic] {
        allDiagnostics.filter { $0.severity != .note }
    }

    /// Every diagnostic, notes included, in order.
    var allDiagnostics: [Diagnostic] {
        events.compactMap { if case .diagnostic(let diagnostic) = $0 { return diagnostic } else { return nil } }
    }

    var notes: [String] {
        events.compactMap { if case .diagnostic(let note) = $0, note.severity == .note { return note.message } else { return nil } }
    }

    /// Everything, as a reader of the terminal would see it.
    var transcript: String {
        let renderer = DiagnosticRenderer(useColor: false)
        return events.map { event in
            switch event {
            case .result(let text): return text
            case .diagnostic(let diagnostic): return renderer.render(diagnostic) + "\n"
            case .progress: return ""
            }
        }.joined()
    }
}

/// A session with the bundled sample loaded, and helpers to run text in it.
final class TestSession {
    let output = RecordingOutput()
    let session: Session

    init(sample: Bool = true, format: OutputFormat = .csv) {
        session = Session(output: output, samples: SampleLibrary.locate())
        session.options.format = format
        if sample { precondition(session.loadDefaultSample(), "the bundled sample must load") }
        output.events = []
    }

    @discardableResult
    func run(_ text: String, keepGoing: Bool = false) -> Session.Summary {
        output.events = []
        return session.run(SourceText(text), keepGoing: keepGoing)
    }

    /// The CSV result of a query, as rows of cells (header first).
    func rows(_ query: String) -> [[String]] {
        run(query)
        guard let result = output.results.last else { return [] }
        return CSV.parse(result)
    }

    /// The values of the first column of a query's result (header dropped).
    func column(_ query: String) -> [String] {
        Array(rows(query).dropFirst().map { $0.first ?? "" })
    }

    /// The first error a statement gave.
    func error(_ text: String) -> Diagnostic? {
        run(text)
        return output.diagnostics.first { $0.severity == .error }
    }
}

/// A small CSV reader for test assertions.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = Array(text).makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case ",": row.append(field); field = ""
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
