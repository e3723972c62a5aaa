import DossierSupport
import DossierDiagnostics
import DossierData

/// JSON values arrive typed: strings are text (or dates, or dates and times), numbers numbers, `true`/`false`
/// bools, arrays of scalars lists. A field whose values disagree becomes text, converting
/// what it held (no replay is needed: the values are already parsed).
extension ColumnAccumulator {
    package mutating func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.isEmpty {
            appendMissing()
            return
        }
        if kind != .text, kind != .list, MissingMarkers.matches(bytes) {
            appendMarker(bytes)
            return
        }
        switch kind {
        case .undecided:
            if CivilDate.parse(bytes) != nil {
                kind = .date
                dates = [Int32](repeating: 0, count: rowCount)
            } else if DatetimeText.parse(bytes) != nil {
                kind = .datetime
                datetimes = [Int64](repeating: 0, count: rowCount)
            } else {
                kind = .text
                codes = [UInt32](repeating: 0, count: rowCount)
            }
            reserve(expectedRows)
            appendJSONString(bytes)
            return
        case .date:
            if let days = CivilDate.parse(bytes) {
                dates.append(days)
            } else if let microseconds = DatetimeText.parse(bytes) {
                widenToDatetime()
                datetimes.append(microseconds)
            } else {
                convertToText()
                codes.append(dictionary.intern(bytes))
            }
        case .datetime:
            if let microseconds = DatetimeText.parse(bytes) {
                datetimes.append(microseconds)
            } else if let days = CivilDate.parse(bytes) {
                datetimes.append(DatetimeText.midnight(days))
            } else {
                convertToText()
                codes.append(dictionary.intern(bytes))
            }
        case .text:
            appendText(bytes)
        case .list:
            appendSingleItem(bytes)
            return
        case .integer, .decimal, .float, .bool:
            convertToText()
            codes.append(dictionary.intern(bytes))
        }
        rowCount += 1
    }

    package mutating func appendJSONNumber(_ bytes: UnsafeBufferPointer<UInt8>, isWhole: Bool) {
        let integer = isWhole ? ValueParsing.integer(bytes, allowLeadingZeros: true) : nil
        // A whole number too long for 64 bits, or one beyond the range of a double (`1e400`),
        // has no number to keep: the column becomes text and keeps the digits, as CSV does.
        let isNumber = integer != nil || (!isWhole && ValueParsing.decimal(bytes, allowLeadingZeros: true) != nil)
        if !isNumber, kind != .text, kind != .list {
            if kind == .undecided {
                kind = .text
                codes = [UInt32](repeating: 0, count: rowCount)
            } else {
                convertToText()
            }
        }
        switch kind {
        case .undecided:
            if integer != nil {
                kind = .integer
                integers = [Int64](repeating: 0, count: rowCount)
            } else {
                kind = .decimal
                mantissas = [Int64](repeating: 0, count: rowCount)
                writtenScales = [UInt8](repeating: 0, count: rowCount)
            }
            reserve(expectedRows)
            appendJSONNumber(bytes, isWhole: isWhole)
            return
        case .integer:
            if let integer {
                integers.append(integer)
            } else {
                widenToDecimal()
                _ = appendNumber(bytes, allowLeadingZeros: true)
            }
        case .decimal, .float:
            _ = appendNumber(bytes, allowLeadingZeros: true)
        case .text:
            codes.append(dictionary.intern(bytes))
        case .list:
            appendSingleItem(bytes)
            return
        case .bool, .date, .datetime:
            convertToText()
            codes.append(dictionary.intern(bytes))
        }
        rowCount += 1
    }

    package mutating func appendJSONBool(_ value: Bool) {
        let text: StaticString = value ? "true" : "false"
        switch kind {
        case .undecided:
            kind = .bool
            bools = [UInt8](repeating: BoolColumn.missingCode, count: rowCount)
            reserve(expectedRows)
            appendJSONBool(value)
            return
        case .bool:
            bools.append(value ? 1 : 0)
        case .text:
            codes.append(text.withUTF8Buffer { dictionary.intern($0) })
        case .list:
            text.withUTF8Buffer { appendSingleItem($0) }
            return
        case .integer, .decimal, .float, .date, .datetime:
            convertToText()
            codes.append(text.withUTF8Buffer { dictionary.intern($0) })
        }
        rowCount += 1
    }

    /// An array of scalars, each item's text.
    package mutating func appendJSONList(_ items: [[UInt8]]) {
        if kind != .list {
            if kind != .text && kind != .undecided { convertToText() }
            convertToList()
        }
        for item in items where !item.isEmpty {
            listItems.append(item.withUnsafeBufferPointer { dictionary.intern($0) })
        }
        if listOffsets.last == UInt32(truncatingIfNeeded: listItems.count) { markMissing() }
        listOffsets.append(UInt32(truncatingIfNeeded: listItems.count))
        rowCount += 1
    }

    /// One value as a one-item list (a field that is sometimes a list, sometimes not).
    private mutating func appendSingleItem(_ bytes: UnsafeBufferPointer<UInt8>) {
        listItems.append(dictionary.intern(bytes))
        listOffsets.append(UInt32(truncatingIfNeeded: listItems.count))
        rowCount += 1
    }

    /// The values so far as text, in place.
    package mutating func convertToText() {
        var missing = Bitmap(words: missingWords, count: rowCount)
        if !hasMissing { missing = Bitmap(count: rowCount) }
        defer { restoreMarkersAsText() }
        if kind == .float {
            // The codes already hold each value's text as written.
            floats = []
            kind = .text
            return
        }
        var newCodes = [UInt32](repeating: 0, count: rowCount)
        for row in 0..<rowCount {
            let text: String
            switch kind {
            case .integer: if missing[row] { continue } else { text = String(integers[row]) }
            case .decimal: if missing[row] { continue } else { text = exactDecimal(at: row).description }
            case .float: continue
            case .date: if missing[row] { continue } else { text = CivilDate.format(dates[row]) }
            case .datetime: if missing[row] { continue } else { text = DatetimeText.format(datetimes[row]) }
            case .bool:
                let value = bools[row]
                if value == BoolColumn.missingCode { continue }
                text = value == 1 ? "true" : "false"
            case .text: return
            case .undecided, .list: continue
            }
            newCodes[row] = dictionary.intern(text)
        }
        codes = newCodes
        integers = []
        mantissas = []
        writtenScales = []
        decimalScale = 0
        dates = []
        datetimes = []
        bools = []
        kind = .text
    }

    /// Text values so far as one-item lists.
    package mutating func convertToList() {
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(rowCount + 1)
        var items: [UInt32] = []
        for row in 0..<rowCount {
            let code = kind == .text ? codes[row] : 0
            if code != 0 { items.append(code) }
            offsets.append(UInt32(truncatingIfNeeded: items.count))
        }
        listOffsets = offsets
        listItems = items
        codes = []
        kind = .list
    }
}
