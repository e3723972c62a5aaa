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

@Suite struct UnaccentTests {
    static let examples: [(String, String)] = [
        // French
        ("Côte d'Ivoire", "Cote d'Ivoire"),
        ("Éléonore à l'hôpital, garçon", "Eleonore a l'hopital, garcon"),
        ("Noël, œuvre, Œdipe, naïve, Saint-Étienne", "Noel, oeuvre, OEdipe, naive, Saint-Etienne"),
        // German
        ("Straße", "Strasse"),
        ("Müller Übermäßig Ösen", "Muller Ubermassig Osen"),
        ("GROẞ", "GROSS"),
        // Polish
        ("Łódź", "Lodz"),
        ("Zażółć gęślą jaźń", "Zazolc gesla jazn"),
        // Vietnamese
        ("Nguyễn Tấn Dũng", "Nguyen Tan Dung"),
        ("Đà Nẵng", "Da Nang"),
        ("Thành phố Hồ Chí Minh", "Thanh pho Ho Chi Minh"),
        ("Phở, bưởi, ượ", "Pho, buoi, uo"),
        // Turkish
        ("İstanbul Ağrı Şişli Çorum Ödemiş Üsküdar", "Istanbul Agri Sisli Corum Odemis Uskudar"),
        // Greek
        ("Αθήνα, Ελλάδα, Ηράκλειο", "Αθηνα, Ελλαδα, Ηρακλειο"),
        ("ΐ ΰ ϊ ϋ Ά Ώ", "ι υ ι υ Α Ω"),
        ("ᾅ ῷ Ἀθῆναι", "α ω Αθηναι"),
        // Czech, Slovak
        ("Příliš žluťoučký kůň úpěl ďábelské ódy", "Prilis zlutoucky kun upel dabelske ody"),
        ("Ľubomír Ďurovčík", "Lubomir Durovcik"),
        // Nordic, Icelandic
        ("Ærøskøbing", "AEroskobing"),
        ("Þórshöfn, Guðrún", "THorshofn, Gudrun"),
        ("Ångström, Mälaren", "Angstrom, Malaren"),
        // Romanian, Hungarian, Croatian, Maltese, Spanish, Portuguese
        ("Timișoara, Constanța, Țară", "Timisoara, Constanta, Tara"),
        ("Győr, Erdős, Ödön", "Gyor, Erdos, Odon"),
        ("Đorđević, Šibenik", "Dordevic, Sibenik"),
        ("Ħal Qormi, Għawdex, Żebbuġ", "Hal Qormi, Ghawdex, Zebbug"),
        ("Peña, São Paulo, Ibáñez", "Pena, Sao Paulo, Ibanez"),
        // Cyrillic: ё only; й stays; a stress mark goes
        ("Ёлка, ёж", "Елка, еж"),
        ("йогурт, Київ", "йогурт, Київ"),
        ("ка\u{301}ша", "каша"),
        // non-NFC input, marks after letters without a precomposed form
        ("Cafe\u{301}", "Cafe"),
        ("и\u{306}", "й"),
        ("x\u{304}y\u{20D7}", "xy"),
        // left alone: other scripts' marks, symbols
        ("東京 © ½ ﬁ", "東京 © ½ ﬁ"),
        ("plain ascii 123", "plain ascii 123"),
        ("", ""),
    ]

    @Test func stripExamples() {
        for (input, expected) in Self.examples {
            #expect(Unaccent.strip(input) == expected, "\(input)")
            #expect(with(utf8(input), Unaccent.strip) == utf8(expected), "\(input)")
        }
    }

    @Test func otherScriptsMarksStay() {
        let hebrew = "שָׁלוֹם"
        #expect(Unaccent.strip(hebrew) == TextFolding.nfc(hebrew))
        #expect(Unaccent.strip(hebrew).unicodeScalars.count == hebrew.unicodeScalars.count)
        let hindi = "हिन्दी"
        #expect(Unaccent.strip(hindi) == hindi)
    }

    @Test func accentInsensitiveSearch() {
        func matches(_ haystack: String, _ needle: String) -> Bool {
            TextFolding.contains(Unaccent.fold(haystack), Unaccent.fold(needle))
        }
        #expect(matches("Côte d'Ivoire", "cote"))
        #expect(matches("Côte d'Ivoire", "CÔTE D'IVOIRE"))
        #expect(matches("Straße", "strasse"))
        #expect(matches("STRASSE", "straße"))
        #expect(matches("Łódź", "lodz"))
        #expect(matches("İstanbul", "istanbul"))
        #expect(matches("ISTANBUL", "ıstanbul"))
        #expect(matches("Ærøskøbing", "aero"))
        #expect(matches("Nguyễn", "NGUYEN"))
        #expect(matches("Αθήνα", "ΑΘΗΝΑ"))
        #expect(matches("Αθήνα", "αθηνα"))
        #expect(!matches("Côte", ""))
        #expect(!matches("Cote", "côtes"))
        #expect(Unaccent.fold("Côte d'Ivoire") == utf8("cote d'ivoire"))
    }

    /// The accent-insensitive form does not depend on case: fold first or not, same result.
    @Test func foldCommutesWithCase() {
        let samples = ["Ærø", "ǅemal", "ΐ", "ᾼ", "ẞ", "İ", "Ǿ", "ǿ", "ſ", "Ꭰ", "ꭰ", "Ⅻ", "Ⓐ", "ﬀ", "ŉ"]
        for sample in samples {
            let folded = text(TextFolding.fold(sample))
            #expect(Unaccent.fold(sample) == Unaccent.fold(folded), "\(sample)")
            #expect(Unaccent.fold(sample) == Unaccent.fold(sample.uppercased()), "\(sample)")
        }
    }
}
