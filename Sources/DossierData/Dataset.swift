import DossierSupport
import DossierDiagnostics

/// A loaded table: fields and their typed columns, all of `rowCount` rows. Immutable, so a
/// running query can hold it while the session replaces the catalog entry.
public final class Dataset: Sendable {
    public let name: String
    public let fields: [Field]
    public let columns: [Column]
    public let rowCount: Int
    /// Where it came from: a path, or `sample third-country-deals`.
    public let origin: String
    /// A table on a database server: no columns are held, queries over it compile to SQL.
    public let remote: RemoteTable?
    /// Columns not built yet (a large JSON file): built when a query first reads them.
    public let deferred: DeferredColumns?

    public init(
        name: String, fields: [Field], columns: [Column], rowCount: Int, origin: String, remote: RemoteTable? = nil,
        deferred: DeferredColumns? = nil
    ) {
        self.name = name
        self.fields = fields
        self.columns = columns
        self.rowCount = rowCount
        self.origin = origin
        self.remote = remote
        self.deferred = deferred
    }

    public func renamed(_ newName: String) -> Dataset {
        Dataset(name: newName, fields: fields, columns: columns, rowCount: rowCount, origin: origin, remote: remote, deferred: deferred)
    }

    /// Index of a field by case-insensitive name.
    public func fieldIndex(_ name: String) -> Int? {
        let key = FieldName.key(name)
        return fields.firstIndex { FieldName.key($0.name) == key }
    }
}

extension Column {
    /// A column of the values' type: `type`, unless integer arithmetic overflowed into decimals
    /// for some of them, which makes the whole column decimal (§4).
    public static func buildWidening(_ type: ValueType, _ values: [Value]) -> Column {
        if type == .integer, values.contains(where: { value in
            switch value {
            case .decimal, .float: return true
            default: return false
            }
        }) {
            return build(.decimal, values)
        }
        return build(type, values)
    }

    /// A column of `type` built from boxed values (computed results, small outputs).
    /// Values of another type are converted where that is exact, else missing.
    public static func build(_ type: ValueType, _ values: [Value]) -> Column {
        switch type {
        case .integer:
            var missing: Bitmap?
            var result = [Int64](repeating: 0, count: values.count)
            for (row, value) in values.enumerated() {
                if case .integer(let number) = value {
                    result[row] = number
                } else {
                    if missing == nil { missing = Bitmap(count: values.count) }
                    missing?[row] = true
                }
            }
            return .integer(IntegerColumn(values: result, missing: missing))
        case .decimal:
            return buildDecimal(values)
        case .date:
            var missing: Bitmap?
            var result = [Int32](repeating: 0, count: values.count)
            for (row, value) in values.enumerated() {
                if case .date(let days) = value {
                    result[row] = days
                } else {
                    if missing == nil { missing = Bitmap(count: values.count) }
                    missing?[row] = true
                }
            }
            return .date(DateColumn(values: result, missing: missing))
        case .datetime:
            var missing: Bitmap?
            var result = [Int64](repeating: 0, count: values.count)
            for (row, value) in values.enumerated() {
                switch value {
                case .datetime(let microseconds): result[row] = microseconds
                case .date(let days): result[row] = DatetimeText.midnight(days)
                default:
                    if missing == nil { missing = Bitmap(count: values.count) }
                    missing?[row] = true
                }
            }
            return .datetime(IntegerColumn(values: result, missing: missing))
        case .bool:
            return .bool(BoolColumn(values: values.map {
                if case .bool(let flag) = $0 { return flag ? 1 : 0 }
                return BoolColumn.missingCode
            }))
        case .text:
            var builder = TextDictionaryBuilder(capacity: min(values.count, 1 << 16))
            let codes = values.map { value -> UInt32 in
                if case .missing = value { return 0 }
                return builder.intern(value.formatted())
            }
            return .text(TextColumn(codes: codes, dictionary: builder.build()))
        case .list:
            var builder = TextDictionaryBuilder()
            var offsets: [UInt32] = [0]
            var items: [UInt32] = []
            for value in values {
                switch value {
                case .list(let elements):
                    for element in elements {
                        let code = builder.intern(element)
                        if code != 0 { items.append(code) }
                    }
                case .missing: break
                default:
                    let code = builder.intern(value.formatted())
                    if code != 0 { items.append(code) }
                }
                offsets.append(UInt32(truncatingIfNeeded: items.count))
            }
            return .list(ListColumn(offsets: offsets, items: items, dictionary: builder.build()))
        }
    }
}

extension Column {
    /// Decimals (and integers) from boxed values: exact at the largest scale among them, each
    /// keeping its written scale; binary floating point when one of them is, or when the
    /// common scale would overflow.
    package static func buildDecimal(_ values: [Value]) -> Column {
        var scale = 0
        var needsFloat = false
        for value in values {
            switch value {
            case .decimal(let number): scale = max(scale, Int(number.scale))
            case .float: needsFloat = true
            default: break
            }
        }
        var missing: Bitmap?
        if !needsFloat {
            var mantissas = [Int64](repeating: 0, count: values.count)
            var written = [UInt8](repeating: UInt8(scale), count: values.count)
            var uniform = true
            for (row, value) in values.enumerated() {
                let number: DecimalNumber
                switch value {
                case .decimal(let decimal): number = decimal
                case .integer(let integer): number = DecimalNumber(integer)
                default:
                    if missing == nil { missing = Bitmap(count: values.count) }
                    missing?[row] = true
                    continue
                }
                guard let mantissa = number.mantissa(atScale: scale) else {
                    needsFloat = true
                    break
                }
                mantissas[row] = mantissa
                written[row] = UInt8(number.scale)
                if Int(number.scale) != scale { uniform = false }
            }
            if !needsFloat {
                return .decimal(DecimalColumn(mantissas: mantissas, scale: scale, writtenScales: uniform ? nil : written, missing: missing))
            }
            missing = nil
        }
        var doubles = [Double](repeating: 0, count: values.count)
        for (row, value) in values.enumerated() {
            switch value {
            case .decimal(let number): doubles[row] = number.doubleValue
            case .integer(let integer): doubles[row] = Double(integer)
            case .float(let float): doubles[row] = float
            default:
                if missing == nil { missing = Bitmap(count: values.count) }
                missing?[row] = true
            }
        }
        // Exact values among them keep their written form; computed floats print as doubles.
        var builder = TextDictionaryBuilder()
        var codes = [UInt32](repeating: 0, count: values.count)
        var anyWritten = false
        for (row, value) in values.enumerated() {
            if case .decimal(let number) = value {
                codes[row] = builder.intern(number.description)
                anyWritten = true
            }
        }
        let written = anyWritten ? TextColumn(codes: codes, dictionary: builder.build()) : nil
        return .float(FloatColumn(values: doubles, missing: missing, written: written))
    }
}
