import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// The greeting on a terminal (§2): what is loaded, and how to get going.
public enum Banner {
    public static func text(session: Session, version: String) -> String {
        let datasets = session.catalog.datasets
        var lines = ["dossier \(version)"]
        if datasets.isEmpty {
            lines.append("Nothing is loaded. Try: load sample third-country-deals, or load FILE.csv")
        } else {
            let listed = datasets.map { "\($0.name) (\($0.rowCount) row\($0.rowCount == 1 ? "" : "s"))" }
            lines.append("Loaded: " + listed.joined(separator: ", "))
            if datasets.contains(where: { $0.name == "countries" }) {
                lines.append("Try: countries where concern = rights   ·   cite countries where concern = rights")
            }
        }
        lines.append("Type help for help, Tab to complete, Ctrl-D to leave.")
        return lines.joined(separator: "\n") + "\n"
    }
}
