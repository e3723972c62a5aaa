import DossierSupport
import DossierDiagnostics
import DossierData

/// A header cell: its field name and the type it declares, if any (`people:int`).
package struct HeaderField {
    package var name: String
    package var declared: ValueType?
}
