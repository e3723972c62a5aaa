import DossierSupport
import DossierDiagnostics
import DossierData

/// The parts of an .xlsx workbook that say what it holds: its sheets in order with the part
/// each is stored in (`xl/workbook.xml` and its relationships), and whether its dates count
/// from 1904 (old Mac workbooks) instead of 1900.
package struct XLSXWorkbook {
    package struct Sheet: Equatable {
        package var name: String
        /// The part holding its cells (`xl/worksheets/sheet1.xml`); nil for a chart sheet.
        package var part: String?
    }

    package var sheets: [Sheet] = []
    package var date1904 = false

    /// Reads the workbook from its parts; `part(name)` gives a part's bytes, nil when absent.
    package init(path: String, part: (String) throws(Diagnostic) -> [UInt8]?) throws(Diagnostic) {
        guard let workbook = try part("xl/workbook.xml") else { throw LoadMessages.notAWorkbook(path) }
        var targets: [String: String] = [:]
        if let relations = try part("xl/_rels/workbook.xml.rels") {
            try XLSXWorkbook.parse(relations, part: "xl/_rels/workbook.xml.rels", path: path) { scanner in
                guard scanner.named("Relationship"), let id = scanner.attributeText("Id"),
                    let target = scanner.attributeText("Target")
                else { return }
                let type = scanner.attributeText("Type") ?? ""
                targets[id] = type.hasSuffix("/worksheet") || type.isEmpty ? XLSXWorkbook.resolve(target) : ""
            }
        }
        var sheets: [Sheet] = []
        var date1904 = false
        try XLSXWorkbook.parse(workbook, part: "xl/workbook.xml", path: path) { scanner in
            if scanner.named("workbookPr"), let value = scanner.attributeText("date1904") {
                date1904 = value == "1" || value.lowercased() == "true"
            }
            guard scanner.named("sheet") else { return }
            let name = scanner.attributeText("name") ?? "Sheet\(sheets.count + 1)"
            let target = scanner.attributeText("id").flatMap { targets[$0] }
            sheets.append(Sheet(name: name, part: target.flatMap { $0.isEmpty ? nil : $0 }))
        }
        self.sheets = sheets
        self.date1904 = date1904
    }

    /// `worksheets/sheet1.xml` is relative to `xl/`; `/xl/worksheets/sheet1.xml` is absolute.
    package static func resolve(_ target: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    /// Calls `visit` at each start tag of a part.
    package static func parse(
        _ bytes: [UInt8], part: String, path: String, visit: (XMLScanner) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        try XLSXPart.tokens(of: bytes, part: part, path: path) { (token, scanner) throws(Diagnostic) in
            if case .start = token { try visit(scanner) }
        }
    }
}

/// The parts of a workbook are XML: each is read token by token, and a part that is not XML
/// is named in the error.
package enum XLSXPart {
    /// Calls `body` with each token of the part and the scanner positioned on it; the last
    /// call is `.endOfInput`.
    package static func tokens(
        of bytes: [UInt8], part: String, path: String, _ body: (XMLScanner.Token, inout XMLScanner) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) in
            var scanner = XMLScanner(buffer)
            while true {
                let token: XMLScanner.Token
                do throws(XMLScanner.Failure) {
                    token = try scanner.next()
                } catch {
                    throw LoadMessages.damagedPart(path, part: part, error)
                }
                try body(token, &scanner)
                if token == .endOfInput { return }
            }
        }
    }
}
