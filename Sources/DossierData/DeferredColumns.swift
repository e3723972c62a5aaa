import DossierSupport
import DossierDiagnostics

/// Builds the columns a loader left for later: a large JSON file is checked whole at `load`,
/// but each field's typed column is built the first time a query reads it (most queries read
/// two or three fields of many). Implemented by the loader that recorded where each value is.
public protocol DeferredColumnSource: AnyObject, Sendable {
    /// The columns of `fields` (positions in the dataset), each with its field (type, and a
    /// note when stray values made it text) and the warnings its values call for.
    func build(_ fields: [Int], names: [String], cancellation: Cancellation) throws(Diagnostic) -> [BuiltColumn]
}

/// One column a `DeferredColumnSource` built.
public struct BuiltColumn: Sendable {
    public var field: Field
    public var column: Column
    public var warnings: [Diagnostic]

    public init(field: Field, column: Column, warnings: [Diagnostic]) {
        self.field = field
        self.column = column
        self.warnings = warnings
    }
}

/// The fields of a dataset whose columns are not built yet, and what builds them.
public struct DeferredColumns: Sendable {
    public let source: any DeferredColumnSource
    /// Positions in the dataset's fields. Until built, such a field is typed text and its
    /// column holds only missing values: nothing may read it (`Dataset.building` first).
    public let fields: Set<Int>

    public init(source: any DeferredColumnSource, fields: Set<Int>) {
        self.source = source
        self.fields = fields
    }

    /// A stand-in column for a field not built yet: all missing, and costing no memory until
    /// touched (the zeroed pages are the system's).
    public static func placeholder(rows: Int) -> Column {
        .text(TextColumn(codes: [UInt32](repeating: 0, count: rows), dictionary: TextDictionaryBuilder().build()))
    }
}

extension Dataset {
    /// Whether some of its columns wait to be built.
    public var hasDeferredColumns: Bool { !(deferred?.fields.isEmpty ?? true) }

    /// The same dataset with the columns of `wanted` built (those already built are kept), and
    /// the warnings about their values; itself when none of `wanted` waits.
    public func building(_ wanted: Set<Int>, cancellation: Cancellation) throws(Diagnostic) -> (Dataset, [Diagnostic]) {
        guard let deferred else { return (self, []) }
        let fieldsToBuild = deferred.fields.intersection(wanted).sorted()
        guard !fieldsToBuild.isEmpty else { return (self, []) }
        let built = try deferred.source.build(fieldsToBuild, names: fieldsToBuild.map { fields[$0].name }, cancellation: cancellation)
        var newFields = fields
        var newColumns = columns
        var warnings: [Diagnostic] = []
        for (index, column) in zip(fieldsToBuild, built) {
            newFields[index] = column.field
            newColumns[index] = column.column
            warnings += column.warnings
        }
        let remaining = deferred.fields.subtracting(fieldsToBuild)
        // When every column is built, the source (and the value places it holds) is let go.
        let stillDeferred = remaining.isEmpty ? nil : DeferredColumns(source: deferred.source, fields: remaining)
        let dataset = Dataset(
            name: name, fields: newFields, columns: newColumns, rowCount: rowCount, origin: origin, remote: remote,
            deferred: stillDeferred)
        return (dataset, warnings)
    }

    /// Every column built.
    public func buildingAll(cancellation: Cancellation) throws(Diagnostic) -> (Dataset, [Diagnostic]) {
        try building(Set(fields.indices), cancellation: cancellation)
    }
}
