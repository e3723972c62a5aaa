import DossierSupport
import DossierDiagnostics
import DossierData

/// Reads a compiled query's rows (PostgreSQL's text format) back into dossier's typed columns,
/// so what follows (output, a remainder of steps, `save`) cannot tell where they came from.
public struct ResultDecoder {
    public let outputs: [OutputColumn]
    public let fields: [Field]
    private var values: [[Value]]

    public init(outputs: [OutputColumn], fields: [Field]) {
        self.outputs = outputs
        self.fields = fields
        self.values = Array(repeating: [], count: outputs.count)
    }

    /// How many SQL columns a row has (an average has two).
    public var sqlColumnCount: Int {
        outputs.reduce(0) { $0 + ($1 == .average ? 2 : 1) }
    }

    public var rowCount: Int { values.first?.count ?? 0 }

    /// Adds one row; `cell` gives a SQL column's text, nil for NULL.
    public mutating func append(_ cell: (Int) -> String?) throws(Diagnostic) {
        var column = 0
        for (index, output) in outputs.enumerated() {
            let name = fields.indices.contains(index) ? fields[index].name : "column \(index + 1)"
            switch output {
            case .value(let type):
                values[index].append(try ResultDecoder.value(cell(column), type: type, field: name))
                column += 1
            case .average:
                values[index].append(try ResultDecoder.average(sum: cell(column), count: cell(column + 1), field: name))
                column += 2
            }
        }
    }

    /// The rows as a relation of typed columns.
    public func relation() -> Relation {
        var resultFields = fields
        var columns: [Column] = []
        for (index, output) in outputs.enumerated() {
            let type: ValueType
            switch output {
            case .value(let declared): type = declared
            case .average: type = .decimal
            }
            let column = Column.buildWidening(type, values[index])
            if resultFields.indices.contains(index) { resultFields[index].type = column.type }
            columns.append(column)
        }
        return Relation(fields: resultFields, columns: columns, rows: .all(rowCount))
    }

    // MARK: - Cells

    static func value(_ text: String?, type: ValueType, field: String) throws(Diagnostic) -> Value {
        guard let text else { return .missing }
        switch type {
        case .text:
            return text.isEmpty ? .missing : .text(text)
        case .integer:
            if let integer = Int64(text) { return .integer(integer) }
            // Sums and products are numeric on the server: a whole one too big for 64 bits
            // widens as dossier's own arithmetic does.
            return try number(text, field: field, type: type)
        case .decimal:
            return try number(text, field: field, type: type)
        case .bool:
            switch text {
            case "t", "true": return .bool(true)
            case "f", "false": return .bool(false)
            default: throw SQLMessages.badCell(text, field: field, type: type)
            }
        case .date:
            guard let days = CivilDate.parse(text) else { throw SQLMessages.badCell(text, field: field, type: type) }
            return .date(days)
        case .datetime:
            guard let microseconds = DatetimeText.parse(text) else { throw SQLMessages.badCell(text, field: field, type: type) }
            return .datetime(microseconds)
        case .list:
            let items = ArrayLiteral.items(text).compactMap { $0 }.filter { !$0.isEmpty }
            return items.isEmpty ? .missing : .list(items)
        }
    }

    private static func number(_ text: String, field: String, type: ValueType) throws(Diagnostic) -> Value {
        if text == "NaN" { return .missing }
        if let exact = DecimalNumber.parse(text) {
            if exact.scale == 0, type == .integer { return .integer(exact.mantissa) }
            return .decimal(exact)
        }
        if let double = Double(text), double.isFinite { return .float(double) }
        throw SQLMessages.badCell(text, field: field, type: type)
    }

    /// dossier's mean from the server's exact sum and count: 18 significant digits, half even.
    static func average(sum: String?, count: String?, field: String) throws(Diagnostic) -> Value {
        guard let sum, let countText = count, let count = Int64(countText), count > 0 else { return .missing }
        if let (mantissa, scale) = exactMantissa(sum), let mean = DecimalNumber.average(sum: mantissa, scale: scale, count: count) {
            return .decimal(mean)
        }
        guard let total = Double(sum) else { throw SQLMessages.badCell(sum, field: field, type: .decimal) }
        let mean = total / Double(count)
        return mean.isFinite ? .float(mean) : .missing
    }

    /// `-123.4500` as (-1234500, 4), when it fits 128 bits.
    static func exactMantissa(_ text: String) -> (Int128, Int)? {
        var mantissa: Int128 = 0
        var scale = 0
        var negative = false
        var afterPoint = false
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where digits == 0 && !negative: negative = true
            case UInt8(ascii: "."): 
                if afterPoint { return nil }
                afterPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (shifted, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                let (added, overflow2) = shifted.addingReportingOverflow(Int128(byte - UInt8(ascii: "0")))
                if overflow || overflow2 { return nil }
                mantissa = added
                digits += 1
                if afterPoint { scale += 1 }
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        return (negative ? -mantissa : mantissa, scale)
    }
}

/// PostgreSQL's text form of an array: `{a,"b c",NULL,"say \"hi\""}`.
public enum ArrayLiteral {
    /// The items, nil for NULL. Malformed input gives what could be read, never a trap.
    public static func items(_ text: String) -> [String?] {
        var items: [String?] = []
        var bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return [text] }
        bytes = Array(bytes.dropFirst().dropLast())
        guard !bytes.isEmpty else { return [] }
        var index = 0
        while index <= bytes.count {
            var item: [UInt8] = []
            var quoted = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                quoted = true
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    item.append(bytes[index])
                    index += 1
                }
                index += 1
            } else {
                while index < bytes.count, bytes[index] != UInt8(ascii: ",") {
                    item.append(bytes[index])
                    index += 1
                }
            }
            let text = String(decoding: item, as: UTF8.self)
            items.append(!quoted && text == "NULL" ? nil : text)
            index += 1
        }
        return items
    }

    /// Items as an array literal, every item quoted: `{"a","b \"c\""}` (COPY's own escaping
    /// is applied to the whole cell after this).
    public static func literal(_ items: [String]) -> String {
        "{" + items.map { item in
            "\"" + item.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }
}
