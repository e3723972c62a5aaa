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

/// Any bytes: the parser ends; a statement either parses or has a diagnostic inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = SourceText(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let renderer = DiagnosticRenderer()
    for statement in Parser.parse(source) {
        if statement.statement == nil && statement.diagnostics.isEmpty { abort() }
        for diagnostic in statement.diagnostics {
            if let range = diagnostic.sourceRange, range.lowerBound < 0 || range.upperBound > size { abort() }
            _ = renderer.render(diagnostic)
        }
    }
    return 0
}
