#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierData
import DossierLoad
import DossierOutput

/// Any bytes as a SQLite database, read through the system's libsqlite3 from memory
/// (sqlite3_deserialize): every table a dataset whose columns agree, or a diagnostic; never a
/// crash, whatever the file's schema, declared types, storage classes or pages say.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSQLite(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        for result in try SQLiteReader.read(bytes: bytes, path: "fuzz.sqlite", name: "fuzz", monitor: LoadMonitor()) {
            let dataset = result.dataset
            for column in dataset.columns where column.count != dataset.rowCount { abort() }
            var text = ""
            OutputFormat.csv.render(Relation(dataset), into: &text)
            for note in result.warnings { _ = DiagnosticRenderer().render(note) }
        }
    } catch {
        _ = DiagnosticRenderer().render(error)
    }
    return 0
}
