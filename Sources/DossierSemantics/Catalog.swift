import DossierSupport
import DossierDiagnostics
import DossierData
import DossierSyntax
import DossierPlan

/// What the session knows by name: datasets and named queries. Names are case-insensitive.
/// A value type: a statement works on a copy and the session keeps it only on success, which
/// is how a failed load changes nothing.
public struct Catalog: Sendable {
    public enum Entry: Sendable {
        case dataset(Dataset)
        case query(NamedQuery)

        public var name: String {
            switch self {
            case .dataset(let dataset): return dataset.name
            case .query(let query): return query.name
            }
        }
    }

    private var entries: [String: Entry] = [:]
    /// Keys in the order they were first added.
    private var order: [String] = []

    public init() {}

    public subscript(name: String) -> Entry? { entries[FieldName.key(name)] }

    public var all: [Entry] { order.compactMap { entries[$0] } }

    public var names: [String] { all.map(\.name) }

    public var datasets: [Dataset] {
        all.compactMap { entry in
            if case .dataset(let dataset) = entry { return dataset }
            return nil
        }
    }

    /// Adds or replaces; returns what was replaced.
    @discardableResult
    public mutating func set(_ entry: Entry) -> Entry? {
        let key = FieldName.key(entry.name)
        let previous = entries[key]
        if previous == nil { order.append(key) }
        entries[key] = entry
        return previous
    }

    @discardableResult
    public mutating func remove(_ name: String) -> Entry? {
        let key = FieldName.key(name)
        guard let previous = entries.removeValue(forKey: key) else { return nil }
        order.removeAll { $0 == key }
        return previous
    }
}
