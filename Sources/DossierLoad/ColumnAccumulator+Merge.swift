import DossierSupport
import DossierDiagnostics
import DossierData

/// Joining two accumulators end to end: the halves of a JSON Lines file read on two threads.
/// The halves may have inferred different types; they settle on the one that holds both
/// (integer and decimal make decimal, date and datetime make datetime, text and list make list,
/// anything else text).
extension ColumnAccumulator {
    package mutating func append(_ other: ColumnAccumulator) {
        var other = other
        if kind == .undecided, other.kind != .undecided { padAs(other.kind) }
        if other.kind == .undecided, kind != .undecided { other.padAs(kind) }
        if kind == .integer, other.kind == .decimal || other.kind == .float { widenToDecimal() }
        if other.kind == .integer, kind == .decimal || kind == .float { other.widenToDecimal() }
        if kind == .decimal, other.kind == .decimal, !alignScales(with: &other) {
            convertToFloat()
            other.convertToFloat()
        }
        if kind == .float, other.kind == .decimal { other.convertToFloat() }
        if kind == .decimal, other.kind == .float { convertToFloat() }
        if kind == .date, other.kind == .datetime { widenToDatetime() }
        if kind == .datetime, other.kind == .date { other.widenToDatetime() }
        if kind != other.kind {
            switch (kind, other.kind) {
            default:
                if kind != .text && kind != .list { convertToText() }
                if other.kind != .text && other.kind != .list { other.convertToText() }
                if kind == .list, other.kind == .text { other.convertToList() }
                if kind == .text, other.kind == .list { convertToList() }
            }
        }
        // The other half's codes here, once its dictionary is merged into this one.
        var mapping: [UInt32]?
        switch kind {
        case .undecided: break
        case .integer: integers.append(contentsOf: other.integers)
        case .decimal:
            mantissas.append(contentsOf: other.mantissas)
            writtenScales.append(contentsOf: other.writtenScales)
        case .float:
            floats.append(contentsOf: other.floats)
            let merged = dictionary.merge(other.dictionary)
            mapping = merged
            for code in other.codes { codes.append(merged[Int(code)]) }
        case .date: dates.append(contentsOf: other.dates)
        case .datetime: datetimes.append(contentsOf: other.datetimes)
        case .bool: bools.append(contentsOf: other.bools)
        case .text:
            let merged = dictionary.merge(other.dictionary)
            mapping = merged
            codes.reserveCapacity(codes.count + other.codes.count)
            for code in other.codes { codes.append(merged[Int(code)]) }
        case .list:
            let merged = dictionary.merge(other.dictionary)
            mapping = merged
            let base = UInt32(truncatingIfNeeded: listItems.count)
            for item in other.listItems { listItems.append(merged[Int(item)]) }
            for offset in other.listOffsets.dropFirst() { listOffsets.append(base + offset) }
        }
        // Missing rows of the other half, shifted past this half's rows.
        if other.hasMissing {
            for (wordIndex, word) in other.missingWords.enumerated() where word != 0 {
                for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 {
                    let row = wordIndex << 6 + bit
                    guard row < other.rowCount else { break }
                    markMissing(at: rowCount + row)
                }
            }
        }
        // The other half's markers too: the warning counts them all, and a column that
        // becomes text gets them back as values.
        if !other.markers.isEmpty {
            let merged = mapping ?? dictionary.merge(other.dictionary)
            let shift = Int32(truncatingIfNeeded: rowCount)
            markers.rows += other.markers.rows.map { $0 + shift }
            markers.codes += other.markers.codes.map { merged[Int($0)] }
        }
        rowCount += other.rowCount
    }

    /// A column of only missing values so far takes `kind`, padded with placeholders.
    private mutating func padAs(_ newKind: Kind) {
        kind = newKind
        switch newKind {
        case .integer: integers = [Int64](repeating: 0, count: rowCount)
        case .decimal:
            mantissas = [Int64](repeating: 0, count: rowCount)
            writtenScales = [UInt8](repeating: 0, count: rowCount)
        case .float:
            floats = [Double](repeating: 0, count: rowCount)
            codes = [UInt32](repeating: 0, count: rowCount)
        case .date: dates = [Int32](repeating: 0, count: rowCount)
        case .datetime: datetimes = [Int64](repeating: 0, count: rowCount)
        case .bool: bools = [UInt8](repeating: BoolColumn.missingCode, count: rowCount)
        case .text: codes = [UInt32](repeating: 0, count: rowCount)
        case .list: listOffsets = [UInt32](repeating: 0, count: rowCount + 1)
        case .undecided: break
        }
    }

    /// Both halves' mantissas at the larger of their scales; false on overflow.
    private mutating func alignScales(with other: inout ColumnAccumulator) -> Bool {
        let scale = max(decimalScale, other.decimalScale)
        return rescaleMantissas(to: scale) && other.rescaleMantissas(to: scale)
    }

    private mutating func rescaleMantissas(to scale: Int) -> Bool {
        guard scale > decimalScale else { return true }
        let factor = DecimalNumber.powersOfTen[scale - decimalScale]
        var rescaled = mantissas
        for index in rescaled.indices {
            let (product, overflow) = rescaled[index].multipliedReportingOverflow(by: factor)
            if overflow { return false }
            rescaled[index] = product
        }
        mantissas = rescaled
        decimalScale = scale
        return true
    }

    /// Marks a row missing without appending (for merging).
    private mutating func markMissing(at row: Int) {
        let word = row >> 6
        while missingWords.count <= word { missingWords.append(0) }
        missingWords[word] |= 1 << UInt64(row & 63)
        hasMissing = true
    }
}

extension TextDictionaryBuilder {
    /// Adds another builder's entries; returns, for each of its codes, the code here. Entries
    /// are interned while this builder de-duplicates, appended when it does not.
    package mutating func merge(_ other: TextDictionaryBuilder) -> [UInt32] {
        var mapping = [UInt32](repeating: 0, count: other.codeCount)
        other.arena.withUnsafeBufferPointer { arena in
            for code in 1..<max(1, other.codeCount) {
                let start = Int(other.offsets[code])
                let end = Int(other.offsets[code + 1])
                // Safe: the other builder's offsets are ascending and end at its arena's count; intern and
                // appendEntry copy the bytes before the closure ends.
                let bytes = UnsafeBufferPointer(rebasing: arena[start..<end])
                mapping[code] = deduplicates || bytes.isEmpty ? intern(bytes) : appendEntry(bytes)
            }
        }
        return mapping
    }
}
