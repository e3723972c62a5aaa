/// Reads lines with the C library: for input that is not a terminal, and as the fallback when
/// line editing is unavailable. No history.
public final class PlainLineReader: LineReader {
    let showsPrompt: Bool

    public init(showsPrompt: Bool) {
        self.showsPrompt = showsPrompt
    }

    public func readLine(prompt: String) -> LineInput {
        if showsPrompt {
            Descriptor.write(prompt, to: Descriptor.output)
        }
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    public func addHistory(_ statement: String) {}
}
