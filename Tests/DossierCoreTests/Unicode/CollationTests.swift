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

@Suite struct CollationTests {
    @Test func specExamples() {
        #expect(before("Aland", "Åland"))
        #expect(before("Åland", "Albania"))
        #expect(before("Émile", "Zeta"))
        #expect(before("a", "B"))
        #expect(before("B", "c"))
        #expect(before("apple", "Apple"))
        #expect(before("Apple", "äpple"))
        #expect(before("äpple", "Äpple"))
        #expect(before("Äpple", "apples"))
        // straße sorts as strasse: with it, after the plain spellings
        #expect(before("strasse", "Strasse"))
        #expect(before("Strasse", "straße"))
        #expect(before("straße", "Straße"))
        #expect(before("Straße", "strassf"))
        #expect(before("strass", "straße"))
    }

    @Test func accentsThenCase() {
        // accents only count when the letters are equal
        #expect(before("résumé", "resumes"))
        #expect(before("cote", "côte"))
        #expect(before("coté", "côte"))   // the first accent decides: the o is plain in coté
        #expect(before("côte", "Côte"))
        #expect(before("o", "ô"))
        #expect(before("ô", "ö"))
        #expect(before("ö", "ø"))
        #expect(before("ø", "p"))
        #expect(before("ae", "æ"))
        #expect(before("æ", "af"))
        #expect(before("Lodz", "Łódź"))
        #expect(before("Łódź", "Lodzia"))
        #expect(before("i", "ı"))
        #expect(before("ı", "j"))
        #expect(before("istanbul", "İstanbul"))
        #expect(before("İstanbul", "Izmir"))
    }

    @Test func digitsAndPunctuationBeforeLetters() {
        #expect(before(" ", "!"))
        #expect(before("!", "0"))
        #expect(before("0", "9"))
        #expect(before("9", "a"))
        #expect(before("10", "9"))
        #expect(before("O'Brien", "Ortiz"))
        #expect(before("z", "α"))      // Latin before Greek
        #expect(before("ω", "а"))      // Greek before Cyrillic
        #expect(before("", "\u{0}"))
        #expect(before("\u{0}", "\u{1}"))
        #expect(before("\u{1}", "\u{2}"))
        #expect(before("a\u{0}", "a\u{1}"))
        #expect(before("a", "a\u{0}"))
    }

    @Test func equalKeysMeanCanonicallyEquivalent() {
        #expect(key("café") == key("cafe\u{301}"))
        #expect(key("Å") == key("\u{212B}"))
        #expect(key("ậ") == key("a\u{302}\u{323}"))
        #expect(key("a") != key("A"))
        #expect(key("ﬁ") != key("fi"))
        #expect(key("ß") != key("ss"))
        #expect(key("ẞ") != key("SS"))
        #expect(key("Θ") != key("ϴ"))
        #expect(key("ǅ") != key("Ǆ"))
        #expect(key("σ") != key("ς"))
    }

    @Test func asciiKeyShape() {
        #expect(key("apple") == utf8("apple"))
        #expect(key("Apple") == utf8("apple") + [0, 0, 2])
        #expect(key("aPple") == utf8("apple") + [0, 0, 1, 2])
        #expect(key("") == [])
    }

    static let names = [
        "Aalto", "Åberg", "Abramović", "Acosta", "Ågren", "Álvarez", "Ångström", "Bäcker", "Becker",
        "Çelik", "Chávez", "Dąbrowski", "Đorđević", "Éluard", "Fernández", "Gómez", "Gonzalez",
        "Høgh", "Łukaszewski", "Lund", "Muller", "Müller", "Nguyễn", "Núñez", "O'Brien", "Ortiz",
        "Øster", "Šimić", "Żukowski", "Zúñiga",
    ]

    @Test func thirtyNamesSortAsAPersonWould() {
        #expect(Self.names.count == 30)
        var random = SeededRandom(seed: 7)
        for _ in 0..<20 {
            let shuffled = Self.names.shuffled(using: &random)
            let sorted = shuffled.map { ($0, key($0)) }
                .sorted { TextFolding.compare($0.1, $1.1) < 0 }
                .map(\.0)
            #expect(sorted == Self.names)
        }
    }
}
