import DossierSupport
import DossierDiagnostics
import DossierData

/// The keys of both sides of a join as words that are equal exactly when the values are equal
/// by `=` (§4): text by its case folding (each distinct text folded once, into a class
/// number shared by both sides), integers and decimals by value (at one scale), dates and
/// booleans as themselves. A missing key is flagged and matches nothing. Other pairs of
/// types (floating point, lists) have no words here: the join compares boxed keys.
struct JoinKeys {
    /// Words of the right side's positions, then the left side's.
    var words: [UInt64]
    /// Positions (in `words`) whose key is missing.
    var missing: Bitmap

    init?(left: ColumnView, right: ColumnView) {
        let leftCount = left.rows.count
        let rightCount = right.rows.count
        var words = [UInt64](repeating: 0, count: rightCount + leftCount)
        var missing = Bitmap(count: rightCount + leftCount)
        guard let leftCoder = JoinKeys.coder(left.column, other: right.column),
            let rightCoder = JoinKeys.coder(right.column, other: left.column)
        else { return nil }
        var sharedClasses = TextDictionaryBuilder()
        guard let rightWord = rightCoder.words(&sharedClasses), let leftWord = leftCoder.words(&sharedClasses) else { return nil }
        right.rows.forEachRow { position, row in
            if let word = rightWord(row) { words[position] = word } else { missing[position] = true }
        }
        left.rows.forEachRow { position, row in
            if let word = leftWord(row) { words[rightCount + position] = word } else { missing[rightCount + position] = true }
        }
        self.words = words
        self.missing = missing
    }

    /// How one side's values become words.
    private enum Coder {
        case integer([Int64], Bitmap?, factor: Int64)
        case date([Int32], Bitmap?)
        case bool([UInt8])
        case text(TextColumn)

        /// The word of a row (nil: missing), after preparing what the side needs; nil when a
        /// value cannot be brought to the shared scale.
        func words(_ classes: inout TextDictionaryBuilder) -> ((Int) -> UInt64?)? {
            switch self {
            case .integer(let values, let missingBits, let factor):
                if factor != 1 {
                    // Integers beside decimals: every value at the decimals' scale, or no words.
                    for value in values where value.multipliedReportingOverflow(by: factor).overflow { return nil }
                }
                return { row in
                    if let missingBits, missingBits[row] { return nil }
                    return UInt64(bitPattern: values[row] &* factor)
                }
            case .date(let values, let missingBits):
                return { row in
                    if let missingBits, missingBits[row] { return nil }
                    return UInt64(UInt32(bitPattern: values[row]))
                }
            case .bool(let values):
                return { row in values[row] == BoolColumn.missingCode ? nil : UInt64(values[row]) }
            case .text(let text):
                // One class per folded text, shared by both sides: `Straße` meets `STRASSE`.
                var classOfCode = [UInt32](repeating: 0, count: text.dictionary.codeCount)
                for code in 1..<max(1, text.dictionary.codeCount) {
                    let folded = text.dictionary.withBytes(UInt32(code)) { TextFolding.fold($0) }
                    classOfCode[code] = folded.withUnsafeBufferPointer { classes.intern($0) }
                }
                let codes = text.codes
                return { row in
                    let code = codes[row]
                    return code == 0 ? nil : UInt64(classOfCode[Int(code)])
                }
            }
        }
    }

    /// The coder of `column` when joined with `other`; nil for pairs without words.
    private static func coder(_ column: Column, other: Column) -> Coder? {
        switch (column, other) {
        case (.integer(let values), .integer):
            return .integer(values.values, values.missing, factor: 1)
        case (.integer(let values), .decimal(let decimals)):
            return .integer(values.values, values.missing, factor: DecimalNumber.powersOfTen[decimals.scale])
        case (.decimal(let decimals), .integer):
            return .integer(decimals.mantissas, decimals.missing, factor: 1)
        case (.decimal(let decimals), .decimal(let others)):
            // Both sides at the larger scale.
            let scale = max(decimals.scale, others.scale)
            return .integer(decimals.mantissas, decimals.missing, factor: DecimalNumber.powersOfTen[scale - decimals.scale])
        case (.date(let dates), .date):
            return .date(dates.values, dates.missing)
        case (.bool(let bools), .bool):
            return .bool(bools.values)
        case (.text(let text), .text):
            return .text(text)
        default:
            return nil
        }
    }
}
