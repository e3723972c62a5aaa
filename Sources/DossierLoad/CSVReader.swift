import DossierSupport
import DossierDiagnostics
import DossierData

/// Reads CSV and TSV (§6) into a dataset: a header row (names may declare a type,
/// `people:int`), then one record a row. How the file is written (delimiter, quote, comments,
/// title lines, header or not, decimal commas) is guessed from its first rows by
/// DialectSniffer unless `load` was told (LoadOptions), and what was guessed is said in one
/// note. All or nothing: any bad input throws a diagnostic naming the file, line and column.
///
/// It works in chunks of records, in two phases: the scanner finds every field's byte span
/// (eight bytes at a time), then each column turns its spans into typed values in one tight
/// loop. Columns are independent in the second phase.
public enum CSVReader {
    public static let maximumRows = Int(Int32.max)
    /// Records per chunk: their spans stay in cache while the columns are built.
    package static let chunkRecords = 8192
    /// Files at least this big build columns on two threads.
    package static let parallelThreshold = 4 << 20

    public static func read(
        _ bytes: [UInt8], path: String, name: String, delimiter: UInt8 = UInt8(ascii: ","),
        options: LoadOptions = LoadOptions(), monitor: LoadMonitor = LoadMonitor()
    ) throws(Diagnostic) -> LoadResult {
        try read(FileBytes(bytes), path: path, name: name, delimiter: delimiter, options: options, monitor: monitor)
    }

    /// `delimiter` is the one the file's extension suggests; the sniffer may find another.
    public static func read(
        _ file: FileBytes, path: String, name: String, delimiter: UInt8 = UInt8(ascii: ","),
        options: LoadOptions = LoadOptions(), monitor: LoadMonitor = LoadMonitor()
    ) throws(Diagnostic) -> LoadResult {
        var reader = Reader(file: file, path: path, defaultDelimiter: delimiter, options: options, monitor: monitor)
        return try reader.read(name: name)
    }

    /// One load's state.
    private struct Reader {
        package let file: FileBytes
        // Safe: `file.buffer`, alive as long as `file`, which this reader holds.
        package let buffer: UnsafeBufferPointer<UInt8>
        package let locator: ByteLocator
        package let defaultDelimiter: UInt8
        package let options: LoadOptions
        package var dialect: CSVDialect
        package var hasHeader = true
        package let monitor: LoadMonitor
        package var validated = 0
        package var shortRows = 0
        package var firstShortRow = 0
        /// Rows with more cells than the header, all of them empty (`1,2,`): loaded, with a warning.
        package var paddedRows = 0
        package var firstPaddedRow = 0
        /// Bytes before this mark were handed back to the system (see `FileBytes.release`).
        package var released = 0

        package init(file: FileBytes, path: String, defaultDelimiter: UInt8, options: LoadOptions, monitor: LoadMonitor) {
            self.file = file
            buffer = file.buffer
            locator = ByteLocator(buffer: file.buffer, path: path)
            self.defaultDelimiter = defaultDelimiter
            self.options = options
            dialect = CSVDialect(delimiter: options.delimiter ?? defaultDelimiter)
            self.monitor = monitor
        }

        package var path: String { locator.path }

        /// Checks the bytes ahead of `offset` for UTF-8 and NUL before they are parsed.
        package mutating func validate(through offset: Int) throws(Diagnostic) {
            guard offset > validated, validated < buffer.count else { return }
            var end = min(buffer.count, max(offset, validated + (4 << 20)))
            while end < buffer.count, buffer[end] & 0xC0 == 0x80 { end += 1 }  // not inside a character
            try TextValidation.check(buffer, from: validated, to: end, locator: locator)
            validated = end
        }

