import DossierSupport
import DossierDiagnostics

/// Strict UTF-8 decoding and encoding for `TextFolding`, `Unaccent` and `TextCollation`.
/// Nothing here traps on input: every index into a buffer is checked against its count.
package enum UTF8Bytes {
    /// Decodes the scalar starting at `index`, strictly (no overlong forms, surrogates or
    /// values above U+10FFFF). Returns nil for an ill-formed or truncated sequence.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (scalar: UInt32, length: Int)? {
        let count = bytes.count
        guard index < count else { return nil }
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xC2 { return nil }
        if b0 < 0xE0 {
            guard index &+ 1 < count else { return nil }
            let b1 = bytes[index &+ 1]
            guard b1 & 0xC0 == 0x80 else { return nil }
            return (UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard index &+ 2 < count else { return nil }
            let b1 = bytes[index &+ 1]
            let b2 = bytes[index &+ 2]
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard b1 >= low, b1 <= high, b2 & 0xC0 == 0x80 else { return nil }
            return (UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), 3)
        }
        if b0 < 0xF5 {
            guard index &+ 3 < count else { return nil }
            let b1 = bytes[index &+ 1]
            let b2 = bytes[index &+ 2]
            let b3 = bytes[index &+ 3]
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard b1 >= low, b1 <= high, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return nil }
            return (UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b2 & 0x3F) << 6
                | UInt32(b3 & 0x3F), 4)
        }
        return nil
    }

    /// Appends the UTF-8 form of a scalar (values that are not scalars become U+FFFD).
    @inline(__always)
    package static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            out.append(0xC0 | UInt8(truncatingIfNeeded: scalar >> 6))
            out.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        case 0x800..<0xD800, 0xE000..<0x10000:
            out.append(0xE0 | UInt8(truncatingIfNeeded: scalar >> 12))
            out.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        case 0x10000...0x10FFFF:
            out.append(0xF0 | UInt8(truncatingIfNeeded: scalar >> 18))
            out.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        default:
            out.append(contentsOf: [0xEF, 0xBF, 0xBD] as [UInt8])
        }
    }

    /// Number of leading ASCII bytes, eight at a time.
    @inline(__always)
    package static func asciiPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 8 <= count {
                // Safe: index + 8 <= count, so the eight bytes are inside the borrowed buffer.
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                index &+= 8
            }
        }
        while index < count, bytes[index] < 0x80 { index &+= 1 }
        return index
    }

    /// `bytes` made well-formed (ill-formed sequences become U+FFFD, as `String(decoding:)`)
    /// and NFC-normalised by the standard library.
    package static func normalizedSlow(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        String(decoding: bytes, as: UTF8.self)._nfcCodeUnits
    }

    /// Returned by `next(_:_:checked:)` when `checked` and the text is ill-formed or may not
    /// be NFC at that point.
    package static let notCertain: UInt32 = 0xFFFF_FFFF

    /// The scalar at `index` (< bytes.count), advancing `index`. With `checked`, returns
    /// `notCertain` at an ill-formed sequence or a scalar that may make the text non-NFC;
    /// without it, an ill-formed byte reads as U+FFFD.
    @inline(__always)
    package static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, checked: Bool) -> UInt32 {
        // Safe: callers keep index < bytes.count (the loop condition of every caller); decode checks
        // each further byte against the count.
        let byte = bytes[index]
        if byte < 0x80 {
            index &+= 1
            return UInt32(byte)
        }
        return nextNonASCII(bytes, &index, checked: checked)
    }

    package static func nextNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, checked: Bool) -> UInt32 {
        if let (scalar, length) = decode(bytes, index) {
            if checked, scalar >= 0x300, !ScalarData.isNFCSafe(scalar) { return notCertain }
            index &+= length
            return scalar
        }
        if checked { return notCertain }
        index &+= 1
        return 0xFFFD
    }

    /// Runs `transform` over `bytes` when they are well-formed and certainly NFC (`checked`
    /// true; `transform` returns nil as soon as it finds otherwise), else over their NFC form.
    @inline(__always)
    package static func overNFC(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ transform: (UnsafeBufferPointer<UInt8>, _ checked: Bool) -> [UInt8]?
    ) -> [UInt8] {
        if let result = transform(bytes, true) { return result }
        let normalized = normalizedSlow(bytes)
        return normalized.withUnsafeBufferPointer { transform($0, false) } ?? []
    }

    @inline(__always)
    package static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }
}
