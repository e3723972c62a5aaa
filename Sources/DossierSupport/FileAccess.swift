#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing whole files with the C library (no Foundation: it doubles start-up).
/// Every failure is a `FileError` that names the path and says what to do.
public enum FileAccess {
    public enum Kind: Sendable { case missing, file, directory, other }

    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The whole file. Refuses directories and files larger than `limit` bytes.
    public static func read(_ path: String, limit: Int = Int.max) throws(FileError) -> [UInt8] {
        switch kind(of: path) {
        case .missing:
            throw SupportMessages.noSuchFile(path, hint: missingFileHint(path))
        case .directory:
            throw SupportMessages.isDirectory(path)
        case .file, .other:
            break
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw openError(path) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size > limit {
            throw SupportMessages.fileTooLarge(path, size: info.st_size, limit: limit)
        }
        var bytes: [UInt8] = []
        let expected = max(0, Int(info.st_size))
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            // Safe: read(2) writes at most chunk.count bytes into the chunk, which outlives the call.
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SupportMessages.couldNotRead(path, errorText(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw SupportMessages.fileGrewTooLarge(path, limit: limit)
            }
        }
        return bytes
    }

    /// Writes `bytes` to `path`, through a temporary file renamed into place, so a failed
    /// write never leaves half a file.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileError) {
        if kind(of: path) == .directory {
            throw SupportMessages.cannotWriteDirectory(path)
        }
        // A device, a pipe or a link is written in place: renaming a new file over it would
        // replace the device or the link itself.
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            try writeInPlace(bytes, to: path)
            return
        }
        let temporary = path + ".dossier-tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw openError(path, writing: true) }
        var failure: Int32 = writeAll(descriptor, bytes)
        if failure == 0, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw SupportMessages.couldNotWrite(path, errorText(failure))
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw SupportMessages.couldNotWrite(path, errorText(code))
        }
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileError) {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw openError(path, writing: true) }
        var failure = writeAll(descriptor, bytes)
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            throw SupportMessages.couldNotWrite(path, errorText(failure))
        }
    }

    /// Writes every byte to a descriptor, retrying partial writes and interruptions. Returns 0
    /// or the errno of the failure.
    public static func writeAll<C: Collection>(_ descriptor: Int32, _ bytes: C) -> Int32 where C.Element == UInt8 {
        // Safe: write(2) reads base + offset ..< base + buffer.count, inside the borrowed storage, and the
        // pointer does not leave the closure.
        let result: Int32? = bytes.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return 0
        }
        return result ?? writeAll(descriptor, Array(bytes))
    }

    /// Names of the entries of a directory, sorted.
    public static func list(directory path: String) throws(FileError) -> [String] {
        guard let handle = opendir(path) else { throw openError(path) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            // Safe: d_name is a NUL-terminated char[256] inside the dirent readdir returned, valid until the
            // next readdir; String(cString:) copies it before then.
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    package static func openError(_ path: String, writing: Bool = false) -> FileError {
        let code = errno
        switch code {
        case EACCES, EPERM:
            return SupportMessages.permissionDenied(path, writing: writing)
        case ENOENT:
            return SupportMessages.missing(path, writing: writing)
        case EROFS:
            return SupportMessages.readOnlyFileSystem(path)
        default:
            return SupportMessages.cannotOpen(path, writing: writing, errorText(code))
        }
    }

    package static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return SupportMessages.unknownError(code) }
        return String(cString: text).lowercased()
    }

    private static func missingFileHint(_ path: String) -> String? {
        if path.hasPrefix("~") {
            let home = ProcessEnvironment.current["HOME"] ?? "/home/you"
            return SupportMessages.tildeNotExpanded(path, home: home)
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard kind(of: directory.isEmpty ? "/" : directory) == .directory,
            let names = try? list(directory: directory.isEmpty ? "/" : directory)
        else { return nil }
        let close = Suggestions.closest(to: base, in: names)
        guard let best = close.first else { return nil }
        let suggestion = slash == nil ? best : directory + "/" + best
        return SupportMessages.didYouMeanPath(suggestion)
    }
}

extension FileAccess {
    /// Everything on standard input, for piped scripts; nil beyond `limit` bytes.
    public static func readStandardInput(limit: Int = DataLimits.maximumScriptBytes) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // Safe: read(2) writes at most chunk.count bytes into the chunk, which outlives the call.
            let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return nil }
        }
        return bytes
    }
}
