#if canImport(Glibc)
import Glibc
#endif

/// Paths with wildcards (`data/*.csv`, `2024-??.csv`, `[ab]*.json`), expanded by the C
/// library's glob(3) in sorted order. Only `load` expands them, and only when no file has the
/// name as written: a file really called `*.csv` is still loaded as itself.
public enum FileGlob {
    /// Whether `path` has a wildcard glob(3) would expand.
    public static func isPattern(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The regular files and folders matching `pattern`, sorted; empty when none do.
    public static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let path = result.gl_pathv[index] { paths.append(String(cString: path)) }
        }
        return paths
    }
}
