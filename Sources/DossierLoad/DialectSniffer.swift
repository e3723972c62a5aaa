import DossierSupport
import DossierData

/// Guesses how a delimited text file is written from its first rows (at most 64 KB or 200
/// records), as DuckDB's and Python's sniffers do, so that exports load as they come: the
/// delimiter (`,` `;` tab `|`), the quote, `#` comment lines, title lines before the header,
/// whether the first row is a header at all, and decimal commas. Whatever `load` was told
/// (LoadOptions) is taken as given, never second-guessed.
package enum DialectSniffer {
    package static let sampleBytes = 64 << 10
    package static let sampleRecords = 200
    /// Title and note lines before the header, at most.
    package static let maximumPreamble = 20
    package static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// What was found, and which of it was a guess (to say so after the load).
    package struct Guess {
        package var dialect: CSVDialect
        /// Where the header (or, without one, the first record) starts.
        package var headerOffset: Int
        package var hasHeader: Bool
        /// Without a header: the column names from the comment line above the data, if one fits.
        package var namesFromComment: [String]?
        /// Without a header: how many columns the first rows have.
        package var columnCount: Int
        package var commentLinesBefore = 0
        package var preambleLines = 0
        package var guessedDelimiter = false
        package var guessedQuote = false
        package var guessedNoHeader = false
    }

    /// A record of the sample: where it starts and its cells.
    private struct Record {
        var start: Int
        var cells: [String]
        var nonEmpty: Int { cells.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }
        /// Fields up to the last non-empty one: `1,2,,` is as wide as `1,2`.
        var width: Int { (cells.lastIndex { !$0.isEmpty } ?? -1) + 1 }
    }

    package static func sniff(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, defaultDelimiter: UInt8, options: LoadOptions
    ) -> Guess {
        var end = min(buffer.count, start + sampleBytes)
        if end < buffer.count, let lastNewline = (start..<end).last(where: { buffer[$0] == 0x0A }) { end = lastNewline + 1 }
        let sample = UnsafeBufferPointer(rebasing: buffer[0..<end])
        let comments = usesComments(sample, from: start)
        let quote = options.quote ?? UInt8(ascii: "\"")
        let order = options.delimiter.map { [$0] } ?? [defaultDelimiter] + candidates.filter { $0 != defaultDelimiter }

        // The delimiter that splits the most records into two fields or more, then the one
        // whose records most often agree on a count, then the one that skips the fewest
        // lines, then the most fields, then the usual one.
        var best: (score: (Double, Double, Int, Int, Int), delimiter: UInt8, records: [Record], preamble: Int)?
        for (rank, delimiter) in order.enumerated() {
            let dialect = CSVDialect(delimiter: delimiter, quote: quote, comments: comments)
            let records = self.records(sample, from: start, dialect: dialect)
            let preamble = options.skip == nil ? preambleCount(records) : 0
            let tail = records.dropFirst(preamble)
            // Title lines stand above a header and at least one record.
            guard !tail.isEmpty, preamble == 0 || tail.count >= 2 else { continue }
            let counts = tail.map(\.cells.count)
            let mode = self.mode(counts)
            guard mode >= 2 || options.delimiter != nil else { continue }
            let agreeing = counts.filter { $0 == mode }.count
            // One long row among short ones is no dialect: a few records must agree on it.
            guard options.delimiter != nil || (agreeing >= min(2, tail.count) && agreeing * 2 >= tail.count) else { continue }
            let split = Double(counts.filter { $0 >= 2 }.count) / Double(tail.count)
            let agree = Double(agreeing) / Double(tail.count)
            let score = (split, agree, -preamble, mode, -rank)
            if best.map({ score > $0.score }) ?? true { best = (score, delimiter, records, preamble) }
        }
        var chosenDelimiter = best?.delimiter ?? options.delimiter ?? defaultDelimiter
        var records = best?.records ?? self.records(sample, from: start, dialect: CSVDialect(delimiter: chosenDelimiter, quote: quote, comments: comments))
        let preamble = best?.preamble ?? 0
        var guessedQuote = false
        if options.quote == nil, singleQuoted(sample, from: start, delimiter: chosenDelimiter) {
            records = self.records(sample, from: start, dialect: CSVDialect(delimiter: chosenDelimiter, quote: UInt8(ascii: "'"), comments: comments))
            guessedQuote = true
        }
        if records.isEmpty { chosenDelimiter = options.delimiter ?? chosenDelimiter }
        let tail = Array(records.dropFirst(preamble))
        let headerOffset = tail.first?.start ?? end

        var dialect = CSVDialect(delimiter: chosenDelimiter, quote: guessedQuote ? UInt8(ascii: "'") : quote, comments: comments)
        dialect.decimalComma = chosenDelimiter != UInt8(ascii: ",")
            && tail.contains { $0.cells.contains(where: NumberShapes.isDecimalComma) }
        let widest = tail.map(\.width).max() ?? 0
        // Names in the comment above the data (`#code<TAB>coordinates<TAB>TZ`), when they fit
        // the widest row and the first row is narrower than that: no header names every column.
        let fromComment = comments ? commentNames(sample, from: start, before: headerOffset, dialect: dialect, count: widest) : nil
        let narrowFirst = tail.first.map { first in tail.dropFirst().contains { $0.width > first.width } } ?? false
        var guessedNoHeader = false
        if options.header == nil, best != nil {
            guessedNoHeader = (narrowFirst && fromComment != nil) || !looksLikeHeader(tail)
        }
        let hasHeader = options.header ?? !guessedNoHeader
        var guess = Guess(dialect: dialect, headerOffset: headerOffset, hasHeader: hasHeader, namesFromComment: nil,
            columnCount: max(1, widest))
        if !hasHeader { guess.namesFromComment = fromComment }
        (guess.commentLinesBefore, guess.preambleLines) = countLines(sample, from: start, to: headerOffset, comments: comments)
        guess.guessedDelimiter = options.delimiter == nil && chosenDelimiter != defaultDelimiter
        guess.guessedQuote = guessedQuote
        guess.guessedNoHeader = guessedNoHeader
        return guess
    }

    /// Where the text starts after `count` lines (LF, CRLF or CR) from `start`.
    package static func offset(afterLines count: Int, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        var lines = 0
        while index < buffer.count, lines < count {
            let byte = buffer[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index >= buffer.count || buffer[index] != 0x0A)) { lines += 1 }
        }
        return index
    }

    /// The lines of the file, the last one counted even without a line break.
    package static func lineCount(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 0
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index >= buffer.count || buffer[index] != 0x0A)) { lines += 1 }
        }
        if let last = buffer.last, last != 0x0A, last != 0x0D { lines += 1 }
        return lines
    }

    // MARK: - The parts of a guess

    /// `#` starts comment lines when a line of the sample starts with it and either the
    /// first line does too or such lines are few (a column of `#FF0000` colours is data).
    private static func usesComments(_ sample: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var hashLines = 0
        var lines = 0
        var firstIsHash: Bool?
        forEachLine(sample, from: start) { first in
            lines += 1
            if firstIsHash == nil { firstIsHash = first == UInt8(ascii: "#") }
            if first == UInt8(ascii: "#") { hashLines += 1 }
        }
        return hashLines > 0 && (firstIsHash == true || hashLines * 2 < lines)
    }

    /// Calls `body` with the first byte of each line that is not blank (a spreadsheet's error
    /// value such as `#N/A` is given as its second byte: it is data, not a `#` comment).
    private static func forEachLine(_ sample: UnsafeBufferPointer<UInt8>, from start: Int, _ body: (UInt8) -> Void) {
        var index = start
        while index < sample.count {
            while index < sample.count, sample[index] == UInt8(ascii: " ") || sample[index] == 0x09 { index += 1 }
            if index < sample.count, sample[index] != 0x0A, sample[index] != 0x0D {
                body(CSVScanner.startsWithErrorValue(sample, at: index) ? sample[index + 1] : sample[index])
            }
            while index < sample.count, sample[index] != 0x0A, sample[index] != 0x0D { index += 1 }
            index += 1
        }
    }

    /// The records of the sample, up to the first that does not scan (a quote cut by the
    /// sample's end, or text after a quote: a wrong delimiter).
    private static func records(_ sample: UnsafeBufferPointer<UInt8>, from start: Int, dialect: CSVDialect) -> [Record] {
        var scanner = CSVScanner(sample, dialect: dialect, position: start)
        var records: [Record] = []
        var scratch: [UInt8] = []
        while records.count < sampleRecords, scanner.skipBlankLines() {
            let recordStart = scanner.position
            var cells: [String] = []
            while true {
                guard let (cell, end) = try? scanner.nextField(scratch: &scratch, { String(decoding: $0, as: UTF8.self) }) else {
                    return records
                }
                cells.append(cell)
                if end != .delimiter || cells.count > DataLimits.maximumFields { break }
            }
            records.append(Record(start: recordStart, cells: cells))
        }
        return records
    }

    /// Title and note lines before the header: leading records with at most one non-empty
    /// cell (`Population by region;;;`), when a record with two or more follows soon.
    private static func preambleCount(_ records: [Record]) -> Int {
        guard let first = records.firstIndex(where: { $0.nonEmpty >= 2 }), first <= maximumPreamble else { return 0 }
        return first
    }

    private static func mode(_ counts: [Int]) -> Int {
        var tally: [Int: Int] = [:]
        for count in counts { tally[count, default: 0] += 1 }
        return tally.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key ?? 0
    }

    /// `'` quotes fields when some fields start and end with it and none starts with `"`.
    private static func singleQuoted(_ sample: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Bool {
        var single = 0
        var double = 0
        var index = start
        var fieldStart = true
        while index < sample.count {
            let byte = sample[index]
            if fieldStart {
                if byte == UInt8(ascii: "\"") { double += 1 }
                if byte == UInt8(ascii: "'") {
                    var end = index + 1
                    while end < sample.count, sample[end] != delimiter, sample[end] != 0x0A, sample[end] != 0x0D { end += 1 }
                    if end - index >= 2, sample[end - 1] == UInt8(ascii: "'") { single += 1 }
                }
            }
            fieldStart = byte == delimiter || byte == 0x0A || byte == 0x0D
            index += 1
        }
        return double == 0 && single >= 2
    }

    /// A first row is a header unless it looks like data: each of its cells has the type of
    /// its column where the rest of the column is all numbers, dates or booleans (`2019`
    /// above a column of numbers is read as a header only with the `header` option).
    private static func looksLikeHeader(_ tail: [Record]) -> Bool {
        guard let first = tail.first, tail.count >= 2 else { return true }
        if first.cells.contains(where: \.isEmpty) { return true }
        var typedColumns = 0
        for column in first.cells.indices {
            var kind: NumberShapes.Kind?
            var uniform = true
            for record in tail.dropFirst() where column < record.cells.count && !record.cells[column].isEmpty {
                let found = NumberShapes.kind(of: record.cells[column])
                if found == .text || (kind != nil && kind != found) {
                    uniform = false
                    break
                }
                kind = found
            }
            guard uniform, let kind else { continue }
            typedColumns += 1
            if NumberShapes.kind(of: first.cells[column]) != kind { return true }
        }
        return typedColumns == 0
    }

    /// The last comment line before the data, as names, when it splits into as many fields
    /// as the rows have (`#code<TAB>coordinates<TAB>TZ<TAB>comments` in tz's zone1970.tab).
    private static func commentNames(
        _ sample: UnsafeBufferPointer<UInt8>, from start: Int, before offset: Int, dialect: CSVDialect, count: Int
    ) -> [String]? {
        var lineStart: Int?
        var index = start
        while index < offset {
            var first = index
            while first < offset, sample[first] == UInt8(ascii: " ") { first += 1 }
            if first < offset, sample[first] == UInt8(ascii: "#") { lineStart = first + 1 }
            while index < offset, sample[index] != 0x0A, sample[index] != 0x0D { index += 1 }
            index += 1
        }
        guard let lineStart else { return nil }
        var lineEnd = lineStart
        while lineEnd < sample.count, sample[lineEnd] != 0x0A, sample[lineEnd] != 0x0D { lineEnd += 1 }
        let line = UnsafeBufferPointer(rebasing: sample[lineStart..<lineEnd])
        var plain = dialect
        plain.comments = false
        let cells = records(line, from: 0, dialect: plain).first?.cells ?? []
        guard cells.count == count, count >= 2, !cells.contains(where: \.isEmpty) else { return nil }
        return cells
    }

    /// Comment lines and other non-blank lines between `start` and `end`.
    private static func countLines(
        _ sample: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, comments: Bool
    ) -> (comments: Int, others: Int) {
        var commentLines = 0
        var others = 0
        forEachLine(UnsafeBufferPointer(rebasing: sample[0..<min(end, sample.count)]), from: start) { first in
            if comments && first == UInt8(ascii: "#") { commentLines += 1 } else { others += 1 }
        }
        return (commentLines, others)
    }
}

/// The shapes of cell text the sniffer tells apart, by the same parsers the loader uses.
package enum NumberShapes {
    package enum Kind: Equatable { case number, date, bool, text }

    package static func kind(of text: String) -> Kind {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { cell in
            if ValueParsing.integer(cell) != nil || ValueParsing.decimal(cell) != nil || isDecimalComma(text) { return .number }
            if CivilDate.parse(cell) != nil { return .date }
            if ValueParsing.bool(cell) != nil { return .bool }
            return .text
        }
    }

    /// `1,5`, `-12,75`: digits, one comma, digits.
    package static func isDecimalComma(_ text: String) -> Bool {
        decimalCommaPosition(Array(text.utf8)) != nil
    }

    /// Where the comma of a decimal-comma number is, or nil.
    @inline(__always)
    package static func decimalCommaPosition<C: Collection>(_ bytes: C) -> C.Index? where C.Element == UInt8 {
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            index = bytes.index(after: index)
        }
        var before = 0
        var comma: C.Index?
        var after = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if comma == nil { before += 1 } else { after += 1 }
            } else if byte == UInt8(ascii: ","), comma == nil {
                comma = index
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        return before > 0 && after > 0 ? comma : nil
    }
}
