import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

/// The fields visible at one point of a pipeline.
package struct Scope {
    package var fields: [Field]
    /// The dataset the pipeline started from, for `countries.name` before any join.
    package var sourceName: String
    /// Fields an earlier clause left out (`select name` drops `region`), by lower-cased name,
    /// with that clause's text: to say why a field is not there any more.
    package var droppedBy: [String: String] = [:]
}
