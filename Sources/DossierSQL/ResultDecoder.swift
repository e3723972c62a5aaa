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

    /// How many SQL columns a row has.
    public var sqlColumnCount: Int { outputs.count }

    public var rowCount: Int { values.first?.count ?? 0 }

    /// Adds one row; `cell` gives a SQL column's text, nil for NULL.
    public mutating func append(_ cell: (Int) -> String?) throws(Diagnostic) {
        for (index, output) in outputs.enumerated() {
            let name = fields.indices.contains(index) ? fields[index].name : "column \(index + 1)"
            switch output {
            case .value(let type):
                values[index].append(try ResultDecoder.value(cell(index), type: type, field: name))
            case .float:
                values[index].append(try ResultDecoder.double(cell(index), field: name))
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
            case .float: type = .decimal
            }
            let column = Column.buildWidening(type, values[index])
            if resultFields.indices.contains(index) { resultFields[index].type = column.type }
            columns.append(column)
        }
        return Relation(fields: resultFields, columns: columns, rows: .all(rowCount))
    }

    // MARK: - Cells

    public static func value(_ text: String?, type: ValueType, field: String) throws(Diagnostic) -> Value {
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
        if let exact = exactDecimal(text) {
            if exact.scale == 0, type == .integer { return .integer(exact.mantissa) }
            return .decimal(exact)
        }
        if let double = Double(text), double.isFinite { return .float(double) }
        throw SQLMessages.badCell(text, field: field, type: type)
    }

    /// `-123.4500` as an exact decimal when its digits fit dossier's (a 64-bit mantissa, at most
    /// 18 places): a product or a quotient may have 19 significant digits, which a file's
    /// number may not (`DecimalNumber.parse`); more is binary floating point, as in dossier.
    static func exactDecimal(_ text: String) -> DecimalNumber? {
        var mantissa: Int64 = 0
        var scale = 0
        var negative = false
        var afterPoint = false
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where digits == 0 && !negative && !afterPoint:
                negative = true
            case UInt8(ascii: ".") where !afterPoint:
                afterPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Accumulated negatively, so Int64.min fits too.
                let (shifted, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                let (added, overflow2) = shifted.subtractingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                if overflow || overflow2 { return nil }
                mantissa = added
                digits += 1
                if afterPoint { scale += 1 }
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if !negative {
            guard mantissa != .min else { return nil }
            mantissa = -mantissa
        }
        return DecimalNumber(mantissa: mantissa, scale: scale)
    }

    /// A `float8` as the `Double` it is (its text is the shortest that reads back exactly).
    public static func double(_ text: String?, field: String) throws(Diagnostic) -> Value {
        guard let text else { return .missing }
        guard let number = Double(text) else { throw SQLMessages.badCell(text, field: field, type: .decimal) }
        return number.isFinite ? .float(number) : .missing
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
