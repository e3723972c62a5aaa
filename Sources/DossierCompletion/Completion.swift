import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput
import DossierSession

/// What Tab offers at a cursor: the byte range of the text to replace and the candidates.
public struct Completion: Sendable, Equatable {
    public struct Candidate: Sendable, Equatable {
        /// What replaces the partial word (quoted or backticked when it needs to be).
        public var insert: String
        /// What the list shows: `rights (2)` for a value with its count.
        public var display: String
        /// Whether a space should follow when this is the only candidate.
        public var appendsSpace: Bool

        public init(insert: String, display: String? = nil, appendsSpace: Bool = true) {
            self.insert = insert
            self.display = display ?? insert
            self.appendsSpace = appendsSpace
        }
    }

    /// Byte range of the line being completed that the chosen candidate replaces.
    public var replace: Range<Int>
    public var candidates: [Candidate]
    /// Ctrl-C stopped the completion: the shell clears the line, as Ctrl-C does at the prompt.
    public var wasInterrupted: Bool

    public init(replace: Range<Int>, candidates: [Candidate], wasInterrupted: Bool = false) {
        self.replace = replace
        self.candidates = candidates
        self.wasInterrupted = wasInterrupted
    }

    /// The longest text every candidate starts with (case-insensitively, taking the first
    /// candidate's spelling), for inserting when there is more than one.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map({ Array($0.insert) }) else { return "" }
        for candidate in candidates.dropFirst() {
            let other = Array(candidate.insert)
            var length = 0
            while length < prefix.count, length < other.count,
                String(prefix[length]).lowercased() == String(other[length]).lowercased()
            {
                length += 1
            }
            prefix = Array(prefix[0..<length])
        }
        return String(prefix)
    }
}
