#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierSupport
import DossierDiagnostics

/// The bytes a match can start with: the prefilter that lets the matcher skip
/// text where no match can begin instead of stepping the VM over it.
///
/// Invariant (kept by `insert`): the set holds either no continuation byte
/// (0x80...0xBF) or all of 0x80...0xFF. So a position found by scanning
/// forward from a scalar boundary is itself a scalar boundary: either its
/// byte is not a continuation byte, or every byte skipped was ASCII.
package struct RegexByteSet: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private(set) var count = 0
    /// The byte added last: while `count == 1`, the only member.
    private var lastAdded: UInt8 = 0

    package static func == (a: RegexByteSet, b: RegexByteSet) -> Bool { a.words == b.words }

    package func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    package mutating func insert(_ byte: UInt8) {
        if byte >= 0x80 && byte < 0xC0 {
            insertAllNonASCII()
        } else {
            add(byte)
        }
    }

    /// Every byte from 0x80 up: what any non-ASCII scalar, or a bad byte read as U+FFFD, can start with.
    package mutating func insertAllNonASCII() {
        for byte in UInt8(0x80)...UInt8(0xFF) { add(byte) }
    }

    private mutating func add(_ byte: UInt8) {
        guard !contains(byte) else { return }
        count += 1
        lastAdded = byte
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// The first position at or after `start` whose byte is in the set, or nil.
    package func firstPosition(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < text.count, let base = text.baseAddress else { return nil }
        if count == 1 {
            // One possible first byte (a literal start): the C library's vectorised scan.
            // Safe: start < text.count was checked, so memchr scans base + start ..< base + text.count, and
            // the hit it returns lies in the same buffer.
            guard let hit = memchr(base + start, Int32(lastAdded), text.count - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        var i = start
        while i < text.count {
            if contains(text[i]) { return i }
            i += 1
        }
        return nil
    }
}
