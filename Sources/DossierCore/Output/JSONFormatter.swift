/// JSON (one array of objects) and JSON Lines (one object a line): lists as arrays, missing
/// as null, dates as "YYYY-MM-DD".
struct JSONFormatter {
    var linePerObject: Bool

    func render(_ relation: Relation, into output: inout String, cancellation: Cancellation? = nil) {
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
                output += JSONFormatter.encode(relation.value(row: position, column: column))
            }
            output += "}"
            if !linePerObject && position < relation.count - 1 { output += "," }
            output += "\n"
        }
        if !linePerObject { output += "]\n" }
    }

    static func encode(_ value: Value) -> String {
        switch value {
        case .missing: return "null"
        case .text(let text): return quote(text)
        case .integer(let number): return String(number)
        case .decimal(let number): return number.description
        case .float(let number): return number.isFinite ? NumberFormatting.float(number) : "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .date(let days): return quote(CivilDate.format(days))
        case .list(let items): return "[" + items.map(quote).joined(separator: ", ") + "]"
        }
    }

    static func quote(_ text: String) -> String {
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
