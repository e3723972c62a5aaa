import DossierSupport
import DossierDiagnostics

/// How `<`, `<=`, `>`, `>=` and `between` order text (§4): alphabetically, ignoring accents and
/// case first (`Émile` < `F`), then by accents with case still ignored, so texts that `=`
/// calls equal (`Alpha`, `alpha`; `straße`, `STRASSE`) are never `<` one another. `sort by`
/// goes one level further (case, then input order): `TextCollation`.
public enum TextOrder {
    /// The two levels of a text: unaccented and case-folded, then case-folded.
    public struct Key: Sendable, Equatable {
        public let primary: [UInt8]
        public let folded: [UInt8]
    }

    public static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        let folded = TextFolding.fold(bytes)
        // ASCII folds to itself unaccented: one pass is enough.
        if UTF8Bytes.asciiPrefix(bytes) == bytes.count { return Key(primary: folded, folded: folded) }
        return Key(primary: Unaccent.fold(bytes), folded: folded)
    }

    public static func key(_ text: String) -> Key {
        UTF8Bytes.withBytes(text) { key($0) }
    }

    /// -1, 0 or 1.
    public static func compare(_ a: Key, _ b: Key) -> Int {
        let primary = TextFolding.compare(a.primary, b.primary)
        return primary != 0 ? primary : TextFolding.compare(a.folded, b.folded)
    }

    public static func compare(_ a: String, _ b: String) -> Int {
        compare(key(a), key(b))
    }

    /// The order `sort by` gives: alphabet, accents, case (`TextCollation`), then the bytes,
    /// so that only identical texts tie.
    public static func sortCompare(_ a: String, _ b: String) -> Int {
        let order = TextFolding.compare(TextCollation.sortKey(a), TextCollation.sortKey(b))
        if order != 0 { return order }
        return a == b ? 0 : (Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? -1 : 1)
    }
}
