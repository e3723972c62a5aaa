// The one place dossier uses Foundation: ZIPFoundation needs it, and Foundation doubles the
// start-up time of a process that links it. So this target is a separate shared library
// (libDossierZip.so, beside the dossier binary) that DossierLoad opens with dlopen the first
// time someone loads an .xlsx file; dossier itself never links it. Its interface is two C
// functions, so that no Swift type crosses between the two images.
import Foundation
import ZIPFoundation

/// Receives one entry's name (NUL-terminated) and uncompressed size.
public typealias DossierZipEntry = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>, Int64) -> Void
/// Receives a piece of an entry's bytes.
public typealias DossierZipData = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>, Int) -> Void
/// Receives why the archive could not be read.
public typealias DossierZipError = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>) -> Void

/// Lists the entries of the archive at `path`. Returns 0, or 1 after calling `onError`.
@_cdecl("dossier_zip_list")
public func dossierZipList(
    _ path: UnsafePointer<CChar>, _ context: UnsafeMutableRawPointer?, _ onEntry: DossierZipEntry,
    _ onError: DossierZipError
) -> Int32 {
    do {
        let archive = try Archive(url: URL(fileURLWithPath: String(cString: path)), accessMode: .read)
        for entry in archive where entry.type == .file {
            entry.path.withCString { onEntry(context, $0, Int64(clamping: entry.uncompressedSize)) }
        }
        return 0
    } catch {
        report(error, context, onError)
        return 1
    }
}

/// Extracts the entry `name` of the archive at `path`, handing its bytes to `onData` piece by
/// piece, and stops with an error once more than `limit` bytes came out (an archive can claim
/// a small size and inflate to gigabytes). Returns 0, 1 after `onError`, or 2 when there is
/// no such entry.
@_cdecl("dossier_zip_read")
public func dossierZipRead(
    _ path: UnsafePointer<CChar>, _ name: UnsafePointer<CChar>, _ limit: Int64, _ context: UnsafeMutableRawPointer?,
    _ onData: DossierZipData, _ onError: DossierZipError
) -> Int32 {
    do {
        let archive = try Archive(url: URL(fileURLWithPath: String(cString: path)), accessMode: .read)
        guard let entry = archive[String(cString: name)] else { return 2 }
        if entry.uncompressedSize > UInt64(max(0, limit)) { throw TooLarge() }
        var total: Int64 = 0
        _ = try archive.extract(entry, skipCRC32: false) { data in
            total += Int64(data.count)
            if total > limit { throw TooLarge() }
            data.withUnsafeBytes { raw in
                if let base = raw.bindMemory(to: UInt8.self).baseAddress { onData(context, base, raw.count) }
            }
        }
        return 0
    } catch {
        report(error, context, onError)
        return 1
    }
}

private struct TooLarge: Error {}

private func report(_ error: Error, _ context: UnsafeMutableRawPointer?, _ onError: DossierZipError) {
    let text: String
    switch error {
    case is TooLarge: text = "a part of the archive is larger than dossier reads"
    case Archive.ArchiveError.invalidCRC32: text = "the ZIP archive is damaged (a checksum does not match)"
    case Archive.ArchiveError.invalidCompressionMethod: text = "the ZIP archive uses a compression dossier cannot read"
    case is Archive.ArchiveError: text = "the ZIP archive is damaged or incomplete"
    default: text = "the ZIP archive could not be read (\(error))"
    }
    text.withCString { onError(context, $0) }
}
