#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierData
import DossierLoad
import DossierOutput

/// Any bytes as the parts of an Excel workbook: split at NUL bytes into the sheet, the shared
/// strings, the styles and the workbook part (defaults where a part is missing), read by the
/// XML tokenizer and the spreadsheet logic. The ZIP container is ZIPFoundation's and not
/// fuzzed here. Datasets whose columns agree, or a diagnostic; never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let pieces = UnsafeBufferPointer(start: data, count: size).split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
        .map { Array($0) }
    let workbook = pieces.count > 3 ? pieces[3]
        : Array(#"<workbook><sheets><sheet name="A" r:id="r1"/><sheet name="B" r:id="r2"/></sheets></workbook>"#.utf8)
    let relations = Array(#"<Relationships><Relationship Id="r1" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Target="/xl/worksheets/sheet1.xml"/></Relationships>"#.utf8)
    let parts: [String: [UInt8]] = [
        "xl/worksheets/sheet1.xml": pieces[0],
        "xl/sharedStrings.xml": pieces.count > 1 ? pieces[1] : [],
        "xl/styles.xml": pieces.count > 2 ? pieces[2] : [],
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": relations,
    ]
    do {
        let results = try XLSXReader.read(path: "fuzz.xlsx", name: "fuzz", sheet: nil, monitor: LoadMonitor()) { (part) throws(Diagnostic) in
            parts[part]
        }
        for result in results {
            let dataset = result.dataset
            for column in dataset.columns where column.count != dataset.rowCount { abort() }
            var text = ""
            OutputFormat.csv.render(Relation(dataset), into: &text)
            for note in result.warnings + result.notes { _ = DiagnosticRenderer().render(note) }
        }
    } catch {
        _ = DiagnosticRenderer().render(error)
    }
    return 0
}
