import DossierSupport
import DossierDiagnostics

package enum NumberFormatting {
    /// Shortest text that reads back as the same double; whole numbers keep a `.0` so a
    /// decimal column still looks decimal, and huge or tiny ones use exponents.
    package static func float(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }
}
