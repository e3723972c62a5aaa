import DossierSupport
import DossierDiagnostics
import DossierData

/// What a cell's style says about its number: Excel stores dates as day counts and only the
/// number format (`yyyy-mm-dd`, built-in format 14, …) says a cell is a date. Read from
/// `xl/styles.xml`: the number format of each cell format (`cellXfs`), by index.
package struct XLSXStyles {
    package enum NumberKind: Equatable {
        case number, date, dateTime, time
    }

    /// By the cell's `s` attribute.
    package var kinds: [NumberKind] = []

    package init() {}

    package init(_ bytes: [UInt8], path: String) throws(Diagnostic) {
        var formats: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellFormats = false
        try XLSXPart.tokens(of: bytes, part: "xl/styles.xml", path: path) { (token, scanner) throws(Diagnostic) in
            switch token {
            case .start(let selfClosing):
                if scanner.named("numFmt"), let id = scanner.attributeText("numFmtId").flatMap({ Int($0) }) {
                    formats[id] = scanner.attributeText("formatCode") ?? ""
                } else if scanner.named("cellXfs") {
                    inCellFormats = !selfClosing
                } else if inCellFormats, scanner.named("xf") {
                    formatIDs.append(scanner.attributeText("numFmtId").flatMap { Int($0) } ?? 0)
                }
            case .end:
                if scanner.named("cellXfs") { inCellFormats = false }
            case .text, .endOfInput:
                break
            }
        }
        kinds = formatIDs.map { id in formats[id].map(XLSXStyles.kind(ofFormat:)) ?? XLSXStyles.builtInKind(id) }
    }

    package func kind(ofStyle index: Int?) -> NumberKind {
        guard let index, index >= 0, index < kinds.count else { return .number }
        return kinds[index]
    }

    /// Excel's built-in formats that show dates or times (ECMA-376, 18.8.30; 27–36 and 50–58
    /// are the East Asian date formats).
    package static func builtInKind(_ id: Int) -> NumberKind {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 22: return .dateTime
        case 18...21, 32, 33, 45...47: return .time
        default: return .number
        }
    }

    /// A custom format code's kind: it shows a date when it has y, d or a month m, a time when
    /// it has h or s; quoted text, escaped characters and [colour] or [$currency] sections
    /// do not count ([h] and [mm] are elapsed times).
    package static func kind(ofFormat code: String) -> NumberKind {
        var letters: [Character] = []
        var quoted = false
        var escaped = false
        var bracket: [Character]?
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if var inside = bracket {
                if character == "]" {
                    if !inside.isEmpty, inside.allSatisfy({ "hms".contains($0) }) { letters.append(contentsOf: inside) }
                    bracket = nil
                } else {
                    inside.append(character)
                    bracket = inside
                }
                continue
            }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracket = []
            case "_", "*":
                // Padding: the next character is only a width.
                if !quoted { escaped = true }
            default:
                if !quoted { letters.append(character) }
            }
        }
        let time = letters.contains("h") || letters.contains("s")
        let date = letters.contains("y") || letters.contains("d") || (letters.contains("m") && !time)
        switch (date, time) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return .number
        }
    }
}

/// The workbook's shared strings (`xl/sharedStrings.xml`): cells of type `s` hold an index
/// into them. A string with rich text is the concatenation of its runs; phonetic guides
/// (`rPh`, for Japanese) are not part of the text.
package enum XLSXSharedStrings {
    package static func read(_ bytes: [UInt8], path: String) throws(Diagnostic) -> [String] {
        var strings: [String] = []
        var current: [UInt8] = []
        var inString = false
        var inText = false
        var phonetic = 0
        try XLSXPart.tokens(of: bytes, part: "xl/sharedStrings.xml", path: path) { (token, scanner) throws(Diagnostic) in
            switch token {
            case .start(let selfClosing):
                if scanner.named("si") {
                    current.removeAll(keepingCapacity: true)
                    inString = !selfClosing
                    if selfClosing { strings.append("") }
                } else if scanner.named("rPh") {
                    if !selfClosing { phonetic += 1 }
                } else if scanner.named("t") {
                    inText = !selfClosing
                }
            case .end:
                if scanner.named("si"), inString {
                    strings.append(String(decoding: current, as: UTF8.self))
                    inString = false
                } else if scanner.named("rPh") {
                    phonetic = max(0, phonetic - 1)
                } else if scanner.named("t") {
                    inText = false
                }
            case .text:
                if inString, inText, phonetic == 0 { scanner.appendText(to: &current) }
            case .endOfInput:
                break
            }
        }
        return strings
    }
}
