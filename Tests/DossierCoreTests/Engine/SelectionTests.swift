import Testing
import DossierEngine

/// Quickselect against a full sort: every index of arrays with many ties, sorted runs,
/// reversed runs and sizes around the insertion-sort cut-off.
@Suite struct SelectionTests {
    @Test func putsTheTwoNeighboursWhereASortWould() {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 16, 17, 18, 40, 200, 1_000] {
            for shape in 0..<4 {
                var values: [Int64] = (0..<size).map { _ in Int64.random(in: 0..<Int64(shape == 0 ? 3 : 1_000), using: &generator) }
                if shape == 2 { values.sort() }
                if shape == 3 { values.sort(by: >) }
                let sorted = values.sorted()
                for index in Set([0, size / 2, size - 1, Int.random(in: 0..<size, using: &generator)]) {
                    var copy = values
                    copy.withUnsafeMutableBufferPointer { Selection.orderAround($0, index) }
                    #expect(copy[index] == sorted[index], "size \(size), shape \(shape), index \(index)")
                    if index + 1 < size { #expect(copy[index + 1] == sorted[index + 1]) }
                    #expect(copy.sorted() == sorted)
                }
            }
        }
    }

    @Test func doublesWithNaNStayInBounds() {
        var values: [Double] = (0..<100).map { $0 % 7 == 0 ? .nan : Double($0 % 13) }
        values.withUnsafeMutableBufferPointer { Selection.orderAround($0, 50) }
        #expect(values.count == 100)
    }
}
