@testable import DossierDiagnostics
@testable import DossierLoad

extension DataLoader {
    /// The one dataset a file gives (a CSV, a JSON file), for tests of single-table files.
    static func loadOne(_ path: String, name: String? = nil, options: LoadOptions = LoadOptions()) throws(Diagnostic) -> LoadResult {
        let results = try loadFile(path, name: name ?? datasetName(for: path), options: options, monitor: LoadMonitor())
        guard results.count == 1, let result = results.first else {
            throw Diagnostic(.badData, "\(path) gave \(results.count) datasets, not one")
        }
        return result
    }
}
