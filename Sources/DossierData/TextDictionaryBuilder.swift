import Synchronization

#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics

/// Builds a `TextDictionary`, interning each distinct text once: open addressing over a
/// power-of-two table, the hash kept beside the code so most probes never touch the arena.
public struct TextDictionaryBuilder: Sendable {
    package private(set) var arena: [UInt8] = []
    package private(set) var offsets: [UInt32] = [0, 0]
    /// Slot: hash in the high 32 bits, code in the low 32; 0 is empty.
    private var slots: [UInt64]
    private var mask: Int
    /// False once `stopDeduplicating` was called: every text gets a new code.
    public private(set) var deduplicates = true

    public init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Number of codes so far, including the missing code 0.
    public var codeCount: Int { offsets.count - 1 }

    /// Total bytes stored; the arena is addressed with 32-bit offsets.
    public var byteCount: Int { arena.count }

    /// The code of `bytes`, adding it if new. Empty text is missing (code 0). Text is kept in
    /// NFC (§4 "Text"): `café` typed with a combining accent is the same entry as `café`, so
    /// `=`, `count by`, `distinct` and joins agree. Only a new entry is checked (ASCII at a
    /// glance); a text in another form is normalised each time it is met.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if bytes.isEmpty { return 0 }
        if !deduplicates {
            guard TextDictionaryBuilder.isASCII(bytes) || TextFolding.isCertainlyNFC(bytes) else { return internNormalised(bytes) }
            arena.append(contentsOf: bytes)
            offsets.append(UInt32(truncatingIfNeeded: arena.count))
            return UInt32(truncatingIfNeeded: offsets.count - 2)
        }
        let hash = TextDictionaryBuilder.hash(bytes)
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                let code = Int(UInt32(truncatingIfNeeded: entry))
                if equals(code, bytes) { return UInt32(code) }
            }
            slot = (slot + 1) & mask
        }
        guard TextDictionaryBuilder.isASCII(bytes) || TextFolding.isCertainlyNFC(bytes) else { return internNormalised(bytes) }
        let code = UInt32(codeCount)
        arena.append(contentsOf: bytes)
        offsets.append(UInt32(truncatingIfNeeded: arena.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(code)
        if codeCount * 2 > slots.count { grow() }
        return code
    }

    /// Text that may not be NFC: interned in its NFC form (which is certainly NFC, or equal
    /// to the input, so this recurses at most once).
    private mutating func internNormalised(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let normalised = TextFolding.nfc(bytes)
        if normalised.elementsEqual(bytes) {
            if !deduplicates {
                arena.append(contentsOf: bytes)
                offsets.append(UInt32(truncatingIfNeeded: arena.count))
                return UInt32(truncatingIfNeeded: offsets.count - 2)
            }
            return insertNew(bytes)
        }
        return normalised.withUnsafeBufferPointer { intern($0) }
    }

    /// Adds an entry known to be absent and NFC.
    private mutating func insertNew(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = TextDictionaryBuilder.hash(bytes)
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        let code = UInt32(codeCount)
        arena.append(contentsOf: bytes)
        offsets.append(UInt32(truncatingIfNeeded: arena.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(code)
        if codeCount * 2 > slots.count { grow() }
        return code
    }

    /// For columns of mostly distinct texts (names, ids) hashing costs more than it saves:
    /// from now on each text is appended as a new entry.
    public mutating func stopDeduplicating() {
        deduplicates = false
        slots = []
        mask = 0
    }

    public mutating func intern(_ text: String) -> UInt32 {
        var copy = text
        return copy.withUTF8 { intern($0) }
    }

    /// Appends an entry without looking it up.
    package mutating func appendEntry(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        arena.append(contentsOf: bytes)
        offsets.append(UInt32(truncatingIfNeeded: arena.count))
        return UInt32(truncatingIfNeeded: offsets.count - 2)
    }

    public func build() -> TextDictionary {
        TextDictionary(arena: arena, offsets: offsets, isUnique: deduplicates)
    }

    @inline(__always)
    private func equals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[code])
        let end = Int(offsets[code + 1])
        guard end - start == bytes.count else { return false }
        guard let other = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            // Safe: end - start == bytes.count was checked above and end <= arena.count, so memcmp reads
            // inside both buffers.
            return memcmp(base + start, other, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for entry in slots where entry != 0 {
            var slot = Int(entry >> 32) & newMask
            while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = entry
        }
        slots = newSlots
        mask = newMask
    }

    /// ASCII is NFC: checked eight bytes at a time, inline, before any Unicode work.
    @inline(__always)
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= count {
            // Safe: index + 8 <= count, so the eight bytes are inside the borrowed buffer.
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// A fast 32-bit hash: 8 bytes at a time through a folded 64×64 multiply. Never 0, so a
    /// slot of 0 always means empty.
    @inline(__always)
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return 1 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            // Safe: index + 8 <= count, so the eight bytes are inside the borrowed buffer.
            state = mix(state ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        if index < count {
            var word: UInt64 = 0
            if count >= 8 {
                // The last eight bytes, overlapping what was hashed: no byte loop.
                // Safe: count >= 8 here, so count - 8 ..< count is inside the buffer.
                word = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else {
                var shift: UInt64 = 0
                while index < count {
                    word |= UInt64(bytes[index]) << shift
                    shift += 8
                    index += 1
                }
            }
            state = mix(state ^ word)
        }
        let result = UInt32(truncatingIfNeeded: state ^ (state >> 32))
        return result == 0 ? 1 : result
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return product.high ^ product.low
    }
}
