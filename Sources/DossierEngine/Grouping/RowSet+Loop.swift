import DossierSupport
import DossierDiagnostics
import DossierData

extension RowSet {
    /// Calls `body(position, row)` for every position, with the switch over the row set made
    /// once rather than per row (the grouping and aggregate loops run this ten million times).
    @inline(__always)
    package func forEachRow(_ body: (Int, Int) -> Void) {
        forEachRow(in: 0..<count, body)
    }

    /// The same for the positions in `range`.
    @inline(__always)
    package func forEachRow(in range: Range<Int>, _ body: (Int, Int) -> Void) {
        switch self {
        case .all:
            for position in range { body(position, position) }
        case .some(let indices):
            indices.withUnsafeBufferPointer { indices in
                for position in range { body(position, Int(indices[position])) }
            }
        }
    }
}

/// A long loop cut into chunks, with cancellation checked between them (Ctrl-C must stop a
/// loop over ten million rows within a chunk).
package enum Chunks {
    @inline(__always)
    package static func forEach(
        _ range: Range<Int>, size: Int = 1 << 16, cancellation: Cancellation?, _ body: (Range<Int>) -> Void
    ) throws(Diagnostic) {
        var start = range.lowerBound
        while start < range.upperBound {
            try cancellation?.check()
            let end = min(range.upperBound, start + size)
            body(start..<end)
            start = end
        }
    }
}
