import DossierSupport
import DossierDiagnostics
import DossierData

/// The entries of a ZIP archive (an .xlsx workbook), read through libDossierZip.so: the
/// ZIPFoundation library wrapped in two C functions (Sources/DossierZip), opened with dlopen
/// on first use because it brings Foundation, which would double every start-up.
package struct ZipArchive {
    package let path: String
    /// Entry names and their uncompressed sizes.
    package let entries: [String: Int64]

    /// The most any one part may inflate to: workbooks are small, and a ZIP bomb is not.
    package static let maximumPartBytes: Int64 = 1 << 30

    package init(path: String) throws(Diagnostic) {
        let functions = try ZipArchive.functions(for: path)
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let status = path.withCString { functions.list($0, context, { context, name, size in
            guard let context else { return }
            Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().entries[String(cString: name)] = size
        }, { context, message in
            guard let context else { return }
            Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().error = String(cString: message)
        }) }
        withExtendedLifetime(collector) {}
        if status != 0 { throw LoadMessages.damagedArchive(path, collector.error ?? "unknown error") }
        self.path = path
        entries = collector.entries
    }

    /// An entry's bytes, or nil when the archive has no such entry.
    package func read(_ name: String) throws(Diagnostic) -> [UInt8]? {
        guard entries[name] != nil else { return nil }
        let functions = try ZipArchive.functions(for: path)
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let status = path.withCString { archivePath in
            name.withCString { entryName in
                functions.read(archivePath, entryName, ZipArchive.maximumPartBytes, context, { context, bytes, count in
                    guard let context else { return }
                    Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().bytes
                        .append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
                }, { context, message in
                    guard let context else { return }
                    Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().error = String(cString: message)
                })
            }
        }
        withExtendedLifetime(collector) {}
        switch status {
        case 0: return collector.bytes
        case 2: return nil
        default: throw LoadMessages.damagedArchive(path, "\(name): " + (collector.error ?? "unknown error"))
        }
    }

    private final class Collector {
        var entries: [String: Int64] = [:]
        var bytes: [UInt8] = []
        var error: String?
    }

    // MARK: - The library

    private typealias EntryCallback = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>, Int64) -> Void
    private typealias DataCallback = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>, Int) -> Void
    private typealias ErrorCallback = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>) -> Void
    private typealias ListFunction = @convention(c) (
        UnsafePointer<CChar>, UnsafeMutableRawPointer?, EntryCallback, ErrorCallback
    ) -> Int32
    private typealias ReadFunction = @convention(c) (
        UnsafePointer<CChar>, UnsafePointer<CChar>, Int64, UnsafeMutableRawPointer?, DataCallback, ErrorCallback
    ) -> Int32

    private struct Functions: @unchecked Sendable {
        var list: ListFunction
        var read: ReadFunction
    }

    /// Opened once, on first use; the outcome is kept for the life of the process.
    private static let library: Result<Functions, LibraryMissing> = {
        var candidates: [String] = []
        if let explicit = ProcessEnvironment.current["DOSSIER_ZIP_LIBRARY"], !explicit.isEmpty { candidates.append(explicit) }
        if let folder = SharedLibrary.programFolder { candidates.append(folder + "/libDossierZip.so") }
        candidates.append("libDossierZip.so")
        let (opened, error) = SharedLibrary.open(candidates)
        guard let opened, let list = opened.function("dossier_zip_list", as: ListFunction.self),
            let read = opened.function("dossier_zip_read", as: ReadFunction.self)
        else { return .failure(LibraryMissing(reason: error)) }
        return .success(Functions(list: list, read: read))
    }()

    private struct LibraryMissing: Error {
        var reason: String
    }

    private static func functions(for path: String) throws(Diagnostic) -> Functions {
        switch library {
        case .success(let functions): return functions
        case .failure(let missing): throw LoadMessages.zipLibraryMissing(path, reason: missing.reason)
        }
    }
}
