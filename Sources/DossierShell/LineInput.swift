/// What reading a line gave.
public enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-C at the prompt: clear what was typed.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}
