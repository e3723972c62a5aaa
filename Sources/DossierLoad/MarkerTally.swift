import DossierSupport
import DossierDiagnostics
import DossierData

/// Markers read as missing in one column while it loads: how many of each spelling, where the
/// first was, and each one's row and text (a column that turns out to be text gets them back).
package struct MarkerTally {
    package var rows: [Int32] = []
    /// Codes of the marker texts in the column's dictionary, one per entry of `rows`.
    package var codes: [UInt32] = []

    package var isEmpty: Bool { rows.isEmpty }
}
