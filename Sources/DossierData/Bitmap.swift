import DossierSupport
import DossierDiagnostics

/// A fixed-size set of row indices, one bit a row: which values of a column are missing.
public struct Bitmap: Sendable, Equatable {
    public private(set) var words: [UInt64]
    public let count: Int

    public init(count: Int) {
        self.count = count
        self.words = [UInt64](repeating: 0, count: (count + 63) >> 6)
    }

    /// A bitmap over `count` rows from its words (extra words dropped, missing ones zero).
    public init(words: [UInt64], count: Int) {
        self.count = count
        let needed = (count + 63) >> 6
        var words = Array(words.prefix(needed))
        while words.count < needed { words.append(0) }
        if count & 63 != 0, !words.isEmpty {
            words[words.count - 1] &= (1 << UInt64(count & 63)) - 1
        }
        self.words = words
    }

    @inline(__always)
    public subscript(index: Int) -> Bool {
        get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
        set {
            if newValue {
                words[index >> 6] |= 1 << UInt64(index & 63)
            } else {
                words[index >> 6] &= ~(1 << UInt64(index & 63))
            }
        }
    }

    /// How many bits are set.
    public var setCount: Int {
        words.reduce(0) { $0 + $1.nonzeroBitCount }
    }
}
