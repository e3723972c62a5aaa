import DossierSupport
import DossierDiagnostics
import DossierData

/// Data files must be UTF-8 without NUL bytes (§6). Readers check each stretch of the file
/// just before they parse it (one pass over bytes already in cache), and fail the whole load
/// at the first bad byte.
package enum TextValidation {
    package static func check(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil, locator: ByteLocator
    ) throws(Diagnostic) {
        var index = start
        let count = end ?? buffer.count
        while index < count {
            // Eight ASCII bytes without a NUL at a time.
            if index + 8 <= count, let base = buffer.baseAddress {
                // Safe: index + 8 <= count <= buffer.count (callers pass end <= buffer.count), so the eight
                // bytes are inside the buffer.
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let hasHigh = word & 0x8080_8080_8080_8080 != 0
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                if !hasHigh && !hasZero {
                    index += 8
                    continue
                }
            }
            let byte = buffer[index]
            if byte == 0 {
                throw LoadMessages.nulByte(offset: index, at: locator.diagnosticLocation(index))
            }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(buffer, at: index)
            if length == 0 {
                throw LoadMessages.invalidUTF8(byte, offset: index, at: locator.diagnosticLocation(index))
            }
            index += length
        }
    }

    /// Length of the valid UTF-8 sequence at `index`, or 0 if it is invalid.
    package static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = buffer[index]
        let count = buffer.count
        func continuation(_ offset: Int) -> Bool {
            index + offset < count && buffer[index + offset] & 0xC0 == 0x80
        }
        switch byte {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let second = buffer[index + 1]
            if byte == 0xE0 && second < 0xA0 { return 0 }  // overlong
            if byte == 0xED && second >= 0xA0 { return 0 }  // surrogates
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = buffer[index + 1]
            if byte == 0xF0 && second < 0x90 { return 0 }
            if byte == 0xF4 && second >= 0x90 { return 0 }
            return 4
        default:
            return 0
        }
    }
}
