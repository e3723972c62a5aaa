import DossierSupport
import DossierData

/// CSV (RFC 4180) and TSV: a header row, lists joined with `; `, missing empty.
package struct DelimitedFormatter {
    package var separator: Character
    /// Write `people:int`-style headers, so the file loads back with the same types.
    package var typedHeaders = false

    package func render(_ relation: Relation, into output: inout String, cancellation: Cancellation? = nil) {
        let headers = relation.fields.enumerated().map { index, field -> String in
            guard typedHeaders, field.type != .text || readsBackAsOtherType(relation, column: index) else {
                return field.displayName
            }
            return "\(field.displayName):\(field.type.headerName)"
        }
        output += headers.map(escape).joined(separator: String(separator)) + "\n"
        for position in 0..<relation.count {
            // A long result stops on Ctrl-C; the caller drops what was made.
            if position & 0xFFF == 0xFFF, cancellation?.isCancelled == true { return }
            var first = true
            for column in relation.fields.indices {
                if !first { output.append(separator) }
                first = false
                let text = relation.text(row: position, column: column, listSeparator: "; ", periods: !typedHeaders)
                // A row of one empty cell would be a blank line, which readers skip: `""` keeps it.
                output += text.isEmpty && relation.fields.count == 1 ? "\"\"" : escape(text)
            }
            output += "\n"
        }
    }

    /// A text field whose values would be inferred as numbers, bools or dates on loading
    /// needs its `:text` type written out.
    private func readsBackAsOtherType(_ relation: Relation, column: Int) -> Bool {
        for position in 0..<relation.count {
            guard case .text(let text) = relation.value(row: position, column: column) else { continue }
            var copy = text
            let inferred = copy.withUTF8 { bytes in
                ValueParsing.integer(bytes) != nil || ValueParsing.decimal(bytes) != nil
                    || ValueParsing.bool(bytes) != nil || CivilDate.parse(bytes) != nil
            }
            if inferred { return true }
        }
        return false
    }

    /// RFC 4180 quoting, for tabs as for commas (as spreadsheets write TSV): a value with the
    /// separator, a quote or a line break is quoted, so every file reads back as written.
    package func escape(_ text: String) -> String {
        let separatorByte = separator.asciiValue ?? 0x2C
        let needsQuotes = text.utf8.contains { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    package init(separator: Character, typedHeaders: Bool = false) {
        self.separator = separator
        self.typedHeaders = typedHeaders
    }
}
