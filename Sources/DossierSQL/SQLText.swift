import DossierSupport
import DossierDiagnostics
import DossierData

/// Literals and names as PostgreSQL reads them (with standard_conforming_strings on, which
/// the client sets): nothing from a query or a dataset reaches SQL any other way.
public enum SQLText {
    /// `"name"`, with inner quotes doubled: any name is safe, none is a keyword.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `'text'`, with inner quotes doubled. PostgreSQL text cannot hold NUL; dossier's text
    /// never does (the loader refuses it).
    public static func string(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "''") + "'"
    }

    /// Folded or key bytes as text (they are UTF-8: folding keeps text valid).
    public static func string(bytes: [UInt8]) -> String {
        string(String(decoding: bytes, as: UTF8.self))
    }

    /// `'\x0a1b…'::bytea`: a collation key, compared bytewise on the server.
    public static func bytea(_ bytes: [UInt8]) -> String {
        "'\\x" + hex(bytes) + "'::bytea"
    }

    /// The bytes as bytea's input text, `\\x0a1b` (COPY's own escaping comes after).
    public static func byteaText(_ bytes: [UInt8]) -> String {
        "\\x" + hex(bytes)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0xF)])
        }
        return text
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")

    /// A value as a typed SQL literal; nil for lists (never a constant in a plan).
    public static func literal(_ value: Value) -> String? {
        switch value {
        case .missing: return "NULL"
        case .text(let text): return string(text)
        case .integer(let number): return "CAST(\(number) AS bigint)"
        case .decimal(let number): return "CAST('\(number.description)' AS numeric)"
        case .float(let number):
            guard number.isFinite else { return nil }
            return "CAST('\(number.description)' AS numeric)"
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .date(let days): return "DATE '\(CivilDate.format(days))'"
        case .datetime(let microseconds): return "TIMESTAMP '\(DatetimeText.format(microseconds))'"
        case .list: return nil
        }
    }

    /// A `text[]` literal of items: `ARRAY['a','b']::text[]`.
    public static func textArray(_ items: [String]) -> String {
        "ARRAY[" + items.map(string).joined(separator: ",") + "]::text[]"
    }

    /// The SQL type a dossier type is stored as.
    public static func columnType(_ type: ValueType) -> String {
        switch type {
        case .text: return "text COLLATE \"C\""
        case .integer: return "bigint"
        case .decimal: return "numeric"
        case .bool: return "boolean"
        case .date: return "date"
        case .datetime: return "timestamp"
        case .list: return "text[] COLLATE \"C\""
        }
    }
}
