import Testing
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

@Suite struct NFCTests {
    @Test func combiningSequences() {
        #expect(TextFolding.nfc("cafe\u{301}") == "café")
        #expect(TextFolding.nfc("cafe\u{301}").unicodeScalars.count == 4)
        #expect(TextFolding.nfc("A\u{30A}") == "\u{C5}")
        #expect(TextFolding.nfc("\u{212B}").unicodeScalars.first?.value == 0xC5)   // angstrom sign
        #expect(TextFolding.nfc("\u{2126}").unicodeScalars.first?.value == 0x3A9)  // ohm sign
        // marks in either order give the same letter (canonical reordering)
        #expect(TextFolding.nfc("a\u{323}\u{302}") == "\u{1EAD}")
        #expect(TextFolding.nfc("a\u{302}\u{323}") == "\u{1EAD}")
        #expect(TextFolding.nfc("e\u{302}\u{301}") == "\u{1EBF}")  // Vietnamese ế
        #expect(TextFolding.nfc("\u{1100}\u{1161}\u{11A8}").unicodeScalars.map(\.value) == [0xAC01])  // Hangul
        #expect(TextFolding.nfc("и\u{306}") == "й")
        #expect(TextFolding.nfc("x\u{304}").unicodeScalars.count == 2)  // no precomposed form
        let bytes = utf8("Côte d'Ivoire")
        #expect(with(bytes, TextFolding.nfc) == bytes)
    }

    @Test func fixtureSequencesMatchPython() {
        var failures: [String] = []
        var count = 0
        for line in Fixtures.nfc.split(separator: "\n") {
            let parts = line.split(separator: ";")
            guard parts.count == 2 else { continue }
            let input = string(scalars(parts[0]))
            let expected = string(scalars(parts[1]))
            count += 1
            let normalized = TextFolding.nfc(input)
            let normalizedBytes = with(utf8(input), TextFolding.nfc)
            if normalized.unicodeScalars.map(\.value) != expected.unicodeScalars.map(\.value)
                || normalizedBytes != utf8(expected) {
                failures.append(String(line))
            }
            // a certain answer is never wrong
            if with(utf8(input), TextFolding.isCertainlyNFC) {
                if utf8(input) != utf8(expected) { failures.append("certain: " + line) }
            }
        }
        #expect(count == 3000)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func quickCheckIsSoundForEveryScalar() {
        var wrong: [UInt32] = []
        var certain = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = utf8(scalar: value)
            if with(bytes, TextFolding.isCertainlyNFC) {
                certain += 1
                if String(scalar)._nfcCodeUnits != bytes { wrong.append(value) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
        #expect(certain > 140_000)
    }

    @Test func quickCheckFastCases() {
        #expect(with(utf8("plain ascii"), TextFolding.isCertainlyNFC))
        #expect(with(utf8("Ærøskøbing Łódź"), TextFolding.isCertainlyNFC))
        #expect(with(utf8("Москва Αθήνα 東京 서울"), TextFolding.isCertainlyNFC))
        #expect(!with(utf8("cafe\u{301}"), TextFolding.isCertainlyNFC))
        #expect(!with(utf8("\u{1100}\u{1161}"), TextFolding.isCertainlyNFC))
        #expect(!with([0x61, 0xFF], TextFolding.isCertainlyNFC))  // ill-formed
        #expect(!with([0xC3], TextFolding.isCertainlyNFC))        // truncated
        #expect(!with([0xED, 0xA0, 0x80], TextFolding.isCertainlyNFC))  // surrogate
        #expect(!with([0xC0, 0xAF], TextFolding.isCertainlyNFC))  // overlong
    }
}
