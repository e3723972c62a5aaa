#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierData

/// Where the bundled samples live (§8). Found without a path from any working directory:
/// `$DOSSIER_SAMPLES`, then a `samples` folder beside or above the executable (as after
/// `swift build`, or installed under `share/dossier`), then the source tree it was built from.
public struct SampleLibrary: Sendable {
    public let directory: String?

    public static let defaultSample = "third-country-deals"

    public init(directory: String?) {
        self.directory = directory
    }

    public static func locate(environment: [String: String] = ProcessEnvironment.current) -> SampleLibrary {
        if let explicit = environment["DOSSIER_SAMPLES"], FileAccess.kind(of: explicit) == .directory {
            return SampleLibrary(directory: explicit)
        }
        for candidate in executableCandidates() + [sourceTreeSamples()] where isSampleDirectory(candidate) {
            return SampleLibrary(directory: candidate)
        }
        return SampleLibrary(directory: nil)
    }

    /// Sample names: the folders of the samples directory.
    public var names: [String] {
        guard let directory, let entries = try? FileAccess.list(directory: directory) else { return [] }
        return entries.filter { FileAccess.kind(of: directory + "/" + $0) == .directory }
    }

    public func path(for name: String) -> String? {
        guard let directory else { return nil }
        let match = names.first { $0.lowercased() == name.lowercased() }
        return match.map { directory + "/" + $0 }
    }

    private static func isSampleDirectory(_ path: String) -> Bool {
        FileAccess.kind(of: path + "/" + defaultSample) == .directory
    }

    private static func executableCandidates() -> [String] {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return [] }
        var directory = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var candidates: [String] = []
        for _ in 0..<6 {
            guard let slash = directory.lastIndex(of: "/") else { break }
            directory = String(directory[..<slash])
            if directory.isEmpty { break }
            candidates.append(directory + "/samples")
            candidates.append(directory + "/share/dossier/samples")
        }
        return candidates
    }

    /// The repository's `samples` folder, from this file's compile-time path.
    private static func sourceTreeSamples() -> String {
        var path = #filePath  // .../Sources/DossierLoad/SampleLibrary.swift
        for _ in 0..<3 {
            guard let slash = path.lastIndex(of: "/") else { break }
            path = String(path[..<slash])
        }
        return path + "/samples"
    }
}
