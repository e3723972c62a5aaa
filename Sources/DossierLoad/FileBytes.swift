#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierData

/// The bytes of a data file, memory-mapped when it is a regular file: nothing is copied, and
/// readers hand back pages they have passed (`release`), so a load's peak memory is close to
/// the columns it builds rather than the file plus the columns. Pages released and needed
/// again (a column re-read as text) come back from the file.
public final class FileBytes {
    // Safe: `buffer` points into memory this object owns (the mapping or `owned`), freed only in
    // deinit; every reader that keeps a view of it (CSVReader, JSONReader, ByteLocator, the
    // scanners) keeps this object alive for as long.
    public let buffer: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let owned: UnsafeMutableBufferPointer<UInt8>?
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Bytes held in memory (tests, and files that are not regular).
    public init(_ bytes: [UInt8]) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = storage.initialize(from: bytes)
        owned = storage
        mapping = nil
        buffer = UnsafeBufferPointer(rebasing: storage[0..<bytes.count])
    }

    private init(mapping: UnsafeMutableRawPointer, count: Int) {
        self.mapping = mapping
        owned = nil
        // Safe: mmap returned `count` readable bytes, and raw bytes may be read as UInt8.
        buffer = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: count)
    }

    deinit {
        if let mapping { munmap(mapping, buffer.count) }
        owned?.deallocate()
    }

    /// Maps a regular file, or reads it when it cannot be mapped (a pipe, an empty file).
    public static func open(_ path: String, limit: Int) throws(FileError) -> FileBytes {
        guard FileAccess.kind(of: path) == .file else { return FileBytes(try FileAccess.read(path, limit: limit)) }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileAccess.openError(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return FileBytes(try FileAccess.read(path, limit: limit)) }
        let size = Int(info.st_size)
        if size > limit {
            throw SupportMessages.fileTooLarge(path, size: size, limit: limit)
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            return FileBytes(try FileAccess.read(path, limit: limit))
        }
        madvise(mapped, size, MADV_SEQUENTIAL)
        return FileBytes(mapping: mapped, count: size)
    }

    /// Tells the system the bytes from `released` to `offset` are done with, for now, once
    /// there are at least 8 MB of them; returns the new `released` mark. Stateless, so two
    /// threads reading two halves each keep their own mark.
    @inline(__always)
    public func release(from released: Int, upTo offset: Int) -> Int {
        guard let mapping, offset - released >= 8 << 20 else { return released }
        let start = (released + FileBytes.pageSize - 1) / FileBytes.pageSize * FileBytes.pageSize
        let end = offset / FileBytes.pageSize * FileBytes.pageSize
        guard end > start else { return released }
        // Safe: start and end are page-aligned and at most offset <= buffer.count; on a private read-only
        // mapping DONTNEED only drops pages, which come back from the file when read again.
        madvise(mapping + start, end - start, MADV_DONTNEED)
        return end
    }
}
