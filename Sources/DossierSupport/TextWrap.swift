/// Wraps text at word boundaries to a width in terminal cells, for the prose a person reads
/// in a terminal (`cite`'s quotes, `explain`'s sentences, long cells of `set format record`).
/// Widths are display cells, so wide characters and emoji wrap where they would end a line.
public enum TextWrap {
    /// The lines of `text`, none wider than `width` cells: breaks at spaces, and cuts a word
    /// only when it alone is wider than a line. Line breaks in `text` are kept. A width below
    /// one cell is taken as one, so every call gives at least one line and always ends.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrapParagraph(paragraph, width: width)
        }
        return result
    }

    /// `text` wrapped to `width`, the first line after `firstPrefix` and the others after
    /// `prefix` (a hanging indent): `  “quote …` then `   … more`.
    public static func indented(_ text: String, width: Int, firstPrefix: String, prefix: String) -> String {
        let room = width - max(DisplayWidth.of(firstPrefix), DisplayWidth.of(prefix))
        let wrapped = lines(text, width: room)
        return wrapped.enumerated().map { index, line in
            (index == 0 ? firstPrefix : prefix) + line
        }.joined(separator: "\n")
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = DisplayWidth.of(word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // A word wider than a line (a URL, a long name) is cut where the line ends.
            while wordWidth > width {
                let (head, tail) = split(word, at: width)
                lines.append(head)
                word = tail
                wordWidth = DisplayWidth.of(word)
            }
            line = word
            lineWidth = wordWidth
        }
        lines.append(line)
        return lines
    }

    /// The longest head of `word` that fits in `width` cells (at least one character, so the
    /// caller's loop always advances), and the rest.
    private static func split(_ word: String, at width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let cells = DisplayWidth.of(word[index])
            if used + cells > width, !head.isEmpty { break }
            head.append(word[index])
            used += cells
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}
