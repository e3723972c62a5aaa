#if canImport(Glibc)
import Glibc
#endif

/// Writing to standard output and error through file descriptors: no shared C `FILE`
/// state, and results and messages reach the terminal in the order they were written.
public enum Descriptor {
    public static let output: Int32 = 1
    public static let error: Int32 = 2

    /// Writes all of `text`. A closed pipe (`dossier -c … | head -1`) ends the process
    /// quietly: nobody is reading any more.
    public static func write(_ text: String, to descriptor: Int32) {
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { exit(0) }
                    return
                }
                offset += written
            }
        }
    }
}
