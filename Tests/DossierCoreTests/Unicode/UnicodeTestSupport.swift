@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierEngine
@testable import DossierOutput
@testable import DossierSession
@testable import DossierCompletion

/// Deterministic random numbers (SplitMix64), so failures reproduce.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

func utf8(scalar: UInt32) -> [UInt8] {
    var out: [UInt8] = []
    UTF8Bytes.append(scalar, to: &out)
    return out
}

func scalars(_ hex: Substring) -> [UInt32] {
    hex.split(separator: " ").compactMap { UInt32($0, radix: 16) }
}

func string(_ scalars: [UInt32]) -> String {
    var result = ""
    for value in scalars {
        if let scalar = Unicode.Scalar(value) { result.unicodeScalars.append(scalar) }
    }
    return result
}

/// Calls `body` with the bytes of `array` as a buffer.
func with<R>(_ array: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    array.withUnsafeBufferPointer(body)
}

func isWellFormed(_ bytes: [UInt8]) -> Bool {
    Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
}

func key(_ text: String) -> [UInt8] { TextCollation.sortKey(text) }

/// Whether `a` sorts strictly before `b`.
func before(_ a: String, _ b: String) -> Bool {
    TextFolding.compare(key(a), key(b)) < 0
}
