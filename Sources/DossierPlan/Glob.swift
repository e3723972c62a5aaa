import DossierSupport
import DossierDiagnostics
import DossierData

/// Glob matching under case folding: `*` matches any run, `?` one character as people see it
/// (a grapheme: `é`, `ß`, `ﬁ`, a flag), so `like "?"` and `len` count alike, while the letters
/// between wildcards compare folded, as `=` does (`straße like "stras*"`).
package enum Glob {
    /// Whether `text` (raw UTF-8) matches `pattern` (already folded).
    package static func matches(text: UnsafeBufferPointer<UInt8>, pattern: [UInt8]) -> Bool {
        if text.allSatisfy({ $0 < 0x80 }) && pattern.allSatisfy({ $0 < 0x80 }) {
            // ASCII folds byte for byte, so every byte is a character and the classic glob does.
            return matchesBytes(TextFolding.fold(text), pattern)
        }
        // Otherwise the text is folded once, character by character.
        return FoldedText(text).matches(GlobToken.parse(pattern))
    }

    /// The classic two-pointer glob with one backtrack point: linear-ish, no recursion.
    private static func matchesBytes(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*")
        let one = UInt8(ascii: "?")
        var t = 0
        var p = 0
        var starP = -1
        var starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == one {
                t += 1
                p += 1
            } else if p < pattern.count, pattern[p] == star {
                starP = p
                starT = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                t += 1
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == star { p += 1 }
        return p == pattern.count
    }
}

/// A piece of a folded glob pattern.
enum GlobToken: Equatable {
    case anyRun
    case oneCharacter
    case literal([UInt8])

    static func parse(_ pattern: [UInt8]) -> [GlobToken] {
        var tokens: [GlobToken] = []
        var literal: [UInt8] = []
        for byte in pattern {
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") {
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
                tokens.append(byte == UInt8(ascii: "*") ? .anyRun : .oneCharacter)
            } else {
                literal.append(byte)
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }
}

/// Text folded character by character, knowing where each character's folded bytes begin:
/// `ß` folds to `ss`, two bytes that `?` must take together.
struct FoldedText {
    private var bytes: [UInt8] = []
    /// `next[p]`: where the character starting at byte p ends, or -1 when p starts none.
    private var next: [Int] = []

    init(_ text: UnsafeBufferPointer<UInt8>) {
        for character in String(decoding: text, as: UTF8.self) {
            let start = bytes.count
            bytes += TextFolding.fold(String(character))
            next += Array(repeating: -1, count: bytes.count - start)
            if bytes.count > start { next[start] = bytes.count }
        }
        next.append(-1)
    }

    /// A set-of-positions walk over the tokens: each step keeps every byte position the
    /// pattern so far can end at, so the work is bounded by tokens × positions, never
    /// exponential, whatever the pattern.
    func matches(_ tokens: [GlobToken]) -> Bool {
        var reachable = [Bool](repeating: false, count: bytes.count + 1)
        reachable[0] = true
        for token in tokens {
            var after = [Bool](repeating: false, count: bytes.count + 1)
            var any = false
            switch token {
            case .anyRun:
                // Any later position that starts a scalar (a lead byte), or the end.
                guard let first = reachable.firstIndex(of: true) else { return false }
                for position in first...bytes.count where position == bytes.count || bytes[position] & 0xC0 != 0x80 {
                    after[position] = true
                    any = true
                }
            case .oneCharacter:
                for position in 0..<bytes.count where reachable[position] && next[position] > 0 {
                    after[next[position]] = true
                    any = true
                }
            case .literal(let literal):
                for position in 0..<bytes.count where reachable[position] && position + literal.count <= bytes.count {
                    if bytes[position..<(position + literal.count)].elementsEqual(literal) {
                        after[position + literal.count] = true
                        any = true
                    }
                }
            }
            guard any else { return false }
            reachable = after
        }
        return reachable[bytes.count]
    }
}
