import DossierSupport
import DossierData

/// JSON (one array of objects) and JSON Lines (one object a line): lists as arrays, missing
/// as null, dates as "YYYY-MM-DD".
package struct JSONFormatter {
    package var linePerObject: Bool

    package func render(_ relation: Relation, into output: inout String, cancellation: Cancellation? = nil) {
        let keys = relation.fields.map { JSONFormatter.quote($0.displayName) + ": " }
        if !linePerObject { output += relation.count == 0 ? "[" : "[\n" }
        for position in 0..<relation.count {
            // A long result stops on Ctrl-C; the caller drops what was made.
            if position & 0xFFF == 0xFFF, cancellation?.isCancelled == true { return }
            if !linePerObject { output += "  " }
            output += "{"
            for column in keys.indices {
                if column > 0 { output += ", " }
                output += keys[column]
                let row = relation.rows[position]
                if let written = relation.columns[column].writtenText(at: row), JSONFormatter.isJSONNumber(written) {
                    output += written
                } else {
                    output += JSONFormatter.encode(relation.value(row: position, column: column))
                }
            }
            output += "}"
            if !linePerObject && position < relation.count - 1 { output += "," }
            output += "\n"
        }
        if !linePerObject { output += "]\n" }
    }

    package static func encode(_ value: Value) -> String {
        switch value {
        case .missing: return "null"
        case .text(let text): return quote(text)
        case .integer(let number): return String(number)
        case .decimal(let number): return number.description
        case .float(let number): return number.isFinite ? NumberFormatting.float(number) : "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .date(let days): return quote(CivilDate.format(days))
        case .datetime(let microseconds): return quote(DatetimeText.format(microseconds))
        case .list(let items): return "[" + items.map(quote).joined(separator: ", ") + "]"
        }
    }

    /// Whether a number as a file wrote it is also a JSON number (no `+`, no leading zeros),
    /// so it can be written as is.
    package static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, first &- 0x30 < 10 else { return false }
        if first == UInt8(ascii: "0"), bytes.count > 1, bytes.dropFirst().first.map({ $0 &- 0x30 < 10 }) == true { return false }
        return bytes.allSatisfy { $0 &- 0x30 < 10 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
    }

    package static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
