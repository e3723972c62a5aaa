#if canImport(Glibc)
import Glibc
#endif
import DossierLoad

/// Any bytes through every encoding's conversion to UTF-8: the output is always valid UTF-8
/// (decoding it changes nothing), single-byte encodings keep every character, and the
/// detection of UTF-16, of a single-byte encoding and of damaged UTF-8 never traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoding(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    _ = TextEncoding.detectUTF16(input)
    _ = TextEncoding.singleByteGuess(input)
    // Bytes that are all UTF-8 and hold a character outside ASCII are mostly UTF-8.
    let mostlyUTF8 = TextEncoding.isMostlyUTF8(input)
    if input.contains(where: { $0 >= 0x80 }), String(validating: input, as: UTF8.self) != nil, !mostlyUTF8 { abort() }
    for encoding in TextEncoding.allCases {
        let output = encoding.convertToUTF8(input)
        let decoded = String(decoding: output, as: UTF8.self)
        if encoding != .utf8, Array(decoded.utf8) != output { abort() }
        if encoding == .latin1 || encoding == .windows1252, decoded.unicodeScalars.count != size { abort() }
    }
    return 0
}
