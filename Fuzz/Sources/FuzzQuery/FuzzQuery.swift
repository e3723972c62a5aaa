#if canImport(Glibc)
import Glibc
#endif
import DossierCore

/// Query text end to end on the bundled sample: parse, check, run, format; never a crash.
final class Sink: SessionOutput {
    var bytes = 0
    func emit(_ event: SessionEvent) {
        switch event {
        case .result(let text), .note(let text): bytes &+= text.utf8.count
        case .diagnostic(let diagnostic): bytes &+= DiagnosticRenderer().render(diagnostic).utf8.count
        case .progress: break
        }
    }
}

nonisolated(unsafe) var session: Session?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if session == nil {
        let created = Session(output: Sink(), samples: SampleLibrary.locate())
        _ = created.loadDefaultSample()
        session = created
    }
    guard let session else { return 0 }
    let text = Array(UnsafeBufferPointer(start: data, count: size))
    // Statements that touch files or the catalog would make runs depend on each other.
    let lowered = String(decoding: text, as: UTF8.self).lowercased()
    for word in ["load", "save", "run", "drop", "let", ".read", ".load", "set"] where lowered.contains(word) { return 0 }
    for format in [OutputFormat.table, .json] {
        session.options.format = format
        session.run(SourceText(bytes: text), keepGoing: true)
    }
    return 0
}
