import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierLoad
import DossierPlan
import DossierSemantics
import DossierEngine
import DossierOutput

public protocol SessionOutput: AnyObject {
    func emit(_ event: SessionEvent)
}
