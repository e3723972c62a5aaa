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

/// Any bytes as a CSV (and TSV) file: a dataset or a diagnostic, never a crash; a dataset
/// that loads can be queried and written out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for delimiter in [UInt8(ascii: ","), 0x09] {
        do {
            let result = try CSVReader.read(bytes, path: "fuzz.csv", name: "fuzz", delimiter: delimiter)
            let dataset = result.dataset
            for column in dataset.columns where column.count != dataset.rowCount { abort() }
            var text = ""
            OutputFormat.csv.render(Relation(dataset), into: &text)
        } catch {
            _ = DiagnosticRenderer().render(error)
        }
    }
    return 0
}
