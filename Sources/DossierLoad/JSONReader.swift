#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import DossierSupport
import DossierDiagnostics
import DossierData

/// Reads JSON (§6) into a dataset: an array of objects, or an object with exactly one array
/// member (as API exports look: `{"count": 3, "results": [...]}`), or JSON Lines, one object a
/// line. null and absent keys are missing; arrays of scalars are lists; nested objects are
/// flattened to dotted names (`address.city`, reachable as `` `address.city` ``).
public enum JSONReader {
    /// Deeper nesting is refused rather than followed (no stack overflow on any input).
    package static let maximumDepth = 64

    public static func read(
        _ bytes: [UInt8], path: String, name: String, lines: Bool, monitor: LoadMonitor = LoadMonitor(), deferAbove: Int? = nil
    ) throws(Diagnostic) -> LoadResult {
        try read(FileBytes(bytes), path: path, name: name, lines: lines, monitor: monitor, deferAbove: deferAbove)
    }

    /// Files at least this big have their columns built when a query first reads them
    /// (`load` asks for it; a directory or a stack of files does not).
    public static let deferThreshold = 8 << 20

    /// Reads `file`; when it is at least `deferAbove` bytes, every value is checked but the
    /// columns are left for `Dataset.building` (a query that reads 2 fields of 10 builds 2).
    public static func read(
        _ file: FileBytes, path: String, name: String, lines: Bool, monitor: LoadMonitor = LoadMonitor(), deferAbove: Int? = nil
    ) throws(Diagnostic) -> LoadResult {
        let deferring = deferAbove.map { file.buffer.count >= $0 } ?? false
        if lines, file.buffer.count >= parallelThreshold,
            let result = readHalves(file, path: path, name: name, monitor: monitor, deferring: deferring)
        {
            return result
        }
        var reader = Reader(file: file, path: path, monitor: monitor, range: 0..<file.buffer.count, deferring: deferring)
        try reader.parse(lines: lines)
        if reader.places.overflowed {
            return try read(file, path: path, name: name, lines: lines, monitor: monitor, deferAbove: nil)
        }
        return try reader.result(name: name)
    }

    /// Field names are case-insensitive, JSON keys are not: `A` and `a` would be two fields
    /// nothing could name apart. The later one is renamed `a_2`, as CSV headers are (§6).
    package static func distinctNames(_ keys: [String], path: String, warnings: inout [Diagnostic]) -> [String] {
        var used = Set<String>()
        var names: [String] = []
        names.reserveCapacity(keys.count)
        for key in keys {
            var name = key
            if used.contains(FieldName.key(name)) {
                var suffix = 2
                while used.contains(FieldName.key("\(key)_\(suffix)")) || keys.contains("\(key)_\(suffix)") { suffix += 1 }
                name = "\(key)_\(suffix)"
                let first = names.first { FieldName.key($0) == FieldName.key(key) } ?? key
                warnings.append(LoadMessages.keysDifferInCase(first, key, renamed: name, path: path))
            }
            used.insert(FieldName.key(name))
            names.append(name)
        }
        return names
    }

    /// JSON Lines at least this big is read as two halves on two threads.
    package static let parallelThreshold = 8 << 20

    /// Two readers, one a half, split at a line break (no JSON string holds a raw line break),
    /// then the columns of the second appended to the first's. If either half fails, nil: the
    /// file is read again in one piece, which reports the first problem exactly (and handles
    /// an object written over several lines across the split).
    private static func readHalves(
        _ file: FileBytes, path: String, name: String, monitor: LoadMonitor, deferring: Bool
    ) -> LoadResult? {
        let buffer = file.buffer
        var split = buffer.count / 2
        while split < buffer.count, buffer[split] != 0x0A { split += 1 }
        guard split + 1 < buffer.count else { return nil }
        let second = HalfReader(Reader(
            file: file, path: path, monitor: LoadMonitor(cancellation: monitor.cancellation), range: (split + 1)..<buffer.count,
            deferring: deferring))
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { second.run() }
        var first = Reader(file: file, path: path, monitor: monitor, range: 0..<(split + 1), deferring: deferring)
        let firstSucceeded = (try? first.parse(lines: true)) != nil
        group.wait()
        guard firstSucceeded, second.succeeded else { return nil }
        first.append(second.reader)
        guard !first.places.overflowed else { return nil }
        return try? first.result(name: name)
    }

