/// Connection strings without their secrets: what the history file, `datasets` and every
/// message show. A password typed in `connect postgres://ana:secret@host/db` must never be
/// written anywhere (issue 16).
public enum ConnectionText {
    /// The URL (or libpq `key=value` string) with any password removed:
    /// `postgres://ana:secret@host/db` → `postgres://ana@host/db`.
    public static func redacted(_ text: String) -> String {
        var result = text
        for secret in secrets(in: text) { result = remove(secret, from: result) }
        return result
    }

    /// `message` with every occurrence of the password in `url` blanked (libpq's messages
    /// name hosts and users; a password in them would be a bug, but one not ours to ship).
    public static func redactingSecrets(_ message: String, of url: String) -> String {
        var result = message
        for secret in secrets(in: url) where !secret.value.isEmpty {
            result = result.replacingAll(secret.value, with: "***")
        }
        return result
    }

    /// A statement as it may be kept in history: `connect` URLs without passwords.
    public static func redactedStatement(_ statement: String) -> String {
        redacted(statement)
    }

    /// A password in the text, with the characters around it that go with it.
    private struct Secret {
        /// What to cut out (`:secret` before an `@`, or `password=secret`).
        var span: String
        var value: String
    }

    private static func secrets(in text: String) -> [Secret] {
        var found: [Secret] = []
        let characters = Array(text)
        // URL form: scheme://user:password@host
        var index = 0
        while index + 2 < characters.count {
            guard characters[index] == ":", characters[index + 1] == "/", characters[index + 2] == "/" else {
                index += 1
                continue
            }
            var end = index + 3
            while end < characters.count, !characters[end].isWhitespace, characters[end] != "/" { end += 1 }
            let authority = characters[(index + 3)..<end]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                let value = String(authority[(colon + 1)..<at])
                found.append(Secret(span: ":" + value + "@", value: value))
            }
            index = end
        }
        // Query parameter or key=value form: password=secret
        for marker in ["password=", "PASSWORD="] {
            var rest = Substring(text)
            while let range = rest.firstRange(of: marker) {
                var end = range.upperBound
                while end < rest.endIndex, !rest[end].isWhitespace, rest[end] != "&" { end = rest.index(after: end) }
                let value = String(rest[range.upperBound..<end])
                found.append(Secret(span: marker + value, value: value))
                rest = rest[end...]
            }
        }
        return found
    }

    private static func remove(_ secret: Secret, from text: String) -> String {
        if secret.span.hasPrefix(":") { return text.replacingAll(secret.span, with: "@") }
        return text.replacingAll(secret.span, with: "password=***")
    }
}
