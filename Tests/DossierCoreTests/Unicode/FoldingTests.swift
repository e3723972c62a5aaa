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

@Suite struct FoldingTests {
    /// The fixture: scalar -> Python's str.casefold() for every scalar it changes.
    static let expected: [UInt32: [UInt32]] = {
        var result: [UInt32: [UInt32]] = [:]
        for line in Fixtures.casefold.split(separator: "\n") {
            let parts = line.split(separator: ";")
            guard parts.count == 2, let scalar = UInt32(parts[0], radix: 16) else { continue }
            result[scalar] = scalars(parts[1])
        }
        return result
    }()

    @Test func fixtureIsComplete() {
        #expect(Self.expected.count > 1400)
        #expect(Self.expected[0x41] == [0x61])
        #expect(Self.expected[0xDF] == [0x73, 0x73])
    }

    @Test func everyScalarFoldsLikePythonCasefold() {
        var mismatches: [UInt32] = []
        var checkedPublic = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Self.expected[value] ?? [value]
            if TextFolding.foldScalar(value) != expected {
                mismatches.append(value)
                continue
            }
            // The public path too, for every scalar that is its own NFC.
            let bytes = utf8(scalar: value)
            if String(scalar)._nfcCodeUnits == bytes {
                var expectedBytes: [UInt8] = []
                for unit in expected { UTF8Bytes.append(unit, to: &expectedBytes) }
                if with(bytes, TextFolding.fold) != expectedBytes { mismatches.append(value) }
                checkedPublic += 1
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10).map { String($0, radix: 16) })")
        #expect(checkedPublic > 1_000_000)
    }

    @Test func examples() {
        #expect(TextFolding.fold("straße") == TextFolding.fold("STRASSE"))
        #expect(TextFolding.fold("ﬁ") == TextFolding.fold("fi"))
        #expect(TextFolding.fold("ΣΊΣΥΦΟΣ") == TextFolding.fold("σίσυφος"))
        #expect(TextFolding.fold("İstanbul") == utf8("i\u{307}stanbul"))
        #expect(TextFolding.fold("Alpha") == utf8("alpha"))
        #expect(TextFolding.fold("ǅemal") == TextFolding.fold("ǆemal"))
        #expect(TextFolding.fold("ПРИВЕТ") == utf8("привет"))
        // NFC: a combining accent is the same value as the precomposed letter.
        #expect(TextFolding.fold("cafe\u{301}") == TextFolding.fold("CAFÉ"))
        #expect(TextFolding.fold("A\u{30A}land") == TextFolding.fold("åland"))
        #expect(TextFolding.fold("\u{212B}") == utf8("å"))  // angstrom sign
    }

    @Test func foldedEquals() {
        func equals(_ a: String, _ b: String) -> Bool {
            with(utf8(a)) { TextFolding.foldedEquals($0, TextFolding.fold(b)) }
        }
        #expect(equals("Alpha", "ALPHA"))
        #expect(!equals("Alpha", "ALPH"))
        #expect(!equals("Alph", "ALPHA"))
        #expect(equals("straße", "STRASSE"))
        #expect(equals("STRASSE", "straße"))
        #expect(equals("cafe\u{301}", "CAFÉ"))
        #expect(!equals("cafe", "CAFÉ"))
        #expect(equals("", ""))
        #expect(!equals("", "a"))
        #expect(equals("=\u{338}", "≠"))
    }

    @Test func compareAndContains() {
        #expect(TextFolding.compare([], []) == 0)
        #expect(TextFolding.compare(utf8("a"), utf8("b")) == -1)
        #expect(TextFolding.compare(utf8("ab"), utf8("a")) == 1)
        #expect(TextFolding.compare(utf8("é"), utf8("z")) == 1)
        #expect(!TextFolding.contains(utf8("abc"), []))
        #expect(!TextFolding.contains([], []))
        #expect(TextFolding.contains(utf8("abc"), utf8("bc")))
        #expect(TextFolding.contains(utf8("abc"), utf8("abc")))
        #expect(!TextFolding.contains(utf8("abc"), utf8("abcd")))
        #expect(!TextFolding.contains(utf8("abc"), utf8("ac")))
        #expect(TextFolding.contains(TextFolding.fold("Grüße aus Köln"), TextFolding.fold("GRÜSSE")))
    }

    @Test func collectionOverload() {
        let arena = utf8("xxStraßeyy")
        #expect(TextFolding.fold(bytes: arena[2..<9]) == utf8("strasse"))
    }
}
