import DossierSupport
import DossierDiagnostics

/// A column of one type, stored contiguously, with missing values marked. Hot loops switch on
/// the case once and then run over the typed array.
public enum Column: Sendable {
    case integer(IntegerColumn)
    /// Exact decimals: scaled integers at one scale for the column.
    case decimal(DecimalColumn)
    /// Decimals beyond 18 significant digits, as binary floating point (type `decimal`).
    case float(FloatColumn)
    case bool(BoolColumn)
    case date(DateColumn)
    /// Date and time, as microseconds since 1970-01-01 00:00 UTC (`DatetimeText`).
    case datetime(IntegerColumn)
    case text(TextColumn)
    case list(ListColumn)

    public var type: ValueType {
        switch self {
        case .integer: return .integer
        case .decimal, .float: return .decimal
        case .bool: return .bool
        case .date: return .date
        case .datetime: return .datetime
        case .text: return .text
        case .list: return .list
        }
    }

    public var count: Int {
        switch self {
        case .integer(let column), .datetime(let column): return column.values.count
        case .decimal(let column): return column.mantissas.count
        case .float(let column): return column.values.count
        case .bool(let column): return column.values.count
        case .date(let column): return column.values.count
        case .text(let column): return column.codes.count
        case .list(let column): return column.offsets.count - 1
        }
    }

    public func isMissing(_ row: Int) -> Bool {
        switch self {
        case .integer(let column), .datetime(let column): return column.missing?[row] ?? false
        case .decimal(let column): return column.missing?[row] ?? false
        case .float(let column): return column.missing?[row] ?? false
        case .bool(let column): return column.values[row] == BoolColumn.missingCode
        case .date(let column): return column.missing?[row] ?? false
        case .text(let column): return column.codes[row] == 0
        case .list(let column): return column.offsets[row] == column.offsets[row + 1]
        }
    }

    /// The value at `row`, boxed. For output and edges, not for hot loops.
    public func value(at row: Int) -> Value {
        if isMissing(row) { return .missing }
        switch self {
        case .integer(let column): return .integer(column.values[row])
        case .decimal(let column): return .decimal(column.decimal(at: row))
        case .float(let column): return .float(column.values[row])
        case .bool(let column): return .bool(column.values[row] == 1)
        case .date(let column): return .date(column.values[row])
        case .datetime(let column): return .datetime(column.values[row])
        case .text(let column): return .text(column.dictionary.string(column.codes[row]))
        case .list(let column): return .list(column.items(at: row))
        }
    }

    /// The text a value was written with, where the column keeps it and it differs from how
    /// the value prints (binary floating point keeps `1e300` as written).
    @inline(__always)
    public func writtenText(at row: Int) -> String? {
        guard case .float(let column) = self, let written = column.written, written.codes[row] != 0 else { return nil }
        return written.dictionary.string(written.codes[row])
    }

    /// How a present value is shown when that is not how its value prints: a decimal beyond
    /// 18 digits as written, a date that stands for a month as `2025-03`. For tables and
    /// charts; saved files write the value itself (`writtenText`), so they load back.
    @inline(__always)
    public func displayText(at row: Int) -> String? {
        if case .date(let column) = self, column.period != .day, !(column.missing?[row] ?? false) {
            return column.periodLabel(at: row)
        }
        return writtenText(at: row)
    }

    /// The missing mask of a column that keeps one (numbers and dates).
    public var missingBitmap: Bitmap? {
        switch self {
        case .integer(let column), .datetime(let column): return column.missing
        case .decimal(let column): return column.missing
        case .float(let column): return column.missing
        case .date(let column): return column.missing
        default: return nil
        }
    }

    /// How many values are missing.
    public var missingCount: Int {
        switch self {
        case .integer(let column), .datetime(let column): return column.missing?.setCount ?? 0
        case .decimal(let column): return column.missing?.setCount ?? 0
        case .float(let column): return column.missing?.setCount ?? 0
        case .date(let column): return column.missing?.setCount ?? 0
        case .bool(let column): return column.values.reduce(0) { $0 + ($1 == BoolColumn.missingCode ? 1 : 0) }
        case .text(let column): return column.codes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        case .list(let column):
            var missing = 0
            for row in 0..<(column.offsets.count - 1) where column.offsets[row] == column.offsets[row + 1] {
                missing += 1
            }
            return missing
        }
    }

    /// A new column holding the rows at `indices`, in that order. A negative index gives a
    /// missing value (a left join's unmatched row). Text keeps its dictionary.
    public func gather(_ indices: [Int32]) -> Column {
        switch self {
        case .integer(let column):
            let (values, missing) = gatherValues(column.values, column.missing, indices, filler: 0)
            return .integer(IntegerColumn(values: values, missing: missing))
        case .decimal(let column):
            let (values, missing) = gatherValues(column.mantissas, column.missing, indices, filler: 0)
            let written = column.writtenScales.map { scales in indices.map { $0 < 0 ? 0 : scales[Int($0)] } }
            return .decimal(DecimalColumn(mantissas: values, scale: column.scale, writtenScales: written, missing: missing))
        case .float(let column):
            let (values, missing) = gatherValues(column.values, column.missing, indices, filler: 0)
            let written = column.written.map { texts in
                TextColumn(codes: indices.map { $0 < 0 ? 0 : texts.codes[Int($0)] }, dictionary: texts.dictionary)
            }
            return .float(FloatColumn(values: values, missing: missing, written: written))
        case .date(let column):
            let (values, missing) = gatherValues(column.values, column.missing, indices, filler: 0)
            return .date(DateColumn(values: values, missing: missing, period: column.period))
        case .datetime(let column):
            let (values, missing) = gatherValues(column.values, column.missing, indices, filler: 0)
            return .datetime(IntegerColumn(values: values, missing: missing))
        case .bool(let column):
            return .bool(BoolColumn(values: indices.map { $0 < 0 ? BoolColumn.missingCode : column.values[Int($0)] }))
        case .text(let column):
            return .text(TextColumn(codes: indices.map { $0 < 0 ? 0 : column.codes[Int($0)] }, dictionary: column.dictionary))
        case .list(let column):
            var offsets: [UInt32] = [0]
            offsets.reserveCapacity(indices.count + 1)
            var items: [UInt32] = []
            for index in indices {
                if index >= 0 {
                    let row = Int(index)
                    items.append(contentsOf: column.items[Int(column.offsets[row])..<Int(column.offsets[row + 1])])
                }
                offsets.append(UInt32(truncatingIfNeeded: items.count))
            }
            return .list(ListColumn(offsets: offsets, items: items, dictionary: column.dictionary))
        }
    }

    private func gatherValues<T>(_ values: [T], _ missing: Bitmap?, _ indices: [Int32], filler: T) -> ([T], Bitmap?) {
        var resultMissing: Bitmap?
        let result = [T](unsafeUninitializedCapacity: indices.count) { buffer, initialized in
            values.withUnsafeBufferPointer { values in
                indices.withUnsafeBufferPointer { indices in
                    for (position, index) in indices.enumerated() {
                        // A negative index, or one past the column, gives a missing value.
                        if index < 0 || Int(index) >= values.count || (missing?[Int(index)] ?? false) {
                            if resultMissing == nil { resultMissing = Bitmap(count: indices.count) }
                            resultMissing?[position] = true
                            buffer.initializeElement(at: position, to: filler)
                        } else {
                            buffer.initializeElement(at: position, to: values[Int(index)])
                        }
                    }
                }
            }
            initialized = indices.count
        }
        return (result, resultMissing)
    }
}
