/// Reads CSV and TSV (§6) into a dataset: a header row (names may declare a type,
/// `people:int`), then one record a row, typed column by column in the same pass.
/// All or nothing: any bad input throws a diagnostic naming the file, line and column.
public enum CSVReader {
    public static let maximumRows = Int(Int32.max)

    public static func read(
        _ bytes: [UInt8], path: String, name: String, delimiter: UInt8 = UInt8(ascii: ","),
        monitor: LoadMonitor = LoadMonitor()
    ) throws(Diagnostic) -> LoadResult {
        try read(FileBytes(bytes), path: path, name: name, delimiter: delimiter, monitor: monitor)
    }

    public static func read(
        _ file: FileBytes, path: String, name: String, delimiter: UInt8 = UInt8(ascii: ","),
        monitor: LoadMonitor = LoadMonitor()
    ) throws(Diagnostic) -> LoadResult {
        let buffer = file.buffer
        let locator = ByteLocator(buffer: buffer, path: path)
        var start = 0
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        var validated = start
        /// Checks the bytes ahead of `offset` before they are parsed.
        func validate(through offset: Int) throws(Diagnostic) {
            guard offset > validated, validated < buffer.count else { return }
            var end = min(buffer.count, max(offset, validated + (4 << 20)))
            while end < buffer.count, buffer[end] & 0xC0 == 0x80 { end += 1 }  // not inside a character
            try TextValidation.check(buffer, from: validated, to: end, locator: locator)
            validated = end
        }
        try validate(through: start + 1)

        var scanner = CSVScanner(buffer, delimiter: delimiter, position: start)
        guard scanner.skipBlankLines() else {
            throw Diagnostic(.badData, "the file is empty", at: .path(path),
                hint: "a CSV file needs a header row naming its fields, such as: name,region")
        }
        var scratch: [UInt8] = []
        let headerStart = scanner.position
        var headerCells: [String] = []
        while true {
            let (cell, end) = try scan(&scanner, &scratch, locator) { String(decoding: $0, as: UTF8.self) }
            headerCells.append(cell)
            if end != .delimiter { break }
        }
        var warnings: [Diagnostic] = []
        let header = HeaderParser.parse(headerCells, path: path, line: locator.location(of: headerStart).line, warnings: &warnings)

        let expectedRows = max(16, buffer.count / max(1, (scanner.position - headerStart)))
        var columns = header.map { ColumnAccumulator(declared: $0.declared, expectedRows: min(expectedRows, 1 << 22)) }
        var recordStarts: [Int] = []
        recordStarts.reserveCapacity(min(expectedRows, 1 << 22))
        let fieldCount = header.count
        var shortRows = 0
        var firstShortRow = 0

        while scanner.skipBlankLines() {
            let recordStart = scanner.position
            let row = recordStarts.count
            if row >= maximumRows {
                throw Diagnostic(.tooLarge, "more than \(maximumRows) rows", at: locator.diagnosticLocation(recordStart))
            }
            if recordStart + (1 << 20) > validated { try validate(through: recordStart + (1 << 20)) }
            if row & 0xFFFF == 0 {
                try monitor.checkpoint(recordStart, of: buffer.count, path: path)
                file.release(upTo: recordStart)
            }
            recordStarts.append(recordStart)
            var field = 0
            while true {
                let fieldStart = scanner.position
                guard field < fieldCount else {
                    throw raggedRow(locator, recordStart: recordStart, found: countFields(buffer, delimiter, recordStart), expected: fieldCount)
                }
                let (outcome, end) = try scan(&scanner, &scratch, locator) { columns[field].append($0) }
                switch outcome {
                case .stored:
                    break
                case .needsText:
                    try replayAsText(&columns[field], field: field, upTo: row, recordStarts: recordStarts, buffer: buffer, delimiter: delimiter, locator: locator)
                    scanner.position = fieldStart
                    _ = try scan(&scanner, &scratch, locator) { columns[field].append($0) }
                case .invalid(let expected):
                    let cellText = cellPreview(buffer, delimiter: delimiter, at: fieldStart)
                    throw Diagnostic(.badData,
                        "`\(cellText)` is not \(article(expected)) \(expected.rawValue) (field `\(header[field].name)` is declared :\(expected.headerName))",
                        at: locator.diagnosticLocation(fieldStart),
                        hint: "fix the value, leave the cell empty for missing, or remove the type from the header")
                }
                field += 1
                if end != .delimiter { break }
            }
            if field != fieldCount {
                // Short rows are common in exports (trailing empty cells left out): the missing
                // cells are empty, with a warning. Long rows would lose data: they are errors.
                for missing in field..<fieldCount { columns[missing].appendMissing() }
                if shortRows == 0 { firstShortRow = recordStart }
                shortRows += 1
            }
        }
        if shortRows > 0 {
            warnings.append(Diagnostic(.dataWarning,
                "\(shortRows) row\(shortRows == 1 ? " has" : "s have") fewer fields than the header; the cells left out are missing",
                at: locator.diagnosticLocation(firstShortRow), severity: .warning))
        }
        try validate(through: buffer.count)
        try monitor.checkpoint(buffer.count, of: buffer.count, path: path)
        for column in columns where column.textBytes > Int(UInt32.max) {
            throw Diagnostic(.tooLarge, "a text field holds more than 4 GB of distinct text", at: .path(path))
        }
        let built = columns.map { $0.build() }
        let dataset = Dataset(
            name: name, fields: zip(header, built).map { Field($0.name, $1.type) }, columns: built,
            rowCount: recordStarts.count, origin: path)
        return LoadResult(dataset: dataset, warnings: warnings)
    }