        package mutating func read(name: String) throws(Diagnostic) -> LoadResult {
            var start = 0
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            validated = start
            try validate(through: start + 1)

            if let skip = options.skip { start = DialectSniffer.offset(afterLines: skip, in: buffer, from: start) }
            let guess = DialectSniffer.sniff(buffer, from: start, defaultDelimiter: defaultDelimiter, options: options)
            dialect = guess.dialect
            hasHeader = guess.hasHeader
            var scanner = CSVScanner(buffer, dialect: dialect, position: guess.headerOffset)
            guard scanner.skipBlankLines() else {
                if let skip = options.skip, skip > 0 {
                    let lines = DialectSniffer.lineCount(in: buffer)
                    if skip >= lines { throw LoadMessages.skipLeavesNothing(path, skip: skip, lines: lines) }
                }
                throw LoadMessages.emptyCSV(path)
            }
            let headerStart = scanner.position
            var headerCells: [String] = []
            if hasHeader {
                while true {
                    let cellStart = scanner.position
                    let (cell, end) = try scan(&scanner) { String(decoding: $0, as: UTF8.self) }
                    headerCells.append(cell)
                    if headerCells.count > DataLimits.maximumFields {
                        throw LoadMessages.tooManyHeaderFields(limit: DataLimits.maximumFields, at: locator.diagnosticLocation(cellStart))
                    }
                    if end != .delimiter { break }
                }
            } else {
                guard guess.columnCount <= DataLimits.maximumFields else {
                    throw LoadMessages.tooManyHeaderFields(limit: DataLimits.maximumFields, at: locator.diagnosticLocation(headerStart))
                }
                headerCells = guess.namesFromComment ?? (1...guess.columnCount).map { "column_\($0)" }
            }
            var warnings: [Diagnostic] = []
            let header = HeaderParser.parse(headerCells, path: path, line: locator.location(of: headerStart).line, warnings: &warnings)
            let dataStart = scanner.position

            let fieldCount = header.count
            let expectedRows = max(16, buffer.count / max(1, dataStart - headerStart))
            let converter = ChunkConverter(
                columns: header.map { ColumnAccumulator(declared: $0.declared, expectedRows: min(expectedRows, 1 << 22)) },
                context: ConversionContext(buffer: buffer, dialect: dialect, dataStart: dataStart, locator: locator, header: header))
            defer { converter.deallocate() }
            // Two span tables: the scanner fills one while the columns are built from the other.
            let tables = [SpanTable(records: CSVReader.chunkRecords, fields: fieldCount),
                          SpanTable(records: CSVReader.chunkRecords, fields: fieldCount)]
            defer { tables.forEach { $0.deallocate() } }
            let parallel = buffer.count >= CSVReader.parallelThreshold
            var current = 0
            var rows = 0
            var pending = try scanChunk(&scanner, into: tables[current], fieldCount: fieldCount)
            // The first chunk's bytes a record tell how many records the file holds (the
            // header's length, used above, can be far from a record's).
            if pending.count > 0, scanner.position > dataStart {
                let perRecord = Double(scanner.position - dataStart) / Double(pending.count)
                converter.expect(rows: Int(Double(buffer.count - dataStart) / perRecord * 1.02) + 16)
            }
            while pending.count > 0 {
                let (count, chunkStart) = pending
                if rows + count > CSVReader.maximumRows {
                    throw LoadMessages.tooManyRows(limit: CSVReader.maximumRows, at: locator.diagnosticLocation(chunkStart))
                }
                converter.prepare(spans: tables[current], count: count, chunkStart: chunkStart, rowsBefore: rows)
                let helper = parallel ? converter.startHelper() : nil
                var scanFailure: Diagnostic?
                do throws(Diagnostic) {
                    pending = try scanChunk(&scanner, into: tables[1 - current], fieldCount: fieldCount)
                } catch {
                    scanFailure = error
                    pending = (0, 0)
                }
                converter.work(slot: 0)
                helper?.wait()
                // An error in this chunk comes before one in the next.
                if let failure = converter.failure { throw failure }
                if let scanFailure { throw scanFailure }
                rows += count
                current = 1 - current
                try monitor.checkpoint(scanner.position, of: buffer.count, path: path)
                released = file.release(from: released, upTo: chunkStart)
            }
            let columns = converter.finish()
            if shortRows > 0 {
                warnings.append(LoadMessages.shortRows(shortRows, header: hasHeader, at: locator.diagnosticLocation(firstShortRow)))
            }
            if paddedRows > 0 {
                warnings.append(LoadMessages.emptyExtraCells(paddedRows, fields: fieldCount, at: locator.diagnosticLocation(firstPaddedRow)))
            }
            try validate(through: buffer.count)
            try monitor.checkpoint(buffer.count, of: buffer.count, path: path)
            for column in columns where column.textBytes > Int(UInt32.max) {
                throw LoadMessages.distinctTextTooLarge(path)
            }
            let built = columns.map { $0.build() }
            var fields = zip(header, built).map { Field($0.name, $1.type) }
            warnings += LoadNotes.annotate(&fields, columns: columns, built: built, declared: header.map(\.declared)) { row, field in
                let start = cellOffset(row, field: field, dataStart: dataStart)
                return (locator.diagnosticLocation(start), LoadMessages.line(locator.location(of: start).line))
            }
            let dataset = Dataset(name: name, fields: fields, columns: built, rowCount: rows, origin: path)
            var report = DialectReport(guess: guess, commentLines: guess.commentLinesBefore + scanner.commentLines)
            report.decimalCommaFields = zip(fields, columns).filter { $1.commaDecimals > 0 && $0.type == .decimal }.map(\.0.name)
            report.headerLine = hasHeader ? nil : locator.location(of: headerStart).line
            return LoadResult(dataset: dataset, warnings: warnings, notes: LoadMessages.readAs(path, report).map { [$0] } ?? [])
        }

