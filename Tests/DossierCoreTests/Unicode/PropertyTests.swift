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

@Suite struct PropertyTests {
    static func randomASCII(_ random: inout SeededRandom) -> [UInt8] {
        let length = Int.random(in: 0...24, using: &random)
        return (0..<length).map { _ in
            // mostly letters, some digits / punctuation / controls including NUL and 0x01
            switch Int.random(in: 0..<10, using: &random) {
            case 0: UInt8.random(in: 0...0x1F, using: &random)
            case 1, 2: UInt8.random(in: 0x20...0x40, using: &random)
            case 3, 4, 5: UInt8.random(in: 0x41...0x5A, using: &random)
            default: UInt8.random(in: 0x61...0x7F, using: &random)
            }
        }
    }

    /// Pieces that interact: letters that compose, combining marks, case pairs, specials.
    static let pieces: [String] = [
        "a", "A", "e", "E", "o", "O", "s", "S", "i", "I", "z", " ", "-", "1",
        "\u{301}", "\u{300}", "\u{302}", "\u{308}", "\u{30A}", "\u{323}", "\u{327}", "\u{345}", "\u{338}",
        "é", "É", "è", "å", "Å", "ö", "Ö", "ø", "Ø", "æ", "Æ", "ß", "ẞ", "ſ", "ﬁ", "ı", "İ",
        "ǅ", "ǆ", "Ǆ", "σ", "ς", "Σ", "ΐ", "ᾳ", "ᾼ", "й", "и", "ё", "Ё", "\u{212B}", "\u{2126}",
        "ấ", "ậ", "ơ", "Ư", "\u{1100}", "\u{1161}", "가", "ł", "Ł", "ŉ", "ǰ", "\u{5B8}", "שׁ",
    ]

    static func randomText(_ random: inout SeededRandom) -> String {
        let length = Int.random(in: 0...6, using: &random)
        var result = ""
        for _ in 0..<length {
            result += pieces[Int.random(in: 0..<pieces.count, using: &random)]
        }
        return result
    }

    @Test func asciiFastPathsAgreeWithGeneralPaths() {
        var random = SeededRandom(seed: 1)
        for _ in 0..<20_000 {
            let bytes = Self.randomASCII(&random)
            let other = Self.randomASCII(&random)
            with(bytes) { buffer in
                #expect(TextFolding.fold(buffer) == TextFolding.foldGeneral(buffer))
                #expect(TextCollation.sortKey(buffer) == TextCollation.sortKeyGeneral(buffer))
                #expect(Unaccent.strip(buffer) == Unaccent.stripGeneral(buffer))
                #expect(Unaccent.fold(buffer) == Unaccent.foldGeneral(buffer))
                #expect(TextFolding.nfc(buffer) == bytes)
                #expect(TextFolding.isCertainlyNFC(buffer))
                let otherFolded = TextFolding.fold(String(decoding: other, as: UTF8.self))
                #expect(TextFolding.foldedEquals(buffer, otherFolded)
                    == (TextFolding.foldGeneral(buffer) == otherFolded))
                #expect(TextFolding.foldedEquals(buffer, TextFolding.foldGeneral(buffer)))
            }
        }
    }

    @Test func mixedTextProperties() {
        var random = SeededRandom(seed: 2)
        for _ in 0..<20_000 {
            let a = Self.randomText(&random)
            let b = Self.randomText(&random)
            let nfcA = TextFolding.nfc(a)
            let nfcB = TextFolding.nfc(b)
            let keyA = key(a)
            let keyB = key(b)
            // keys are equal exactly for canonically equivalent texts
            #expect((keyA == keyB) == (nfcA.unicodeScalars.elementsEqual(nfcB.unicodeScalars)), "\(a) \(b)")
            // canonically equivalent input folds, strips and keys alike
            #expect(TextFolding.fold(a) == TextFolding.fold(nfcA))
            #expect(Unaccent.strip(a) == Unaccent.strip(nfcA))
            #expect(keyA == key(nfcA))
            // the primary level dominates: texts with different accent-insensitive forms
            // sort as those forms do
            let primaryOrder = TextFolding.compare(Unaccent.fold(a), Unaccent.fold(b))
            if primaryOrder != 0 {
                #expect(TextFolding.compare(keyA, keyB) == primaryOrder, "\(a) \(b)")
            }
            // case-insensitively equal texts are primary-equal
            if TextFolding.fold(a) == TextFolding.fold(b) {
                #expect(Unaccent.fold(a) == Unaccent.fold(b), "\(a) \(b)")
            }
            // foldedEquals agrees with fold
            #expect(with(utf8(a)) { TextFolding.foldedEquals($0, TextFolding.fold(b)) }
                == (TextFolding.fold(a) == TextFolding.fold(b)))
            // the accent-insensitive form is unchanged by folding and stripping again
            // (when it is NFC: removing a mark between Hangul jamo leaves them composable)
            let accentless = Unaccent.fold(a)
            if with(accentless, TextFolding.isCertainlyNFC) {
                #expect(with(accentless, Unaccent.fold) == accentless)
                #expect(with(accentless, TextFolding.fold) == accentless)
            }
            // unaccented text is NFC text
            let stripped = Unaccent.strip(a)
            #expect(TextFolding.nfc(stripped).unicodeScalars.elementsEqual(stripped.unicodeScalars))
        }
    }

    /// Many short texts over the same pieces, so that keys collide whenever they can: texts
    /// with equal keys are always the same NFC text.
    @Test func equalKeysOnlyForTheSameText() {
        var random = SeededRandom(seed: 4)
        var byKey: [[UInt8]: [Unicode.Scalar]] = [:]
        var collisions = 0
        for _ in 0..<60_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                text += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)]
            }
            let normalized = Array(TextFolding.nfc(text).unicodeScalars)
            let textKey = key(text)
            if let seen = byKey[textKey] {
                collisions += 1
                #expect(seen == normalized, "\(text)")
            } else {
                byKey[textKey] = normalized
            }
        }
        #expect(collisions > 10_000)
    }

    @Test func illFormedUTF8NeverTraps() {
        var random = SeededRandom(seed: 3)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xCC, 0xCD, 0xDF,
                                    0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x8F, 0x90]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &random)
            let bytes: [UInt8] = (0..<length).map { _ in
                Bool.random(using: &random)
                    ? interesting[Int.random(in: 0..<interesting.count, using: &random)]
                    : UInt8.random(in: 0...255, using: &random)
            }
            with(bytes) { buffer in
                let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
                let folded = TextFolding.fold(buffer)
                #expect(isWellFormed(folded))
                #expect(folded == TextFolding.fold(bytes: repaired))
                #expect(isWellFormed(TextFolding.nfc(buffer)))
                #expect(isWellFormed(Unaccent.strip(buffer)))
                #expect(isWellFormed(Unaccent.fold(buffer)))
                #expect(TextCollation.sortKey(buffer) == with(repaired, TextCollation.sortKey))
                _ = TextFolding.foldedEquals(buffer, folded)
                _ = TextFolding.isCertainlyNFC(buffer)
                _ = TextFolding.contains(folded, Array(folded.prefix(2)))
            }
        }
    }
}
