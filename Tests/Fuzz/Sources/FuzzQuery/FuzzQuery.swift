#if canImport(Glibc)
import Glibc
#endif
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

/// Query text end to end on the bundled sample: parse, check, run, format; never a crash.
final class Sink: SessionOutput {
    var bytes = 0
    func emit(_ event: SessionEvent) {
        switch event {
        case .result(let text): bytes &+= text.utf8.count
        case .diagnostic(let diagnostic): bytes &+= DiagnosticRenderer().render(diagnostic).utf8.count
        case .progress: break
        }
    }
}

nonisolated(unsafe) var session: Session?

/// The session and its sample are made once, before the first input, and released at exit:
/// LeakSanitizer cannot follow pointers that Swift packs into enum payloads, so live objects
/// reachable only that way would be reported as leaks.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let created = Session(output: Sink(), samples: SampleLibrary.locate())
    _ = created.loadDefaultSample()
    session = created
    atexit { session = nil }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let session else { return 0 }
    let text = Array(UnsafeBufferPointer(start: data, count: size))
    // Statements that touch files, the catalog or the options would make runs depend on each
    // other (or write files): only queries and read-only statements run.
    for parsed in Parser.parse(SourceText(bytes: text)) {
        switch parsed.statement?.kind {
        case .load?, .loadSample?, .save?, .run?, .drop?, .letBinding?, .set?: return 0
        default: continue
        }
    }
    for format in [OutputFormat.table, .json] {
        session.options.format = format
        session.run(SourceText(bytes: text), keepGoing: true)
    }
    return 0
}
