import DossierSupport
import DossierDiagnostics
import DossierData

/// Glob matching of folded text: `*` matches any run, `?` one character as people see it (a
/// grapheme: `é`, `ß`, a flag), so `like "?"` and `len` count alike.
package enum Glob {
    package static func matches(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        if text.allSatisfy({ $0 < 0x80 }) && pattern.allSatisfy({ $0 < 0x80 }) {
            return matches(text, pattern, star: UInt8(ascii: "*"), one: UInt8(ascii: "?"))
        }
        return matches(Array(String(decoding: text, as: UTF8.self)), Array(String(decoding: pattern, as: UTF8.self)),
            star: "*", one: "?")
    }

    /// The classic two-pointer glob with one backtrack point: linear-ish, no recursion.
    private static func matches<Unit: Equatable>(_ text: [Unit], _ pattern: [Unit], star: Unit, one: Unit) -> Bool {
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