    /// The second half's reader, run on another thread.
    // Safe: only the helper thread touches `reader` and `succeeded` while it runs; the calling thread
    // reads them after group.wait(), which orders the two. The file bytes it reads are immutable.
    private final class HalfReader: @unchecked Sendable {
        package var reader: Reader
        package var succeeded = false

        package init(_ reader: Reader) { self.reader = reader }

        package func run() { succeeded = (try? reader.parse(lines: true)) != nil }
    }

    /// The state of one load (or one half of it): the fields found so far and their columns.
    private struct Reader {
        package let locator: ByteLocator
        package let monitor: LoadMonitor
        package let file: FileBytes
        /// The bytes this reader parses (the whole file, or one half).
        package let range: Range<Int>
        package var scanner: JSONScanner
        package var fieldNames: [String] = []
        /// Field names' bytes back to back (field i spans nameStarts[i]..<nameStarts[i + 1]),
        /// to compare a key in place.
        package var nameArena: [UInt8] = []
        package var nameStarts: [Int] = [0]
        package var fieldIndex: [String: Int] = [:]
        package var columns: [ColumnAccumulator] = []
        /// The record in which each field was last given a value.
        package var seenIn: [Int] = []
        package var record = 0
        /// Which field followed each field in the last record, and which came first: records
        /// of one file repeat their keys in order, so the next key is nearly always predicted.
        package var following: [Int] = []
        package var firstField = -1
        /// The field of the key just read in this record (-1 at its start).
        package var previousField = -1
        package var warnings: [Diagnostic] = []
        package var warnedDuplicate = false
        /// More distinct keys than `DataLimits.maximumFields`: an error at that key.
        package var tooManyFields = false
        /// A bad byte or a cancellation found between records, reported as is.
        package var validationFailure: Diagnostic?
        /// Bytes before this offset have been checked for UTF-8 and NUL.
        package var validated = 0
        /// Bytes before this mark were handed back to the system.
        package var released = 0
        /// Values are checked and their places recorded, columns built later (`JSONDeferredColumns`).
        package let deferring: Bool
        /// When deferring, where each record's values are (if they overflow 32-bit offsets,
        /// the file is read again without deferring).
        package var places: ValuePlaces

        package init(file: FileBytes, path: String, monitor: LoadMonitor, range: Range<Int>, deferring: Bool) {
            self.file = file
            self.deferring = deferring
            places = ValuePlaces(expectedBytes: deferring ? range.count : 0)
            self.range = range
            locator = ByteLocator(buffer: file.buffer, path: path)
            self.monitor = monitor
            // The scanner sees nothing past the range's end; offsets stay those of the file.
            // Safe: the reader keeps `file`, which owns these bytes, for as long as the scanner lives.
            scanner = JSONScanner(UnsafeBufferPointer(rebasing: file.buffer[0..<range.upperBound]), position: range.lowerBound)
            validated = range.lowerBound
            released = range.lowerBound
        }

        /// Checks the bytes ahead of `offset` before they are parsed (in 4 MB stretches).
        package mutating func validate(through offset: Int) throws(Diagnostic) {
            let buffer = scanner.bytes
            guard offset > validated, validated < buffer.count else { return }
            var end = min(buffer.count, max(offset, validated + (4 << 20)))
            while end < buffer.count, buffer[end] & 0xC0 == 0x80 { end += 1 }
            try TextValidation.check(buffer, from: validated, to: end, locator: locator)
            validated = end
        }

        package var path: String { locator.path }

        package func diagnostic(_ failure: JSONScanner.Failure) -> Diagnostic {
            LoadMessages.badJSON(failure, at: locator.diagnosticLocation(failure.offset))
        }

