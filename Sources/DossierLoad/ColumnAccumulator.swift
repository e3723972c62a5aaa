import DossierSupport
import DossierDiagnostics
import DossierData

/// Builds one typed column from cell bytes as rows are read, inferring its type on the way
/// (§6): bool, integer, decimal, date, datetime, else text. An integer column meeting a decimal becomes
/// decimal in place, and exact decimals become binary floating point in place when a value
/// needs more than 18 significant digits (ColumnAccumulator+Numbers.swift); any other mismatch
/// makes it text, and the reader then feeds the earlier rows again (`restartAsText`), which
/// happens at most once a column.
package struct ColumnAccumulator {
    package enum Kind: Equatable {
        /// `float`: decimals beyond 18 significant digits; the type people see is decimal.
        case undecided, bool, integer, decimal, float, date, datetime, text, list
    }

    package enum Outcome {
        case stored
        /// The value does not fit the inferred type: restart as text and replay earlier rows.
        case needsText
        /// The value does not fit the declared type.
        case invalid(expected: ValueType)
    }

    package let declared: ValueType?
    // Internal, not private: the JSON reader's conversions in ColumnAccumulator+JSON.swift.
    package var kind: Kind
    package var rowCount = 0
    package var missingWords: [UInt64] = []
    package var hasMissing = false
    package var bools: [UInt8] = []
    package var integers: [Int64] = []
    /// `.decimal`: mantissas at `decimalScale`, and each value's own digits after the point.
    package var mantissas: [Int64] = []
    package var decimalScale = 0
    package var writtenScales: [UInt8] = []
    /// `.float`: the doubles; `codes` then holds each value's text as written.
    package var floats: [Double] = []
    package var dates: [Int32] = []
    /// `.datetime`: microseconds since 1970 UTC (`DatetimeText`).
    package var datetimes: [Int64] = []
    package var codes: [UInt32] = []
    package var listOffsets: [UInt32] = [0]
    package var listItems: [UInt32] = []
    package var dictionary = TextDictionaryBuilder()
    /// Missing-value markers read as missing (see `MissingMarkers`).
    package var markers = MarkerTally()
    /// In a file with decimal commas (CSVDialect.decimalComma): the separator this column's
    /// decimals use, once one is seen, and how many were read with a comma.
    package var decimalSeparator: UInt8 = 0
    package var commaDecimals = 0

    /// Rows the column will probably hold: room is made for them once its type is known, so
    /// ten million values are not copied at every doubling of the array.
    package var expectedRows = 0

    package init(declared: ValueType?, expectedRows: Int = 0) {
        self.declared = declared
        self.expectedRows = expectedRows
        switch declared {
        case .bool?: kind = .bool
        case .integer?: kind = .integer
        case .decimal?: kind = .decimal
        case .date?: kind = .date
        case .datetime?: kind = .datetime
        case .text?: kind = .text
        case .list?: kind = .list
        case nil: kind = .undecided
        }
        reserve(expectedRows)
    }

    package mutating func reserve(_ rows: Int) {
        guard rows > 0 else { return }
        switch kind {
        case .bool: bools.reserveCapacity(rows)
        case .integer: integers.reserveCapacity(rows)
        case .decimal:
            mantissas.reserveCapacity(rows)
            writtenScales.reserveCapacity(rows)
        case .float: floats.reserveCapacity(rows)
        case .date: dates.reserveCapacity(rows)
        case .datetime: datetimes.reserveCapacity(rows)
        case .text: codes.reserveCapacity(rows)
        case .list: listOffsets.reserveCapacity(rows + 1)
        case .undecided: break
        }
    }

    /// After this many rows, a text column with more than half its values distinct stops
    /// de-duplicating (see `TextDictionaryBuilder.stopDeduplicating`).
    package static let cardinalityProbe = 1 << 16

    /// Total bytes of distinct text, which 32-bit offsets must address.
    package var textBytes: Int { dictionary.byteCount }

    @inline(__always)
    package mutating func markMissing() {
        let word = rowCount >> 6
        while missingWords.count <= word { missingWords.append(0) }
        missingWords[word] |= 1 << UInt64(rowCount & 63)
        hasMissing = true
    }

    /// Appends one cell. Empty cells are missing.
    @inline(__always)
    package mutating func append(_ cell: UnsafeBufferPointer<UInt8>) -> Outcome {
        if cell.isEmpty {
            appendMissing()
            return .stored
        }
        switch kind {
        case .text:
            appendText(cell)
        case .integer:
            if let value = ValueParsing.integer(cell, allowLeadingZeros: declared != nil) {
                integers.append(value)
            } else if MissingMarkers.matches(cell) {
                appendMarker(cell)
                return .stored
            } else if declared == .integer {
                return .invalid(expected: .integer)
            } else if !Self.isWholeNumberText(cell), ValueParsing.decimal(cell) != nil {
                widenToDecimal()
                _ = appendNumber(cell, allowLeadingZeros: false)
            } else {
                return .needsText
            }
        case .decimal, .float:
            if !appendNumber(cell, allowLeadingZeros: declared != nil) {
                if MissingMarkers.matches(cell) {
                    appendMarker(cell)
                    return .stored
                }
                return declared == .decimal ? .invalid(expected: .decimal) : .needsText
            }
        case .bool:
            if let value = ValueParsing.bool(cell, lenient: declared == .bool) {
                bools.append(value ? 1 : 0)
            } else if MissingMarkers.matches(cell) {
                appendMarker(cell)
                return .stored
            } else {
                return declared == .bool ? .invalid(expected: .bool) : .needsText
            }
        case .date:
            if let value = CivilDate.parse(cell) {
                dates.append(value)
            } else if MissingMarkers.matches(cell) {
                appendMarker(cell)
                return .stored
            } else if declared == nil, let value = DatetimeText.parse(cell) {
                // Dates, then a time of day: the column holds dates and times, the dates at midnight.
                widenToDatetime()
                datetimes.append(value)
            } else {
                return declared == .date ? .invalid(expected: .date) : .needsText
            }
        case .datetime:
            if let value = DatetimeText.parse(cell) {
                datetimes.append(value)
            } else if let days = CivilDate.parse(cell) {
                datetimes.append(DatetimeText.midnight(days))
            } else if MissingMarkers.matches(cell) {
                appendMarker(cell)
                return .stored
            } else {
                return declared == .datetime ? .invalid(expected: .datetime) : .needsText
            }
        case .list:
            appendListItems(cell)
        case .undecided:
            // A marker says nothing about the type: the values around it decide.
            if MissingMarkers.matches(cell) {
                appendMarker(cell)
                return .stored
            }
            decide(cell)
            return append(cell)
        }
        rowCount += 1
        return .stored
    }

    /// Why `appendSpans` stopped: the column must become text (replay earlier rows, then
    /// append the chunk again), or a value does not fit the declared type.
    package enum SpanStop {
        case needsText
        case invalid(at: Int, expected: ValueType)
    }

    /// Appends one chunk's values of this column, given as spans into `chunk`. Returns why it
    /// stopped early, if it did.
    package mutating func appendSpans(
        _ chunk: UnsafeBufferPointer<UInt8>, spans: SpanTable, field: Int, count: Int, quote: UInt8 = UInt8(ascii: "\""),
        scratch: inout [UInt8]
    ) -> SpanStop? {
        guard let base = chunk.baseAddress else {
            for _ in 0..<count { appendMissing() }
            return nil
        }
        for index in 0..<count {
            let row = spans.row(index)
            let start = Int(row[2 * field])
            let endMark = row[2 * field + 1]
            let outcome: Outcome
            if endMark & SpanTable.escaped != 0 {
                CSVScanner.unescape(chunk, start, Int(endMark & ~SpanTable.escaped), quote: quote, into: &scratch)
                outcome = scratch.withUnsafeBufferPointer { append($0) }
            } else {
                // Safe: the scanner wrote start <= endMark, both offsets inside this chunk of the file.
                outcome = append(UnsafeBufferPointer(start: base + start, count: Int(endMark) - start))
            }
            switch outcome {
            case .stored: continue
            case .needsText: return .needsText
            case .invalid(let expected): return .invalid(at: index, expected: expected)
            }
        }
        return nil
    }

    /// Interns one text value; after `cardinalityProbe` rows, a column of mostly distinct
    /// values stops de-duplicating.
    @inline(__always)
    package mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        codes.append(dictionary.intern(bytes))
        if rowCount == ColumnAccumulator.cardinalityProbe, dictionary.deduplicates,
            dictionary.codeCount > ColumnAccumulator.cardinalityProbe / 2
        {
            dictionary.stopDeduplicating()
        }
    }

    package mutating func appendMissing() {
        markMissing()
        switch kind {
        case .text: codes.append(0)
        case .integer: integers.append(0)
        case .decimal:
            mantissas.append(0)
            writtenScales.append(0)
        case .float:
            floats.append(0)
            codes.append(0)
        case .bool: bools.append(BoolColumn.missingCode)
        case .date: dates.append(0)
        case .datetime: datetimes.append(0)
        case .list: listOffsets.append(UInt32(truncatingIfNeeded: listItems.count))
        case .undecided: break
        }
        rowCount += 1
    }

    /// Picks the type from the first present value, padding the rows already missing; a text
    /// column gets back the markers read so far as its values.
    private mutating func decide(_ cell: UnsafeBufferPointer<UInt8>) {
        defer {
            if kind == .text { restoreMarkersAsText() }
            reserve(expectedRows)
        }
        if ValueParsing.integer(cell) != nil {
            kind = .integer
            integers = [Int64](repeating: 0, count: rowCount)
        } else if ValueParsing.decimal(cell) != nil, !Self.isWholeNumberText(cell) {
            kind = .decimal
            mantissas = [Int64](repeating: 0, count: rowCount)
            writtenScales = [UInt8](repeating: 0, count: rowCount)
        } else if ValueParsing.bool(cell) != nil {
            kind = .bool
            bools = [UInt8](repeating: BoolColumn.missingCode, count: rowCount)
        } else if CivilDate.parse(cell) != nil {
            kind = .date
            dates = [Int32](repeating: 0, count: rowCount)
        } else if DatetimeText.parse(cell) != nil {
            kind = .datetime
            datetimes = [Int64](repeating: 0, count: rowCount)
        } else {
            kind = .text
            codes = [UInt32](repeating: 0, count: rowCount)
        }
    }

    /// A date column meeting a time of day: its dates become their midnights.
    package mutating func widenToDatetime() {
        kind = .datetime
        datetimes = dates.map(DatetimeText.midnight)
        dates = []
    }

    /// Digits only (with a sign): if it did not parse as an integer it is a code or an id too
    /// long for 64 bits, and must stay text.
    private static func isWholeNumberText(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in cell where byte &- 0x30 >= 10 && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "+") {
            return false
        }
        return true
    }

    /// `financial aid; political benefits` → two items, trimmed; empty items dropped.
    package mutating func appendListItems(_ cell: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var index = 0
        while index <= cell.count {
            if index == cell.count || cell[index] == UInt8(ascii: ";") {
                var low = start
                var high = index
                while low < high, isSpace(cell[low]) { low += 1 }
                while high > low, isSpace(cell[high - 1]) { high -= 1 }
                if high > low {
                    listItems.append(dictionary.intern(UnsafeBufferPointer(rebasing: cell[low..<high])))
                }
                start = index + 1
            }
            index += 1
        }
        if listOffsets.last == UInt32(truncatingIfNeeded: listItems.count) { markMissing() }
        listOffsets.append(UInt32(truncatingIfNeeded: listItems.count))
    }

    @inline(__always)
    private func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Forgets the values so far; the caller replays rows `0..<rowCount` as text.
    package mutating func restartAsText() {
        kind = .text
        rowCount = 0
        missingWords = []
        hasMissing = false
        bools = []
        integers = []
        mantissas = []
        decimalScale = 0
        writtenScales = []
        floats = []
        dates = []
        datetimes = []
        codes = []
        // The replay reads the markers again, as text.
        markers = MarkerTally()
    }

    /// The finished column.
    package func build() -> Column {
        let missing = hasMissing ? Bitmap(words: missingWords, count: rowCount) : nil
        switch kind {
        case .integer: return .integer(IntegerColumn(values: integers, missing: missing))
        case .decimal: return buildDecimal(missing: missing)
        case .float:
            return .float(FloatColumn(values: floats, missing: missing, written: TextColumn(codes: codes, dictionary: dictionary.build())))
        case .date: return .date(DateColumn(values: dates, missing: missing))
        case .datetime: return .datetime(IntegerColumn(values: datetimes, missing: missing))
        case .bool: return .bool(BoolColumn(values: bools))
        case .list: return .list(ListColumn(offsets: listOffsets, items: listItems, dictionary: dictionary.build()))
        case .text:
            var codes = codes
            let dictionary = dictionary.deduplicatedIfRepeating(&codes) ?? dictionary
            return .text(TextColumn(codes: codes, dictionary: dictionary.build()))
        case .undecided:
            // Only markers (or nothing): they are the column's text.
            var codes = [UInt32](repeating: 0, count: rowCount)
            for (row, code) in zip(markers.rows, markers.codes) { codes[Int(row)] = code }
            return .text(TextColumn(codes: codes, dictionary: dictionary.build()))
        }
    }
}
