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

/// Any bytes as JSON and as JSON Lines: a dataset or a diagnostic, never a crash. Read again
/// with its columns deferred and then built, it must give the same data, or the same error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for lines in [false, true] {
        let eager: String
        do {
            let dataset = try JSONReader.read(bytes, path: "fuzz.json", name: "fuzz", lines: lines).dataset
            for column in dataset.columns where column.count != dataset.rowCount { abort() }
            var text = ""
            OutputFormat.jsonl.render(Relation(dataset), into: &text)
            eager = text
        } catch {
            eager = DiagnosticRenderer().render(error)
        }
        let deferred: String
        do {
            let read = try JSONReader.read(bytes, path: "fuzz.json", name: "fuzz", lines: lines, deferAbove: 0).dataset
            let (dataset, _) = try read.buildingAll(cancellation: Cancellation())
            for column in dataset.columns where column.count != dataset.rowCount { abort() }
            var text = ""
            OutputFormat.jsonl.render(Relation(dataset), into: &text)
            deferred = text
        } catch {
            deferred = DiagnosticRenderer().render(error)
        }
        if eager != deferred { abort() }
    }
    return 0
}
