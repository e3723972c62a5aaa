import DossierSupport
import DossierDiagnostics

/// Lists of text: row `i` holds the codes `items[offsets[i]..<offsets[i+1]]`. An empty list is
/// missing.
public struct ListColumn: Sendable {
    public var offsets: [UInt32]
    public var items: [UInt32]
    public var dictionary: TextDictionary

    public func items(at row: Int) -> [String] {
        items[Int(offsets[row])..<Int(offsets[row + 1])].map { dictionary.string($0) }
    }

    package init(offsets: [UInt32], items: [UInt32], dictionary: TextDictionary) {
        self.offsets = offsets
        self.items = items
        self.dictionary = dictionary
    }
}