        package mutating func parse(lines: Bool) throws(Diagnostic) {
            let buffer = scanner.bytes
            var start = range.lowerBound
            if start == 0, buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            validated = start
            try validate(through: start + 1)
            scanner.position = start
            guard scanner.peek() != nil else {
                if range.lowerBound > 0 { return }
                throw LoadMessages.emptyJSON(path, lines: lines)
            }
            do throws(JSONScanner.Failure) {
                if lines {
                    try readLines()
                } else {
                    try readDocument()
                }
            } catch {
                if let validationFailure { throw validationFailure }
                throw diagnostic(error)
            }
            try validate(through: scanner.bytes.count)
            try monitor.checkpoint(scanner.bytes.count, of: file.buffer.count, path: path)
        }

        package func result(name: String) throws(Diagnostic) -> LoadResult {
            guard !fieldNames.isEmpty else {
                throw LoadMessages.noRecords(path, anyRecord: record != 0)
            }
            if deferring { return deferredResult(name: name) }
            let built = columns.map { $0.build() }
            var warnings = self.warnings
            let names = JSONReader.distinctNames(fieldNames, path: path, warnings: &warnings)
            var fields = zip(names, built).map { Field($0, $1.type) }
            warnings += LoadNotes.annotate(&fields, columns: columns, built: built, declared: columns.map { _ in nil }) { row, _ in
                (.path(path), LoadMessages.record(row + 1))
            }
            return LoadResult(
                dataset: Dataset(name: name, fields: fields, columns: built, rowCount: record, origin: path),
                warnings: warnings)
        }

        /// The fields, typed text and all missing until built from the places recorded.
        private func deferredResult(name: String) -> LoadResult {
            var warnings = self.warnings
            let names = JSONReader.distinctNames(fieldNames, path: path, warnings: &warnings)
            let source = JSONDeferredColumns(file: file, path: path, places: places)
            let placeholder = DeferredColumns.placeholder(rows: record)
            let dataset = Dataset(
                name: name, fields: names.map { Field($0, .text) }, columns: names.map { _ in placeholder }, rowCount: record,
                origin: path, deferred: DeferredColumns(source: source, fields: Set(names.indices)))
            return LoadResult(dataset: dataset, warnings: warnings)
        }

        /// Appends the records another reader (the file's second half) read.
        package mutating func append(_ other: Reader) {
            for name in other.fieldNames where fieldIndex[name] == nil {
                fieldIndex[name] = fieldNames.count
                fieldNames.append(name)
                nameArena.append(contentsOf: Array(name.utf8))
                nameStarts.append(nameArena.count)
                following.append(-1)
                addColumn(missingIn: record)
            }
            if deferring {
                places.append(other.places, fieldMap: other.fieldNames.map { fieldIndex[$0] ?? 0 })
            }
            for (index, name) in fieldNames.enumerated() where !deferring {
                if let theirs = other.fieldIndex[name] {
                    columns[index].append(other.columns[theirs])
                } else {
                    for _ in 0..<other.record { columns[index].appendMissing() }
                }
            }
            record += other.record
            if !warnedDuplicate, let warning = other.warnings.first {
                warnings.append(warning)
            }
        }

        /// `[{...}, ...]` or `{"meta": ..., "data": [{...}, ...]}`.
        private mutating func readDocument() throws(JSONScanner.Failure) {
            switch scanner.peek() {
            case UInt8(ascii: "[")?:
                try readRecordArray()
                try expectEnd()
            case UInt8(ascii: "{")?:
                let objectStart = scanner.position
                scanner.position += 1
                var arrays: [(name: String, position: Int)] = []
                if scanner.peek() != UInt8(ascii: "}") {
                    while true {
                        let key = try scanner.string { String(decoding: $0, as: UTF8.self) }
                        try scanner.expect(UInt8(ascii: ":"), else: LoadMessages.expectedColonAfterName)
                        if scanner.peek() == UInt8(ascii: "[") { arrays.append((key, scanner.position)) }
                        try scanner.skipValue()
                        if scanner.peek() == UInt8(ascii: ",") {
                            scanner.position += 1
                            continue
                        }
                        try scanner.expect(UInt8(ascii: "}"), else: LoadMessages.expectedObjectEnd)
                        break
                    }
                }
                try expectEnd()
                guard arrays.count == 1 else {
                    throw LoadMessages.unclearDataArray(arrays.map(\.name), at: objectStart)
                }
                let end = scanner.position
                scanner.position = arrays[0].position
                try readRecordArray()
                scanner.position = end
            default:
                throw scanner.failure(LoadMessages.expectedDataArray)
            }
        }

