import DossierSupport
import DossierDiagnostics

/// Dictionary-coded text: a code a row, 0 for missing.
public struct TextColumn: Sendable {
    public var codes: [UInt32]
    public var dictionary: TextDictionary

    package init(codes: [UInt32], dictionary: TextDictionary) {
        self.codes = codes
        self.dictionary = dictionary
    }
}
