#if canImport(Glibc)
import Glibc
#endif

/// A shared library opened with dlopen when first needed, so that a process that never reads a
/// workbook or a database neither links nor loads the code for them (start-up stays as fast
/// as the plain binary). Handles are never closed: the functions stay valid for the process.
package struct SharedLibrary: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    /// The first of `candidates` that opens; nil and the loader's last message otherwise.
    package static func open(_ candidates: [String]) -> (library: SharedLibrary?, error: String) {
        var lastError = "not found"
        for candidate in candidates {
            if let handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL) {
                return (SharedLibrary(handle: handle), "")
            }
            if let message = dlerror() { lastError = String(cString: message) }
        }
        return (nil, lastError)
    }

    /// A C function of the library, as `type` (a `@convention(c)` function type).
    package func function<T>(_ name: String, as type: T.Type) -> T? {
        guard let symbol = dlsym(handle, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// The folder of the running program (`/proc/self/exe`), where libraries built with it are.
    package static var programFolder: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}
