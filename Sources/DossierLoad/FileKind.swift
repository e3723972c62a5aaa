#if canImport(Glibc)
import Glibc
#endif

/// Which reader a file goes to: by its first bytes, which no extension can lie about, then by
/// its extension. A binary file never reaches the text readers, whose errors about UTF-8
/// would show its bytes.
package enum FileKind: Equatable {
    case text, sqlite, workbook
    /// A kind dossier does not read, by its name for people ("a Parquet file").
    case unsupported(String)
    /// Named as one kind (`.xlsx`) but holding another.
    case misnamed(named: String, found: String)

    package static let workbookExtensions: Set<String> = ["xlsx", "xlsm"]
    package static let databaseExtensions: Set<String> = ["sqlite", "sqlite3", "db", "db3"]
    /// NUL bytes here (several, and no UTF-16 byte-order mark) mean a binary file.
    package static let binaryProbeBytes = 4096

    package init(path: String, bytes: UnsafeBufferPointer<UInt8>) {
        let pathExtension = FileKind.pathExtension(path)
        switch FileSignature.of(bytes) {
        case .sqlite:
            self = .sqlite
        case .zip:
            self = .workbook
        case .unsupported(let what):
            self = .unsupported(what)
        case .text:
            if FileKind.workbookExtensions.contains(pathExtension), !bytes.isEmpty {
                self = .misnamed(named: "an Excel workbook (.\(pathExtension))", found: FileKind.looksLikeText(bytes) ? "text" : "other bytes")
            } else if FileKind.databaseExtensions.contains(pathExtension), !bytes.isEmpty, !FileKind.looksLikeText(bytes) {
                self = .unsupported("a binary file that is not a SQLite database")
            } else if !FileKind.looksLikeText(bytes) {
                self = .unsupported("a binary file of a kind dossier does not know")
            } else {
                self = .text
            }
        }
    }

    /// At most two NUL bytes in the first 4 KB (a stray one in text gets the text readers'
    /// error with its line and column), unless it is UTF-16, whose ASCII has one every other byte.
    private static func looksLikeText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if TextEncoding.detectUTF16(bytes) != nil { return true }
        var nuls = 0
        for index in 0..<min(bytes.count, binaryProbeBytes) where bytes[index] == 0 { nuls += 1 }
        return nuls <= 2
    }

    /// `Data/Trips.CSV` → `csv`.
    package static func pathExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }

    /// The first `count` bytes of a file (fewer when it is shorter), or nil when it cannot be read.
    package static func head(of path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, count) }
        guard read >= 0 else { return nil }
        return Array(bytes[0..<read])
    }
}
