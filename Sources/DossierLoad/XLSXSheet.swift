import DossierSupport
import DossierDiagnostics
import DossierData

/// The cells of one worksheet part (`xl/worksheets/sheetN.xml`), as text, row by row: only the
/// rows that hold something, each with its number and its cells by column. This is where a
/// cell's type is read: shared and inline strings, numbers as written, booleans, dates from
/// day counts in date-formatted cells, formula cells by their cached value, error values
/// (`#DIV/0!`) as missing.
package struct XLSXSheet {
    package struct Row {
        /// As Excel numbers it, from 1.
        package var number: Int
        package var cells: [(column: Int, text: String)]
    }

    package var rows: [Row] = []
    /// Cells holding an error value (`#N/A`, `#DIV/0!`): read as missing, with one warning.
    package var errorCells = 0
    package var firstError: (reference: String, value: String)?

    /// Excel's limits: 16,384 columns, 1,048,576 rows.
    package static let maximumColumns = 16_384
    package static let maximumRows = 1_048_576

    package struct Context {
        package var path: String
        package var part: String
        package var sharedStrings: [String]
        package var styles: XLSXStyles
        package var date1904: Bool
        package var monitor: LoadMonitor
    }

    package init(_ bytes: [UInt8], context: Context) throws(Diagnostic) {
        var reader = CellReader(context: context)
        var sheet = XLSXSheet()
        var tokens = 0
        try XLSXPart.tokens(of: bytes, part: context.part, path: context.path) { (token, scanner) throws(Diagnostic) in
            try reader.take(token, scanner, into: &sheet)
            tokens += 1
            if tokens & 0xFFFF == 0 { try context.monitor.checkpoint(scanner.offset, of: bytes.count, path: context.path) }
        }
        self = sheet
    }

    private init() {}

    /// "B12" → (column 1, row 12).
    package static func parseReference(_ text: [UInt8]) -> (column: Int, row: Int?)? {
        var column = 0
        var index = 0
        while index < text.count {
            let letter = text[index] | 0x20
            guard letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(letter - UInt8(ascii: "a")) + 1
            if column > maximumColumns { return nil }
            index += 1
        }
        guard column > 0 else { return nil }
        var row = 0
        var digits = 0
        while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
            row = row * 10 + Int(text[index] - UInt8(ascii: "0"))
            digits += 1
            if row > maximumRows { return nil }
            index += 1
        }
        guard index == text.count else { return nil }
        return (column - 1, digits > 0 ? row : nil)
    }

    /// Column 0 → "A", 27 → "AB".
    package static func columnName(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }
}

/// The state of reading one sheet: which row and cell we are in, and what the cell holds so far.
private struct CellReader {
    let context: XLSXSheet.Context
    var rowNumber = 0
    var cells: [(column: Int, text: String)] = []
    var inRow = false
    // The current cell.
    var inCell = false
    var column = -1
    var type: [UInt8] = []
    var style: Int?
    var value: [UInt8] = []
    var inValue = false
    var inline: [UInt8] = []
    var inInlineText = false
    var phonetic = 0

    init(context: XLSXSheet.Context) {
        self.context = context
    }

    mutating func take(_ token: XMLScanner.Token, _ scanner: XMLScanner, into sheet: inout XLSXSheet) throws(Diagnostic) {
        switch token {
        case .start(let selfClosing):
            if scanner.named("row") {
                // A row inside an unclosed cell or row (not written by spreadsheet programs)
                // ends them, as their closing tags would have.
                try endCell(into: &sheet)
                endRow(into: &sheet)
                let number = scanner.attribute("r").flatMap { Int(String(decoding: $0, as: UTF8.self)) }
                rowNumber = number.map { min(max($0, rowNumber + 1), XLSXSheet.maximumRows + 1) } ?? rowNumber + 1
                cells.removeAll(keepingCapacity: true)
                column = -1
                inRow = !selfClosing
            } else if scanner.named("c") {
                try startCell(scanner)
                if selfClosing { try endCell(into: &sheet) }
            } else if inCell, scanner.named("v") {
                inValue = !selfClosing
            } else if inCell, scanner.named("t") {
                inInlineText = !selfClosing
            } else if inCell, scanner.named("rPh") {
                if !selfClosing { phonetic += 1 }
            }
        case .end:
            if scanner.named("c") {
                try endCell(into: &sheet)
            } else if scanner.named("v") {
                inValue = false
            } else if scanner.named("t") {
                inInlineText = false
            } else if scanner.named("rPh") {
                phonetic = max(0, phonetic - 1)
            } else if scanner.named("row") {
                endRow(into: &sheet)
            } else if scanner.named("sheetData") {
                endRow(into: &sheet)
            }
        case .text:
            if inValue {
                scanner.appendText(to: &value)
            } else if inInlineText, phonetic == 0 {
                scanner.appendText(to: &inline)
            }
        case .endOfInput:
            return
        }
    }