        private mutating func expectEnd() throws(JSONScanner.Failure) {
            if scanner.peek() != nil { throw scanner.failure(LoadMessages.expectedEndOfFile) }
        }

        private mutating func readRecordArray() throws(JSONScanner.Failure) {
            try scanner.expect(UInt8(ascii: "["), else: LoadMessages.expectedArrayStart)
            if scanner.peek() == UInt8(ascii: "]") {
                scanner.position += 1
                return
            }
            while true {
                try readRecord()
                if scanner.peek() == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                try scanner.expect(UInt8(ascii: "]"), else: LoadMessages.expectedRecordSeparator)
                return
            }
        }

        /// One object a line; blank lines are skipped.
        private mutating func readLines() throws(JSONScanner.Failure) {
            let bytes = scanner.bytes
            while scanner.peek() != nil {
                let lineStart = scanner.position
                try readRecord()
                // The rest of the line must be blank.
                while scanner.position < bytes.count, bytes[scanner.position] == 0x20 || bytes[scanner.position] == 0x09
                    || bytes[scanner.position] == 0x0D
                {
                    scanner.position += 1
                }
                if scanner.position < bytes.count, bytes[scanner.position] != 0x0A {
                    let afterObject = scanner.position > lineStart
                    throw scanner.failure { LoadMessages.expectedNewLine(found: $0, at: $1, afterObject: afterObject) }
                }
            }
        }

        private mutating func readRecord() throws(JSONScanner.Failure) {
            if scanner.position + (1 << 20) > validated || record & 0xFFFF == 0 {
                do throws(Diagnostic) {
                    try validate(through: scanner.position + (1 << 20))
                    try monitor.checkpoint(scanner.position, of: file.buffer.count, path: path)
                    released = file.release(from: released, upTo: scanner.position)
                } catch {
                    validationFailure = error
                    throw LoadMessages.interrupted(at: scanner.position)
                }
            }
            guard scanner.peek() == UInt8(ascii: "{") else {
                throw scanner.failure(LoadMessages.expectedRecordObject)
            }
            previousField = -1
            if deferring { places.startRecord(at: scanner.position) }
            try readObject(prefix: [], depth: 1)
            if !deferring {
                for field in columns.indices where seenIn[field] != record { columns[field].appendMissing() }
            }
            record += 1
        }

        /// An object's members; nested objects add their members with a dotted prefix.
        private mutating func readObject(prefix: [UInt8], depth: Int) throws(JSONScanner.Failure) {
            guard depth <= JSONReader.maximumDepth else {
                throw scanner.failure { LoadMessages.objectsTooDeep(limit: JSONReader.maximumDepth, found: $0, at: $1) }
            }
            try scanner.expect(UInt8(ascii: "{"), else: LoadMessages.expectedObjectStart)
            if scanner.peek() == UInt8(ascii: "}") {
                scanner.position += 1
                return
            }
            while true {
                let keyOffset = scanner.position
                let (keyStart, keyEnd, keyEscaped) = try scanner.stringSpan()
                try scanner.expect(UInt8(ascii: ":"), else: LoadMessages.expectedColonAfterName)
                if scanner.peek() == UInt8(ascii: "{") {
                    var nested = prefix
                    nested.append(contentsOf: keyEscaped ? scanner.scratch : Array(scanner.bytes[keyStart..<keyEnd]))
                    nested.append(UInt8(ascii: "."))
                    try readObject(prefix: nested, depth: depth + 1)
                } else {
                    let field = keyEscaped
                        ? scanner.scratch.withUnsafeBufferPointer { fieldFor($0, prefix: prefix) }
                        : fieldFor(UnsafeBufferPointer(rebasing: scanner.bytes[keyStart..<keyEnd]), prefix: prefix)
                    if tooManyFields {
                        throw LoadMessages.tooManyJSONFields(limit: DataLimits.maximumFields, at: keyOffset)
                    }
                    if seenIn[field] == record {
                        if !warnedDuplicate {
                            warnedDuplicate = true
                            warnings.append(LoadMessages.keyTwiceInRecord(fieldNames[field], at: locator.diagnosticLocation(keyOffset)))
                        }
                        try scanner.skipValue()
                    } else {
                        seenIn[field] = record
                        if deferring {
                            try recordPlace(of: field, depth: depth)
                        } else {
                            try columns[field].appendJSONValue(from: &scanner, depth: depth)
                        }
                    }
                }
                if scanner.peek() == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                try scanner.expect(UInt8(ascii: "}"), else: LoadMessages.expectedObjectEnd)
                return
            }
        }

