import DossierSupport
import DossierDiagnostics
import DossierData

/// The kinds of data file dossier reads (§6).
public enum DataFormat: String, Sendable, CaseIterable {
    case csv, tsv, json, jsonl

    /// By file extension.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        default: return nil
        }
    }

    /// By content, for files without a known extension.
    package static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> DataFormat {
        var index = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") { return .json }
        if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
            // One object per line is JSON Lines; one object spanning lines is JSON.
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var depth = 0
            for byte in bytes[index..<end] {
                if byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: "}") { depth -= 1 }
            }
            return depth == 0 ? .jsonl : .json
        }
        var tabs = 0
        var commas = 0
        while index < bytes.count, bytes[index] != 0x0A {
            if bytes[index] == 0x09 { tabs += 1 }
            if bytes[index] == UInt8(ascii: ",") { commas += 1 }
            index += 1
        }
        return tabs > commas ? .tsv : .csv
    }
}
