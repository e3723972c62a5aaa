import DossierSupport
import DossierDiagnostics
import DossierData

/// The cells spreadsheets and statistics programs write for "no value" (§6 "Messy columns"):
/// `NA`, `N/A`, `#N/A`, `null`, `None`, `-`, `--`, `—`, trimmed, in any case. In a column whose
/// other values are numbers, dates or booleans they are missing values; in a text column they
/// stay text.
package enum MissingMarkers {
    /// Whether `cell` is a marker. Cheap: called only for cells that failed to parse as the
    /// column's type.
    package static func matches(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = cell.count
        while start < end, cell[start] == 0x20 || cell[start] == 0x09 { start += 1 }
        while end > start, cell[end - 1] == 0x20 || cell[end - 1] == 0x09 { end -= 1 }
        let length = end - start
        guard length > 0, length <= 4 else { return false }
        var word: UInt32 = 0
        for index in start..<end {
            let byte = cell[index]
            let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
            word = word << 8 | UInt32(lower)
        }
        switch word {
        case 0x6E61,  // na
            0x6E_2F_61,  // n/a
            0x23_6E_2F_61,  // #n/a
            0x6E_75_6C_6C,  // null
            0x6E_6F_6E_65,  // none
            0x2D,  // -
            0x2D2D,  // --
            0xE2_80_94:  // — (U+2014)
            return true
        default:
            return false
        }
    }
}