        /// The field for a key (after a dotted prefix for nested objects): predicted from the
        /// previous record's order, which real files repeat, else looked up by name.
        private mutating func fieldFor(_ key: UnsafeBufferPointer<UInt8>, prefix: [UInt8]) -> Int {
            let guess = previousField < 0 ? firstField : following[previousField]
            if guess >= 0, nameMatches(guess, prefix, key) {
                previousField = guess
                return guess
            }
            let field = lookUp(key, prefix: prefix)
            if previousField < 0 { firstField = field } else { following[previousField] = field }
            previousField = field
            return field
        }

        /// Whether field `index` is named `prefix` followed by `key`.
        @inline(__always)
        private func nameMatches(_ index: Int, _ prefix: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
            let start = nameStarts[index]
            guard nameStarts[index + 1] - start == prefix.count + key.count else { return false }
            return nameArena.withUnsafeBufferPointer { arena in
                guard let base = arena.baseAddress else { return key.isEmpty && prefix.isEmpty }
                if !prefix.isEmpty {
                    let same = prefix.withUnsafeBufferPointer { bytes in
                        // Safe: the length check above makes start + prefix.count + key.count == nameStarts[index + 1]
                        // <= nameArena.count, so both memcmp calls stay inside the arena and the borrowed buffers.
                        bytes.baseAddress.map { memcmp(base + start, $0, prefix.count) == 0 } ?? true
                    }
                    if !same { return false }
                }
                guard let keyBase = key.baseAddress else { return true }
                return memcmp(base + start + prefix.count, keyBase, key.count) == 0
            }
        }

        /// The field named `prefix` + `key`, added (missing in earlier records) if new.
        private mutating func lookUp(_ key: UnsafeBufferPointer<UInt8>, prefix: [UInt8]) -> Int {
            let full = prefix + Array(key)
            let name = String(decoding: full, as: UTF8.self)
            if let existing = fieldIndex[name] { return existing }
            let index = fieldNames.count
            if index >= DataLimits.maximumFields { tooManyFields = true }
            fieldNames.append(name)
            nameArena.append(contentsOf: full)
            nameStarts.append(nameArena.count)
            following.append(-1)
            fieldIndex[name] = index
            addColumn(missingIn: record)
            seenIn.append(-1)
            return index
        }

        /// A new field's column, missing in the records read before it appeared (when
        /// deferring there is none: places hold 0 for a key a record lacks).
        private mutating func addColumn(missingIn records: Int) {
            if !deferring {
                var column = ColumnAccumulator(declared: nil)
                for _ in 0..<records { column.appendMissing() }
                columns.append(column)
            }
        }

        /// Checks the value at the cursor as `appendJSONValue` would read it, and records
        /// where it is.
        private mutating func recordPlace(of field: Int, depth: Int) throws(JSONScanner.Failure) {
            let first = scanner.peek()
            places.set(field, position: scanner.position)
            switch first {
            case UInt8(ascii: "\"")?:
                _ = try scanner.stringSpan()
            case UInt8(ascii: "[")?:
                _ = try JSONArrayItems.read(&scanner, depth: depth) { _ in }
            case let byte? where byte == UInt8(ascii: "-") || byte &- 0x30 < 10:
                _ = try scanner.number()
            default:
                _ = try scanner.literal()
            }
        }
    }
}
