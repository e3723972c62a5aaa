import DossierSupport
import DossierDiagnostics
import DossierData

/// The keys that let a server compare text as dossier does with plain bytewise comparisons:
/// computed here, by dossier's own folding and collation code, for constants in a query and
/// for every value of a table dossier uploads. No function of dossier's is needed on the server.
public enum TextKeys {
    /// What `=`, `in`, `contains` and `like` compare: the text fully case-folded.
    public static func folded(_ text: String) -> [UInt8] {
        TextFolding.fold(text)
    }

    /// What `<`, `<=`, `>`, `>=` and `between` compare (`TextOrder`): the unaccented folded
    /// text, a 0 byte, then the folded text. Text holds no 0 byte, so comparing these bytewise
    /// compares the two levels in turn.
    public static func order(_ text: String) -> [UInt8] {
        let key = TextOrder.key(text)
        var bytes = key.primary
        bytes.reserveCapacity(key.primary.count + 1 + key.folded.count)
        bytes.append(0)
        bytes.append(contentsOf: key.folded)
        return bytes
    }

    /// What `sort by` orders by before the text itself (`TextCollation`).
    public static func sort(_ text: String) -> [UInt8] {
        TextCollation.sortKey(text)
    }
}