        /// Phase 1: the field spans of up to `chunkRecords` records. Returns how many, and the
        /// offset where the chunk starts.
        private mutating func scanChunk(
            _ scanner: inout CSVScanner, into spans: SpanTable, fieldCount: Int
        ) throws(Diagnostic) -> (count: Int, chunkStart: Int) {
            var count = 0
            let chunkStart = scanner.position
            while count < CSVReader.chunkRecords, scanner.position - chunkStart < SpanTable.maximumChunkBytes,
                scanner.skipBlankLines()
            {
                let recordStart = scanner.position
                if recordStart + (1 << 20) > validated { try validate(through: recordStart + (1 << 20)) }
                let row = spans.row(count)
                var field = 0
                while true {
                    guard field < fieldCount else {
                        // `1,2,` under a header of two: the extra cells are empty, nothing is lost.
                        if onlyEmptyCellsFollow(&scanner) {
                            if paddedRows == 0 { firstPaddedRow = recordStart }
                            paddedRows += 1
                            break
                        }
                        let (found, more) = countFields(recordStart, expected: fieldCount)
                        throw raggedRow(recordStart: recordStart, found: found, more: more, expected: fieldCount)
                    }
                    let (spanStart, spanEnd, end) = try scanSpan(&scanner)
                    if (spanEnd & ~CSVScanner.escapedFlag) - spanStart > DataLimits.maximumValueBytes {
                        throw LoadMessages.valueTooLong(limitBytes: DataLimits.maximumValueBytes, at: locator.diagnosticLocation(spanStart))
                    }
                    row[2 * field] = UInt32(truncatingIfNeeded: spanStart - chunkStart)
                    row[2 * field + 1] = spanEnd & CSVScanner.escapedFlag != 0
                        ? UInt32(truncatingIfNeeded: (spanEnd & ~CSVScanner.escapedFlag) - chunkStart) | SpanTable.escaped
                        : UInt32(truncatingIfNeeded: spanEnd - chunkStart)
                    field += 1
                    if end != .delimiter { break }
                }
                if field < fieldCount {
                    // Short rows are common in exports (trailing empty cells left out): the cells
                    // are missing, with one warning. Long rows would lose data: they are errors.
                    for missing in field..<fieldCount {
                        row[2 * missing] = 0
                        row[2 * missing + 1] = 0
                    }
                    if shortRows == 0 { firstShortRow = recordStart }
                    shortRows += 1
                }
                count += 1
            }
            return (count, chunkStart)
        }

        private func scanSpan(_ scanner: inout CSVScanner) throws(Diagnostic) -> (Int, Int, CSVScanner.FieldEnd) {
            do throws(CSVScanner.Failure) {
                return try scanner.scanSpan()
            } catch {
                throw diagnostic(error)
            }
        }

        private func scan<R>(
            _ scanner: inout CSVScanner, _ body: (UnsafeBufferPointer<UInt8>) -> R
        ) throws(Diagnostic) -> (R, CSVScanner.FieldEnd) {
            var scratch: [UInt8] = []
            do throws(CSVScanner.Failure) {
                return try scanner.nextField(scratch: &scratch, body)
            } catch {
                throw diagnostic(error)
            }
        }

        private func diagnostic(_ failure: CSVScanner.Failure) -> Diagnostic {
            switch failure {
            case .unterminatedQuote(let start):
                return LoadMessages.unterminatedQuote(at: locator.diagnosticLocation(start))
            case .textAfterQuote(let offset):
                return LoadMessages.textAfterQuote(at: locator.diagnosticLocation(offset))
            }
        }

        private func raggedRow(recordStart: Int, found: Int, more: Bool, expected: Int) -> Diagnostic {
            LoadMessages.raggedRow(found: found, more: more, expected: expected, delimiter: dialect.delimiter, header: hasHeader,
                path: path, at: locator.diagnosticLocation(recordStart))
        }

        /// Reads the rest of a record; true when every cell of it is empty.
        private func onlyEmptyCellsFollow(_ scanner: inout CSVScanner) -> Bool {
            while true {
                guard let (start, end, terminator) = try? scanner.scanSpan(), (end & ~CSVScanner.escapedFlag) == start else { return false }
                if terminator != .delimiter { return true }
            }
        }

        /// Where cell `field` of record `row` starts (0 is the first after the header), by
        /// scanning again: only for a warning, so the file is read once more up to that record.
        private func cellOffset(_ row: Int, field: Int, dataStart: Int) -> Int {
            var scanner = CSVScanner(buffer, dialect: dialect, position: dataStart)
            var index = 0
            while scanner.skipBlankLines() {
                if index == row {
                    for _ in 0..<field {
                        guard let (_, _, end) = try? scanner.scanSpan(), end == .delimiter else { break }
                    }
                    return scanner.position
                }
                while let (_, _, end) = try? scanner.scanSpan(), end == .delimiter {}
                index += 1
            }
            return dataStart
        }

        /// Counts the fields of the record at `start`, for the ragged-row message; stops
        /// counting a little past the header's count (a runaway line can be huge).
        private func countFields(_ start: Int, expected: Int) -> (count: Int, more: Bool) {
            var scanner = CSVScanner(buffer, dialect: dialect, position: start)
            var count = 0
            while true {
                guard let (_, _, end) = try? scanner.scanSpan() else { return (count + 1, false) }
                count += 1
                if end != .delimiter { return (count, false) }
                if count > expected + 100 { return (count, true) }
            }
        }
    }
}
