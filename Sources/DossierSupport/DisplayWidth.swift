/// How many terminal cells text takes: East Asian wide characters and emoji (flags, faces)
/// take two, combining marks none. Carets under errors and table columns both depend on it.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var total = 0
        var allASCII = true
        for byte in text.utf8 where byte >= 0x80 {
            allASCII = false
            break
        }
        if allASCII { return text.utf8.count }
        for character in text { total += of(character) }
        return total
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) { return 0 }
        if first.value < 0x300 { return 1 }
        // An emoji presentation selector makes the whole cluster wide (❤️, ☺️).
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        let properties = first.properties
        if properties.isEmojiPresentation { return 2 }
        if isWide(first.value) { return 2 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            return 1
        }
    }

    /// East Asian Wide and Fullwidth blocks.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` cells, with `…` when it was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let cells = of(character)
            if used + cells > width - 1 { break }
            result.append(character)
            used += cells
        }
        return result + "…"
    }
}
