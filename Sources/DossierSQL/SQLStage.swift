import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// One step of a compiled query: a SELECT whose columns are the fields of the pipeline at that
/// point (`c0`, `c1`, …; a text or list field also has its keys `c0_f`, `c0_o`, `c0_s`) and
/// `_o`, a unique number per row whose order is the pipeline's row order. Every step reads the
/// one before as a subquery; only the last ORDER BY decides what the user sees.
struct SQLStage {
    var sql: String
    var types: [ValueType]
    /// Fields holding binary floating point (`float8`: `stddev`, `variance`, `corr` and
    /// arithmetic on them), by position. dossier computes with doubles there, so the server
    /// does too, and reads them back as doubles.
    var floats: Set<Int> = []
    /// Fields `SQLValue.isRounded` describes, by position.
    var rounded: Set<Int> = []
    /// Text fields whose keys are `SQLValue.Keys.isDerived`, by position: read as the
    /// server's functions of the value rather than as the `_f`, `_o`, `_s` columns.
    var derivedKeys: Set<Int> = []

    static func hasKeys(_ type: ValueType) -> Bool { type == .text || type == .list }

    /// The same fields (types, floats) from another statement: for steps that keep or drop
    /// rows but not columns.
    func replacingSQL(_ sql: String) -> SQLStage {
        var stage = self
        stage.sql = sql
        return stage
    }

    /// The stage's columns as values, read through `alias`.
    func columns(_ alias: String) -> [SQLValue] {
        types.enumerated().map { index, type in
            let name = "\(alias).c\(index)"
            let keys = !SQLStage.hasKeys(type) ? nil : derivedKeys.contains(index) ? SQLValue.Keys.derived(from: name)
                : SQLValue.Keys(folded: "\(name)_f", order: "\(name)_o", sort: "\(name)_s")
            return SQLValue(raw: name, type: type, keys: keys, isFloat: floats.contains(index), isRounded: rounded.contains(index))
        }
    }

    /// The positions of the values that are floating point, for a stage made of them.
    static func floats(of values: [SQLValue]) -> Set<Int> {
        Set(values.indices.filter { values[$0].isFloat })
    }

    static func derivedKeys(of values: [SQLValue]) -> Set<Int> {
        Set(values.indices.filter { values[$0].type == .text && values[$0].keys?.isDerived == true })
    }

    static func rounded(of values: [SQLValue]) -> Set<Int> {
        Set(values.indices.filter { values[$0].isRounded })
    }

    /// Every column of the stage but `_o`, through `alias`, for a stage that renumbers rows.
    func passThrough(_ alias: String) -> String {
        SQLStage.select(columns(alias), types: types)
    }

    /// `value AS c0, key AS c0_f, …` for values that become the fields of a new stage.
    static func select(_ values: [SQLValue], types: [ValueType]) -> String {
        var parts: [String] = []
        for (index, value) in values.enumerated() {
            parts.append("\(value.raw) AS c\(index)")
            if hasKeys(types[index]) {
                let keys = value.keys ?? SQLValue.Keys(folded: "NULL", order: "NULL", sort: "NULL")
                parts.append("\(keys.folded) AS c\(index)_f")
                parts.append("\(keys.order) AS c\(index)_o")
                parts.append("\(keys.sort) AS c\(index)_s")
            }
        }
        return parts.isEmpty ? "" : parts.joined(separator: ", ") + ", "
    }

    /// The raw columns and keys of fields, for GROUP BY (keys follow from the value, so
    /// grouping by them as well changes no group).
    func groupColumns(_ alias: String, count: Int? = nil) -> [String] {
        var names: [String] = []
        for (index, type) in types.enumerated().prefix(count ?? types.count) {
            names.append("\(alias).c\(index)")
            // Derived keys are computed again from the value in the grouped select.
            if SQLStage.hasKeys(type), !derivedKeys.contains(index) { names += ["\(alias).c\(index)_f", "\(alias).c\(index)_o", "\(alias).c\(index)_s"] }
        }
        return names
    }
}

/// How rows order by a sort key (§4): missing last in both directions, text by its sort key
/// then its bytes, `desc` reversing the rest; lists sort by their text as shown, which only
/// dossier knows.
func sortTerms(_ value: SQLValue, descending: Bool) throws(Untranslatable) -> [String] {
    let direction = descending ? " DESC" : ""
    switch value.type {
    case nil:
        return []
    case .list?:
        throw Untranslatable(construct: "sorting by a list")
    case .text?:
        guard let keys = value.keys else { throw Untranslatable(construct: "sorting by computed text") }
        return ["(\(value.raw) IS NULL)", keys.sort + direction, "\(value.raw) COLLATE \"C\"" + direction]
    default:
        return ["(\(value.raw) IS NULL)", value.raw + direction]
    }
}
