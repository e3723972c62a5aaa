#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// Writing to standard output and error through file descriptors: no shared C `FILE`
/// state, and results and messages reach the terminal in the order they were written.
public enum Descriptor {
    public static let output: Int32 = 1
    public static let error: Int32 = 2

    /// Writes all of `text`. A closed pipe (`dossier -c … | head -1`) ends the process
    /// quietly and at once (`_exit`: nothing is left to flush, nobody is reading any more).
    public static func write(_ text: String, to descriptor: Int32) {
        var copy = text
        let failure = copy.withUTF8 { FileAccess.writeAll(descriptor, $0) }
        if failure == EPIPE { _exit(0) }
    }
}
