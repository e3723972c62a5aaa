import DossierSupport
import DossierDiagnostics
import DossierData

/// Grouping by lists: each item of one list paired with each item of the others. A list names
/// each item once (`c;c` counts its row once under `c`).
package enum ListCombinations {
    /// More pairs than this from one row, or than `maximumCombinations` in all, is an error,
    /// not gigabytes (§7).
    package static let maximumCombinationsPerRow = 100_000
    package static let maximumCombinations = 50_000_000

    /// Calls `body` with each combination of one row's key values (the values themselves when
    /// none is a list).
    package static func forEach(
        _ values: [Value], made: inout Int, cancellation: Cancellation?, _ body: ([Value]) -> Void
    ) throws(Diagnostic) {
        guard values.contains(where: { if case .list = $0 { return true } else { return false } }) else {
            body(values)
            return
        }
        var choices: [[Value]] = []
        var product = 1
        for value in values {
            var options = [value]
            if case .list(let items) = value {
                var seen = Set<String>()
                options = items.filter { seen.insert($0).inserted }.map { .text($0) }
            }
            choices.append(options)
            product = product.multipliedReportingOverflow(by: max(1, options.count)).partialValue
            if product > maximumCombinationsPerRow { break }
        }
        made += product
        if product > maximumCombinationsPerRow {
            throw Diagnostic(.tooLarge, "grouping by these lists pairs more than \(maximumCombinationsPerRow) items in one row",
                hint: "each item of one list is paired with each item of the others; group by one list at a time")
        }
        if made > maximumCombinations {
            throw Diagnostic(.tooLarge, "grouping by these lists makes more than \(maximumCombinations / 1_000_000) million keys",
                hint: "group by fewer lists, or filter first")
        }
        // Odometer over the choices: no intermediate arrays of combinations.
        var indices = [Int](repeating: 0, count: choices.count)
        var key = choices.map { $0[0] }
        var emitted = 0
        while true {
            body(key)
            emitted += 1
            if emitted & 0xFFFF == 0 { try cancellation?.check() }
            var position = choices.count - 1
            while position >= 0 {
                indices[position] += 1
                if indices[position] < choices[position].count {
                    key[position] = choices[position][indices[position]]
                    break
                }
                indices[position] = 0
                key[position] = choices[position][0]
                position -= 1
            }
            if position < 0 { return }
        }
    }
}
