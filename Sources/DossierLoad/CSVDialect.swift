/// How a delimited text file is written: which byte separates fields, which quotes them,
/// whether `#` starts a comment line, and whether numbers are written with a decimal comma
/// (`1,5`), as spreadsheets in much of Europe export them (only where `,` does not separate
/// fields).
public struct CSVDialect: Equatable, Sendable {
    public var delimiter: UInt8
    public var quote: UInt8
    public var comments: Bool
    public var decimalComma: Bool

    public init(delimiter: UInt8, quote: UInt8 = UInt8(ascii: "\""), comments: Bool = false, decimalComma: Bool = false) {
        self.delimiter = delimiter
        self.quote = quote
        self.comments = comments
        self.decimalComma = decimalComma
    }

    /// The delimiter as people write it in `load … delimiter ";"`, and name it in messages.
    public static func name(of delimiter: UInt8) -> String {
        switch delimiter {
        case 0x09: return "tab"
        case UInt8(ascii: " "): return "space"
        default: return String(decoding: [delimiter], as: UTF8.self)
        }
    }
}

/// What `load` was told (`load f.csv delimiter ";" no header skip 2 encoding "latin1"`);
/// each option forces what would otherwise be guessed from the file.
public struct LoadOptions: Equatable, Sendable {
    public var delimiter: UInt8?
    public var quote: UInt8?
    /// false for `no header`.
    public var header: Bool?
    /// Lines to skip before the header.
    public var skip: Int?
    public var encoding: TextEncoding?
    /// The sheet of a workbook, or the table of a database, to load alone.
    public var part: String?

    public init(
        delimiter: UInt8? = nil, quote: UInt8? = nil, header: Bool? = nil, skip: Int? = nil, encoding: TextEncoding? = nil,
        part: String? = nil
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.header = header
        self.skip = skip
        self.encoding = encoding
        self.part = part
    }

    /// Whether any option applies only to delimited text.
    public var hasTextOptions: Bool { delimiter != nil || quote != nil || header != nil || skip != nil || encoding != nil }
}