    private static func article(_ type: ValueType) -> String {
        type == .integer ? "an" : "a"
    }

    @inline(__always)
    private static func scan<R>(
        _ scanner: inout CSVScanner, _ scratch: inout [UInt8], _ locator: ByteLocator,
        _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) throws(Diagnostic) -> (R, CSVScanner.FieldEnd) {
        do throws(CSVScanner.Failure) {
            return try scanner.nextField(scratch: &scratch, body)
        } catch {
            switch error {
            case .unterminatedQuote(let start):
                throw Diagnostic(.badData, "a quoted field is never closed", at: locator.diagnosticLocation(start),
                    hint: "add the closing \" (a quote inside a quoted field is written twice: \"\")")
            case .textAfterQuote(let offset):
                throw Diagnostic(.badData, "text after the closing quote of a field", at: locator.diagnosticLocation(offset),
                    hint: "a quote inside a quoted field is written twice: \"5\"\" screen\"")
            }
        }
    }

    /// Re-reads rows `0..<row` of one field as text after its inferred type failed.
    private static func replayAsText(
        _ column: inout ColumnAccumulator, field: Int, upTo row: Int, recordStarts: [Int],
        buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8, locator: ByteLocator
    ) throws(Diagnostic) {
        column.restartAsText()
        var scratch: [UInt8] = []
        for previous in 0..<row {
            var scanner = CSVScanner(buffer, delimiter: delimiter, position: recordStarts[previous])
            for _ in 0..<field {
                _ = try scan(&scanner, &scratch, locator) { _ in () }
            }
            _ = try scan(&scanner, &scratch, locator) { column.append($0) }
        }
    }

    private static func raggedRow(_ locator: ByteLocator, recordStart: Int, found: Int, expected: Int) -> Diagnostic {
        let many = found > expected
        return Diagnostic(.badData,
            "this row has \(found) field\(found == 1 ? "" : "s"), the header has \(expected)",
            at: locator.diagnosticLocation(recordStart),
            hint: many
                ? "a value with a comma must be quoted: \"Libya, Rwanda\""
                : "every row needs a value (or an empty cell) for each header field")
    }

    /// Counts the fields of the record at `start`, for the ragged-row message.
    private static func countFields(_ buffer: UnsafeBufferPointer<UInt8>, _ delimiter: UInt8, _ start: Int) -> Int {
        var scanner = CSVScanner(buffer, delimiter: delimiter, position: start)
        var scratch: [UInt8] = []
        var count = 0
        while true {
            guard let (_, end) = try? scanner.nextField(scratch: &scratch, { _ in () }) else { return count + 1 }
            count += 1
            if end != .delimiter { return count }
        }
    }

    private static func cellPreview(_ buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8, at start: Int) -> String {
        var scanner = CSVScanner(buffer, delimiter: delimiter, position: start)
        var scratch: [UInt8] = []
        let text = (try? scanner.nextField(scratch: &scratch) { String(decoding: $0, as: UTF8.self) })?.0 ?? ""
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

/// A loaded dataset and the warnings worth showing (renamed headers, ...).
public struct LoadResult: Sendable {
    public var dataset: Dataset
    public var warnings: [Diagnostic]
}
