import DossierSupport
import DossierData

/// How cells look in text formats.
package enum CellText {
    /// A cell of a result for tables.
    package static func display(_ relation: Relation, row: Int, column: Int) -> String {
        visible(relation.text(row: row, column: column))
    }

    /// For tables: lists joined with `, `, line breaks and tabs made visible.
    package static func display(_ value: Value) -> String {
        visible(value.formatted(listSeparator: ", "))
    }

    private static func visible(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "↵"
            case "\r": continue
            case "\t": result += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    package static func isRightAligned(_ type: ValueType) -> Bool { type.isNumeric }
}
