#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// The statement history on disk (§2): one entry a statement (line breaks escaped, so a
/// multi-line statement is one entry), appended the moment it is accepted so `kill -9` loses
/// nothing, at most `maximumEntries`, a repeated statement kept once, the file mode 0600.
public final class HistoryFile {
    public static let maximumEntries = 1000
    static let header = "# dossier history v1"

    public let path: String
    public private(set) var entries: [String] = []
    /// Lines in the file, to know when to compact it.
    private var linesOnDisk = 0
    /// The first write error, reported once.
    public private(set) var failure: String?

    /// Opens (creating with mode 0600, and its folder with 0700) and reads the file.
    public init(path: String) throws(Diagnostic) {
        self.path = path
        try HistoryFile.createParent(of: path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Diagnostic(.fileUnwritable, "cannot open the history file: \(String(cString: strerror(errno)))", at: .path(path),
                hint: "choose another with --history PATH, or run with --no-history")
        }
        close(descriptor)
        let bytes = (try? FileAccess.read(path, limit: 64 << 20)) ?? []
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        linesOnDisk = lines.count
        for line in lines where line != HistoryFile.header {
            let entry = HistoryFile.decode(String(line))
            if entry != entries.last { entries.append(entry) }
        }
        if entries.count > HistoryFile.maximumEntries { entries.removeFirst(entries.count - HistoryFile.maximumEntries) }
    }

    /// The default path: `$XDG_STATE_HOME/dossier/history`, else `~/.local/state/dossier/history`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/dossier/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/dossier/history"
    }

    /// Records a statement. Returns false when it could not be written (reported once).
    @discardableResult
    public func append(_ entry: String) -> Bool {
        guard !entry.isEmpty, entry != entries.last else { return true }
        entries.append(entry)
        if entries.count > HistoryFile.maximumEntries { entries.removeFirst() }
        if linesOnDisk + 1 > HistoryFile.maximumEntries * 2 { return rewrite() }
        let prefix = linesOnDisk == 0 ? HistoryFile.header + "\n" : ""
        guard write(prefix + HistoryFile.encode(entry) + "\n", flags: O_WRONLY | O_APPEND) else { return false }
        linesOnDisk += prefix.isEmpty ? 1 : 2
        return true
    }

    /// Rewrites the file with the last entries only, through a temporary file.
    private func rewrite() -> Bool {
        let text = ([HistoryFile.header] + entries.map(HistoryFile.encode)).joined(separator: "\n") + "\n"
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return fail(errno) }
        let ok = HistoryFile.writeAll(descriptor, text)
        let code = errno
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return fail(ok ? errno : code)
        }
        linesOnDisk = entries.count + 1
        return true
    }

    private func write(_ text: String, flags: Int32) -> Bool {
        let descriptor = open(path, flags | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return fail(errno) }
        defer { close(descriptor) }
        return HistoryFile.writeAll(descriptor, text) ? true : fail(errno)
    }

    private func fail(_ code: Int32) -> Bool {
        if failure == nil { failure = String(cString: strerror(code)) }
        return false
    }

    static func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { FileAccess.writeAll(descriptor, $0) } == 0
    }

    private static func createParent(of path: String) throws(Diagnostic) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let directory = String(path[..<slash])
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw Diagnostic(.fileUnwritable, "cannot create the history folder \(current): \(String(cString: strerror(errno)))",
                    at: .path(path), hint: "choose another with --history PATH, or run with --no-history")
            }
        }
    }

    /// One line per entry: line breaks and backslashes escaped.
    static func encode(_ entry: String) -> String {
        var result = ""
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func decode(_ line: String) -> String {
        var result = ""
        var escaping = false
        for scalar in line.unicodeScalars {
            if escaping {
                switch scalar {
                case "n": result.unicodeScalars.append("\n")
                case "r": result.unicodeScalars.append("\r")
                default: result.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