    private mutating func startCell(_ scanner: XMLScanner) throws(Diagnostic) {
        if !inRow {
            // A cell outside any row (not written by spreadsheet programs): a row of its own.
            rowNumber += 1
            cells.removeAll(keepingCapacity: true)
            column = -1
            inRow = true
        }
        if let reference = scanner.attribute("r") {
            guard let parsed = XLSXSheet.parseReference(reference) else {
                throw LoadMessages.badCellReference(context.path, part: context.part, String(decoding: reference, as: UTF8.self))
            }
            column = parsed.column
            if let row = parsed.row, row > rowNumber, cells.isEmpty { rowNumber = row }
        } else {
            column += 1
        }
        guard column < XLSXSheet.maximumColumns else {
            throw LoadMessages.badCellReference(context.path, part: context.part, XLSXSheet.columnName(column))
        }
        type = scanner.attribute("t") ?? []
        style = scanner.attribute("s").flatMap { Int(String(decoding: $0, as: UTF8.self)) }
        value.removeAll(keepingCapacity: true)
        inline.removeAll(keepingCapacity: true)
        inCell = true
        inValue = false
        inInlineText = false
        phonetic = 0
    }

    private mutating func endCell(into sheet: inout XLSXSheet) throws(Diagnostic) {
        guard inCell else { return }
        inCell = false
        guard column >= 0 else { return }
        let text: String
        switch type {
        case Array("s".utf8):
            guard !value.isEmpty else { return }
            guard let index = Int(String(decoding: value, as: UTF8.self)), index >= 0, index < context.sharedStrings.count else {
                throw LoadMessages.badSharedString(context.path, part: context.part, reference: reference,
                    index: String(decoding: value, as: UTF8.self), count: context.sharedStrings.count)
            }
            text = context.sharedStrings[index]
        case Array("inlineStr".utf8):
            text = String(decoding: inline.isEmpty ? value : inline, as: UTF8.self)
        case Array("str".utf8):
            text = String(decoding: value, as: UTF8.self)
        case Array("b".utf8):
            guard !value.isEmpty else { return }
            text = value == Array("0".utf8) ? "false" : "true"
        case Array("e".utf8):
            sheet.errorCells += 1
            if sheet.firstError == nil { sheet.firstError = (reference, String(decoding: value, as: UTF8.self)) }
            return
        case Array("d".utf8):
            text = XLSXDates.isoText(String(decoding: value, as: UTF8.self))
        default:
            let number = String(decoding: value, as: UTF8.self)
            let kind = context.styles.kind(ofStyle: style)
            text = kind == .number ? number : XLSXDates.text(serial: number, kind: kind, date1904: context.date1904) ?? number
        }
        guard !text.isEmpty else { return }
        cells.append((column, text))
    }

    private var reference: String {
        XLSXSheet.columnName(max(0, column)) + String(rowNumber)
    }

    private mutating func endRow(into sheet: inout XLSXSheet) {
        if inRow, !cells.isEmpty {
            sheet.rows.append(XLSXSheet.Row(number: rowNumber, cells: cells))
        }
        cells.removeAll(keepingCapacity: true)
        inRow = false
    }
}

/// Excel's day counts as dates: day 1 is 1900-01-01, and day 60 is the 29 February 1900 that
/// Lotus 1-2-3 believed in and Excel kept, so from day 61 on the count is off by one; 1904
/// workbooks count from 1904-01-01.
package enum XLSXDates {
    package static func text(serial: String, kind: XLSXStyles.NumberKind, date1904: Bool) -> String? {
        guard let number = Double(serial), number.isFinite, number >= 0, number < 2_958_466 else { return nil }
        var day = Int(number.rounded(.down))
        var seconds = Int(((number - Double(day)) * 86_400).rounded())
        if seconds >= 86_400 {
            day += 1
            seconds -= 86_400
        }
        let base: Int32
        if date1904 {
            base = CivilDate.days(year: 1904, month: 1, day: 1) ?? 0
        } else {
            base = (CivilDate.days(year: 1899, month: 12, day: 31) ?? 0) - (day >= 61 ? 1 : 0)
        }
        let date = CivilDate.format(base + Int32(day))
        let time = pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
        switch kind {
        case .date: return date
        case .dateTime: return date + " " + time
        case .time: return day == 0 ? time : date + " " + time
        case .number: return nil
        }
    }

    /// A cell of type `d` holds ISO 8601 text: its date when the time is midnight.
    package static func isoText(_ text: String) -> String {
        for suffix in ["T00:00:00", "T00:00:00Z", "T00:00:00.000", "T00:00:00.000Z"] where text.hasSuffix(suffix) {
            return String(text.dropLast(suffix.count))
        }
        return String(text.map { $0 == "T" ? " " : $0 })
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
