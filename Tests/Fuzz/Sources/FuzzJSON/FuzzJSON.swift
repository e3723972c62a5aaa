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
        let eager = rendered { () throws(Diagnostic) in
            try JSONReader.read(bytes, path: "fuzz.json", name: "fuzz", lines: lines).dataset
        }
        let deferred = rendered { () throws(Diagnostic) in
            try JSONReader.read(bytes, path: "fuzz.json", name: "fuzz", lines: lines, deferAbove: 0).dataset
                .buildingAll(cancellation: Cancellation()).0
        }
        if eager != deferred { abort() }
    }
    return 0
}

/// The dataset as JSON Lines, or the error as shown; aborts on a column of the wrong length.
private func rendered(_ read: () throws(Diagnostic) -> Dataset) -> String {
    do {
        let dataset = try read()
        for column in dataset.columns where column.count != dataset.rowCount { abort() }
        var text = ""
        OutputFormat.jsonl.render(Relation(dataset), into: &text)
        return text
    } catch {
        return DiagnosticRenderer().render(error)
    }
}
