import DossierSupport
import DossierDiagnostics
import DossierOutput
import DossierSession
import DossierCompletion

/// `$XDG_CONFIG_HOME/dossier/init.dq` (else `~/.config/dossier/init.dq`): statements run when
/// the interactive shell starts (§2), such as `set timer on` or a favourite `load`.
public enum InitFile {
    public static func path(environment: [String: String]) -> String? {
        var candidates: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { candidates.append(config + "/dossier/init.dq") }
        if let home = environment["HOME"], !home.isEmpty { candidates.append(home + "/.config/dossier/init.dq") }
        return candidates.first { FileAccess.kind(of: $0) == .file }
    }
}
