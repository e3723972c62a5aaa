import Testing
@testable import DossierSupport
import DossierDiagnostics
@testable import DossierData
@testable import DossierSQL

/// What never needs a server: passwords kept out of what is shown, PostgreSQL's array text read
/// back, and the keys that make the server compare text as dossier does.
struct ServerTextTests {
    @Test func passwordsAreNeverShown() {
        #expect(ConnectionText.redacted("postgres://ana:s3cret@db.example:5432/news") == "postgres://ana@db.example:5432/news")
        #expect(ConnectionText.redactedStatement("connect postgres://ana:s3cret@h/db") == "connect postgres://ana@h/db")
        #expect(!ConnectionText.redacted("host=h password=s3cret dbname=d").contains("s3cret"))
        #expect(ConnectionText.redacted("postgres://ana@h/db") == "postgres://ana@h/db")
        #expect(ConnectionText.redactingSecrets("failed for s3cret", of: "postgres://a:s3cret@h/d") == "failed for ***")
    }

    @Test func arraysReadBack() {
        #expect(ArrayLiteral.items("{a,\"b c\",NULL,\"say \\\"hi\\\"\"}") == ["a", "b c", nil, "say \"hi\""])
        #expect(ArrayLiteral.items("{}") == [])
        #expect(ArrayLiteral.items(ArrayLiteral.literal(["x,y", "back\\slash"])) == ["x,y", "back\\slash"])
    }

    @Test func textKeysCompareAsDossierDoes() {
        // `=` ignores case with full folding; `<` ignores accents first; sort puts lower case first.
        #expect(TextKeys.folded("STRASSE") == TextKeys.folded("straße"))
        #expect(TextKeys.order("Émile").lexicographicallyPrecedes(TextKeys.order("F")))
        #expect(TextKeys.order("Alpha") == TextKeys.order("alpha"))
        #expect(TextKeys.sort("apple").lexicographicallyPrecedes(TextKeys.sort("Apple")))
    }

    @Test func statisticsFromTheServerAreDoubles() throws {
        #expect(try ResultDecoder.double("2.5495097567963922", field: "x") == .float(2.5495097567963922))
        #expect(try ResultDecoder.double(nil, field: "x") == .missing)
        #expect(throws: Diagnostic.self) { try ResultDecoder.double("two", field: "x") }
    }

    @Test func literalsCannotEscapeTheirQuotes() {
        #expect(SQLText.string("it's") == "'it''s'")
        #expect(SQLText.identifier("a\"b") == "\"a\"\"b\"")
    }
}
