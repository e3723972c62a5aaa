#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierData
import DossierLoad
import DossierOutput

/// Any bytes as a delimited text file read as it comes: the first byte picks what `load` is
/// told (nothing, a delimiter, no header, a skip, an encoding), the rest is the file, read
/// through the sniffer, the encodings and the CSV reader. A dataset whose columns agree, or a
/// diagnostic that renders; never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDialect(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let choice = data[0]
    let file = FileBytes(Array(UnsafeBufferPointer(start: data + 1, count: size - 1)))
    var options = LoadOptions()
    if choice & 1 != 0 { options.delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")][Int(choice >> 1 & 3)] }
    if choice & 8 != 0 { options.header = choice & 16 != 0 }
    if choice & 32 != 0 { options.skip = Int(choice >> 6) }
    if choice & 64 != 0 && choice & 128 != 0 { options.encoding = TextEncoding.allCases[Int(choice) % TextEncoding.allCases.count] }
    for path in ["fuzz.csv", "fuzz.tsv", "fuzz"] {
        do {
            let result = try DataLoader.readText(file, path: path, name: "fuzz", options: options, monitor: LoadMonitor())
            let dataset = result.dataset
            for column in dataset.columns where column.count != dataset.rowCount { abort() }
            if dataset.fields.count != dataset.columns.count { abort() }
            var text = ""
            OutputFormat.csv.render(Relation(dataset), into: &text)
            for note in result.warnings + result.notes { _ = DiagnosticRenderer().render(note) }
        } catch {
            _ = DiagnosticRenderer().render(error)
        }
    }
    return 0
}
