import DossierSupport
import DossierData

/// Dataset names made from text people chose (a file's stem, a sheet's or a table's name):
/// lower-cased, anything but letters, digits and `_` turned into `_` (§6), and never two alike
/// within one load.
package enum DatasetNaming {
    package static func normalize(_ text: String) -> String {
        var name = ""
        for character in text.lowercased() {
            name.append(character.isLetter || character.isNumber || character == "_" ? character : "_")
        }
        if name.isEmpty { return "data" }
        if let first = name.first, first.isNumber { name = "_" + name }
        return name
    }

    /// `name`, or `name_2`, `name_3`… when `taken` already holds it (names compare as fields do).
    package static func unique(_ name: String, among taken: Set<String>) -> String {
        guard taken.contains(FieldName.key(name)) else { return name }
        var suffix = 2
        while taken.contains(FieldName.key("\(name)_\(suffix)")) { suffix += 1 }
        return "\(name)_\(suffix)"
    }
}
