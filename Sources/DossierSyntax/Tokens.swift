import DossierSupport
import DossierDiagnostics

/// Every token of a text in normal mode, for tools (the lexer fuzz target, tests).
public enum Tokens {
    public static func of(_ source: SourceText) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            if token.kind == .endOfInput { return tokens }
            tokens.append(token)
        }
    }
}
