import DossierSupport
import DossierData

extension ColumnAccumulator {
    /// `appendSpans` for files written with decimal commas (`1,5` is one and a half), kept
    /// apart so that other files do not pay for the check. A column reads `1,5` as 1.5 only
    /// while the whole column agrees: a decimal written with a point in the same column makes
    /// it text, and the reader replays it as written.
    package mutating func appendSpansWithDecimalCommas(
        _ chunk: UnsafeBufferPointer<UInt8>, spans: SpanTable, field: Int, count: Int, quote: UInt8, scratch: inout [UInt8]
    ) -> SpanStop? {
        guard let base = chunk.baseAddress else {
            for _ in 0..<count { appendMissing() }
            return nil
        }
        var number: [UInt8] = []
        for index in 0..<count {
            let row = spans.row(index)
            let start = Int(row[2 * field])
            let endMark = row[2 * field + 1]
            let outcome: Outcome
            if endMark & SpanTable.escaped != 0 {
                CSVScanner.unescape(chunk, start, Int(endMark & ~SpanTable.escaped), quote: quote, into: &scratch)
                outcome = scratch.withUnsafeBufferPointer { appendAllowingDecimalComma($0, number: &number) }
            } else {
                // Safe: the scanner's span, inside the chunk.
                outcome = appendAllowingDecimalComma(UnsafeBufferPointer(start: base + start, count: Int(endMark) - start), number: &number)
            }
            switch outcome {
            case .stored: continue
            case .needsText: return .needsText
            case .invalid(let expected): return .invalid(at: index, expected: expected)
            }
        }
        return nil
    }

    private mutating func appendAllowingDecimalComma(_ cell: UnsafeBufferPointer<UInt8>, number: inout [UInt8]) -> Outcome {
        guard kind != .text, kind != .list, !cell.isEmpty else { return append(cell) }
        if let comma = NumberShapes.decimalCommaPosition(cell) {
            if decimalSeparator == UInt8(ascii: ".") && declared == nil { return .needsText }
            decimalSeparator = UInt8(ascii: ",")
            number.removeAll(keepingCapacity: true)
            number.append(contentsOf: cell)
            number[comma - cell.startIndex] = UInt8(ascii: ".")
            let outcome = number.withUnsafeBufferPointer { append($0) }
            if case .stored = outcome { commaDecimals += 1 }
            return outcome
        }
        if decimalSeparator != UInt8(ascii: "."), cell.contains(UInt8(ascii: ".")), ValueParsing.decimal(cell) != nil {
            if decimalSeparator == UInt8(ascii: ",") && declared == nil { return .needsText }
            decimalSeparator = UInt8(ascii: ".")
        }
        return append(cell)
    }
}
