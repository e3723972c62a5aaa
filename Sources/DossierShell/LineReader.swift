
/// Reads lines from the user. The shell does not know whether libedit or plain reading is
/// behind it.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineInput
    /// Records an accepted statement (a multi-line statement is one entry).
    func addHistory(_ statement: String)
    /// The lines typed so far of a statement being continued (context for completion).
    func setPending(_ text: String)
}

extension LineReader {
    public func setPending(_ text: String) {}
}
