#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput
import DossierSession
import DossierCompletion

/// Any bytes: the lexer ends, and every token lies inside the input, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = SourceText(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    var previousEnd = 0
    for token in Tokens.of(source) {
        if token.start < previousEnd || token.end < token.start || token.end > size { abort() }
        previousEnd = token.end
    }
    return 0
}
