import DossierSupport
import DossierDiagnostics

/// Names of fields and datasets are case-insensitive, and `café` typed either way is one name.
public enum FieldName {
    /// The lookup key of a name: NFC, lower-cased.
    public static func key(_ name: String) -> String { TextFolding.nfc(name).lowercased() }
}
