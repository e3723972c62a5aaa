/// Every text of a `FileError`, in one place: what went wrong with a file, and what to do.
/// Lower-case and specific; the Diagnostics layer turns a `FileError` into a diagnostic.
package enum SupportMessages {
    package static func noSuchFile(_ path: String, hint: String? = nil) -> FileError {
        FileError(.notFound, "no such file", path: path, hint: hint)
    }

    package static func isDirectory(_ path: String) -> FileError {
        FileError(.unreadable, "this is a directory, not a file", path: path,
            hint: "`load \(path)` loads every supported file in a directory")
    }

    package static func fileTooLarge(_ path: String, size: some BinaryInteger, limit: Int) -> FileError {
        FileError(.tooLarge, "the file is \(size) bytes, more than the \(limit) bytes allowed", path: path)
    }

    /// A file that grew past `limit` while it was read.
    package static func fileGrewTooLarge(_ path: String, limit: Int) -> FileError {
        FileError(.tooLarge, "the file is larger than the \(limit) bytes allowed", path: path)
    }

    package static func couldNotRead(_ path: String, _ reason: String) -> FileError {
        FileError(.unreadable, "could not read: \(reason)", path: path)
    }

    package static func cannotWriteDirectory(_ path: String) -> FileError {
        FileError(.unwritable, "this is a directory", path: path, hint: "give a file name, such as \(path)/out.csv")
    }

    package static func couldNotWrite(_ path: String, _ reason: String) -> FileError {
        FileError(.unwritable, "could not write: \(reason)", path: path)
    }

    package static func permissionDenied(_ path: String, writing: Bool) -> FileError {
        FileError(.unreadable, "permission denied", path: path,
            hint: writing ? "choose a folder you can write to" : "check the file's permissions (ls -l)")
    }

    /// ENOENT: the file when reading, its folder when writing.
    package static func missing(_ path: String, writing: Bool) -> FileError {
        FileError(writing ? .unwritable : .notFound, writing ? "the folder does not exist" : "no such file", path: path)
    }

    package static func readOnlyFileSystem(_ path: String) -> FileError {
        FileError(.unwritable, "the file system is read-only", path: path)
    }

    /// Any other failure to open, with the C library's text for it.
    package static func cannotOpen(_ path: String, writing: Bool, _ reason: String) -> FileError {
        FileError(writing ? .unwritable : .unreadable, reason, path: path)
    }

    /// An errno the C library has no text for.
    package static func unknownError(_ code: Int32) -> String {
        "error \(code)"
    }

    // MARK: - Hints for a missing file

    package static func tildeNotExpanded(_ path: String, home: String) -> String {
        "paths are taken literally, without ~ expansion: write \(home)\(path.dropFirst())"
    }

    package static func didYouMeanPath(_ suggestion: String) -> String {
        "did you mean \(suggestion)?"
    }
}
