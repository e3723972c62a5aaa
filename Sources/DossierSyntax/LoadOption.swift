import DossierSupport
import DossierDiagnostics

/// One option of `load` (`delimiter ";"`, `no header`, `skip 3`, `encoding latin1`,
/// `sheet "Costs"`), as written: the session checks the value, pointing at it when it is wrong.
public struct LoadOption: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case delimiter, quote, header, noHeader = "no header", skip, encoding, sheet, table
    }

    public var kind: Kind
    /// The value as written, unquoted (nil for `header` and `no header`).
    public var value: String?
    /// The option word through its value.
    public var range: Range<Int>
    public var valueRange: Range<Int>

    /// Options that take a value.
    public static let valued: [Kind] = [.delimiter, .quote, .skip, .encoding, .sheet, .table]
    /// The words that start an option, for completion, hints and `help load`.
    public static let words = ["delimiter", "quote", "header", "no", "skip", "encoding", "sheet", "table"]
}
