import DossierSupport
import DossierDiagnostics

/// Which rows of a relation's columns are in it, in order.
public enum RowSet: Sendable {
    /// Rows `0..<n` in order: no index array needed.
    case all(Int)
    case some([Int32])

    public var count: Int {
        switch self {
        case .all(let count): return count
        case .some(let indices): return indices.count
        }
    }

    /// The row id at a position.
    @inline(__always)
    public subscript(position: Int) -> Int {
        switch self {
        case .all: return position
        case .some(let indices): return Int(indices[position])
        }
    }

    public var indices: [Int32] {
        switch self {
        case .all(let count): return (0..<count).map { Int32(truncatingIfNeeded: $0) }
        case .some(let indices): return indices
        }
    }
}
