/// Sizes beyond which input is refused with an error, long before memory runs out (§7: no
/// unbounded memory growth from a small input, no OOM killer on a large one).
public enum DataLimits {
    /// Fields (columns) of a dataset.
    public static let maximumFields = 10_000
    /// Bytes of one value (a CSV cell, a JSON string).
    public static let maximumValueBytes = 16 << 20
    /// Bytes of statements read from a script or standard input.
    public static let maximumScriptBytes = 64 << 20
}
