import Testing
@testable import DossierSupport
@testable import DossierDiagnostics
@testable import DossierData
@testable import DossierSyntax
@testable import DossierLoad
@testable import DossierPlan
@testable import DossierSemantics
@testable import DossierEngine
@testable import DossierOutput
@testable import DossierSession
@testable import DossierCompletion

/// The typed grouping engine (issue 13): its answers on the shapes that take different paths
/// (direct table, hashing, keys wider than a word, boxed keys), its statistics, arithmetic on
/// aggregates and `limit … per`.
@Suite struct GroupingEngineTests {
    let files = TemporaryDirectory()
    let shell = TestSession(sample: false)

    private func load(_ name: String, _ contents: String) {
        shell.run("load \(files.write(name, contents)) as \(name.split(separator: ".")[0])")
    }

    @Test func statisticsPerGroup() {
        load("v.csv", "g,x,y\na,1,2\na,2,4\na,4,7\na,,9\nb,5,5\nb,7,1\nc,3,\n")
        let rows = shell.rows("v summarize median(x) as m, quantile(x, 0.25) as q, variance(x) as var, stddev(x) as sd, corr(x, y) as r by g")
        #expect(rows[0] == ["g", "m", "q", "var", "sd", "r"])
        // a: 1, 2, 4 → median 2, quantile 0.25 at position 0.5 → 1.5, variance 7/3.
        #expect(rows[1][0] == "a" && rows[1][1] == "2" && rows[1][2] == "1.5")
        #expect(abs((Double(rows[1][3]) ?? 0) - 7.0 / 3.0) < 1e-12)
        #expect(abs((Double(rows[1][4]) ?? 0) - (7.0 / 3.0).squareRoot()) < 1e-12)
        // x and y of a where both are present: (1,2) (2,4) (4,7): r = 69 / √(42 · 114).
        #expect(abs((Double(rows[1][5]) ?? 0) - 69 / (42.0 * 114).squareRoot()) < 1e-12)
        // b: 5, 7 → median 6 (exact); y falls as x rises → -1.
        #expect(rows[2][1] == "6" && Double(rows[2][5]) == -1)
        // c: one value: no spread, no correlation.
        #expect(rows[3] == ["c", "3", "3", "", "", ""])
    }

    @Test func sumsThatOverflowSixtyFourBitsAreAddedAgainWider() {
        // The 64-bit loop overflows in group a; the 128-bit one then gives the exact total.
        load("o.csv", "g,v\na,9223372036854775807\nb,1\na,9223372036854775807\nb,-5\na,-9223372036854775807\n")
        #expect(shell.rows("o summarize sum(v) as s, count() as n by g") == [["g", "s", "n"], ["a", "9223372036854775807", "3"], ["b", "-4", "2"]])
    }

    @Test func aRepeatedAggregateIsComputedOnceAndShownWhereAsked() {
        load("r.csv", "g,a,b\nx,1,2\nx,3,5\ny,2,2\n")
        #expect(shell.rows("r summarize count(), count() as n by g") == [["g", "count", "n"], ["x", "2", "2"], ["y", "1", "1"]])
        #expect(shell.rows("r summarize sum(a) * sum(a) as s, sum(a) as t by g") == [["g", "s", "t"], ["x", "16", "4"], ["y", "4", "2"]])
        // Only the same function over the same fields is shared.
        #expect(shell.rows("r summarize sum(a) - sum(b) as d by g") == [["g", "d"], ["x", "-3"], ["y", "0"]])
    }

    @Test func medianOfDecimalsIsExact() {
        load("p.csv", "price\n0.10\n0.20\n19.99\n1.10\n")
        // Sorted: 0.10 0.20 1.10 19.99 → (0.20 + 1.10) / 2 = 0.65, not 0.6500000000000001.
        #expect(shell.column("p summarize median(price)") == ["0.65"])
        #expect(shell.column("p summarize quantile(price, 1)") == ["19.99"])
        #expect(shell.column("p summarize quantile(price, 0)") == ["0.1"])
    }

    @Test func arithmeticBetweenAggregates() {
        load("v.csv", "g,a,b\nx,1,10\nx,5,2\ny,3,3\n")
        #expect(shell.rows("v summarize max(a) - min(b) as range, count() by g")
            == [["g", "range", "count"], ["x", "3", "2"], ["y", "0", "1"]])
        #expect(shell.rows("v summarize sum(a) * 2 + 1 by g") == [["g", "sum(a) * 2 + 1"], ["x", "13"], ["y", "7"]])
        // An item may use a key; a field neither grouped nor aggregated is an error that says so.
        #expect(shell.error("v summarize sum(a) + b by g")?.message == "`b` has many values in each group")
        #expect(shell.error("v summarize a by g")?.message == "`a` is not an aggregate")
        #expect(shell.error("v summarize quantile(a, 1.5)")?.message == "the share of `quantile` is a number from 0 to 1")
        #expect(shell.error("v summarize sum(count())")?.message == "`count` cannot be used here")
        #expect(shell.error("v where count() > 1")?.hint?.contains("aggregates go in summarize") == true)
    }

    @Test func limitPerKeepsTheFirstRowsOfEachGroup() {
        load("s.csv", "g,v\na,1\nb,9\na,3\nb,2\na,2\nc,5\n")
        #expect(shell.rows("s sort by v desc limit 2 per g select g, v")
            == [["g", "v"], ["b", "9"], ["c", "5"], ["a", "3"], ["b", "2"], ["a", "2"]])
        // The second row of each group, in the order rows come.
        #expect(shell.rows("s limit 1 offset 1 per g") == [["g", "v"], ["a", "3"], ["b", "2"]])
        // Found by FuzzQuery: none of each group, after a sort, trapped in the fused step.
        #expect(shell.rows("s sort by v desc limit 0 per g select g, v") == [["g", "v"]])
        #expect(shell.rows("s sort by v desc limit 0 offset 1 per g select g, v") == [["g", "v"]])
    }

    /// Keys that fit a direct table, need hashing (a wide integer range), are wider than one
    /// word, or are boxed (decimals beyond 18 digits) group alike.
    @Test func everyKeyPathGroupsTheSame() {
        var csv = "t,i,w,f\n"
        for row in 0..<300 {
            let text = ["Alpha", "alpha", "beta", ""][row % 4]
            let wide = [Int64.min + 1, 0, Int64.max, 17][row % 3]
            let float = ["1e300", "2.5e300", ""][row % 3]
            csv += "\(text),\(row % 7),\(wide),\(float)\n"
        }
        load("k.csv", csv)
        let direct = shell.rows("k count by t")
        // Ties in count come in key order: the alphabet, lower case first (§4), missing last.
        #expect(direct == [["t", "count"], ["alpha", "75"], ["Alpha", "75"], ["beta", "75"], ["", "75"]])
        let hashed = shell.rows("k count by w")
        #expect(hashed.count == 4 && hashed.dropFirst().allSatisfy { $0[1] == "100" })
        // Two full-range integers need two words.
        let wide = shell.rows("k count by w, i, t")
        #expect(wide.dropFirst().map { Int($0[3]) ?? 0 }.reduce(0, +) == 300)
        #expect(wide.count - 1 == Set(wide.dropFirst().map { $0.prefix(3).joined(separator: "|") }).count)
        let boxed = shell.rows("k summarize count() by f")
        #expect(boxed == [["f", "count"], ["1e300", "100"], ["2.5e300", "100"], ["", "100"]])
    }

    /// Groups come out in key order (summarize) and count order (count by), missing last,
    /// whatever the path and however many groups.
    @Test func manyGroupsComeOutInOrder() {
        var csv = "a,b\n"
        for row in 0..<5000 { csv += "\(row * 7919 % 5000),\(row % 3 == 0 ? "" : String(row % 11))\n" }
        load("m.csv", csv)
        let keys = shell.column("m summarize count() by a").compactMap(Int.init)
        #expect(keys == Array(0..<5000))
        let pairs = shell.rows("m summarize count() as n by b, a").dropFirst()
        let bs = pairs.map { $0[0] }
        // Numbers first in order, missing last.
        let present = bs.filter { !$0.isEmpty }.compactMap(Int.init)
        #expect(present == present.sorted())
        let afterFirstMissing = bs.drop { !$0.isEmpty }
        #expect(afterFirstMissing.allSatisfy { $0.isEmpty })
    }

    @Test func radixSortIsStableAndKeepsMissingLast() {
        load("r.csv", "id,x,s\n1,2,b\n2,,a\n3,2,B\n4,-1,\n5,2,b\n")
        #expect(shell.column("r sort by x select id") == ["4", "1", "3", "5", "2"])
        #expect(shell.column("r sort by x desc select id") == ["1", "3", "5", "4", "2"])
        #expect(shell.column("r sort by s desc, id desc select id") == ["3", "5", "1", "2", "4"])
    }

    @Test func radixOrderOfWideKeys() {
        let keys: [UInt64] = [5, 1 << 40, 3, 5, UInt64.max, 0]
        #expect(RadixSort.order(keys) == [5, 2, 0, 3, 1, 4])
        let high: [UInt64] = [1, 0, 1, 0]
        let low: [UInt64] = [0, 9, 0, 1]
        #expect(RadixSort.order(words: [high, low]) == [3, 1, 0, 2])
    }

    /// The direct path (small packed codes, no word per row) against the word array and the
    /// group table it replaces: the same group for every position, the same first positions,
    /// on one core and on two, every row or some, keys missing or not.
    @Test func directGroupingMatchesTheGroupTable() throws {
        for count in [1_000, 300_000] {
            let integers = (0..<count).map { index -> Value in
                let number = Int64((index * 7919) % 97) - 40
                return index % 13 == 0 ? .missing : .integer(number)
            }
            let words = ["a", "B", "b", "ç"]
            let texts = (0..<count).map { index -> Value in index % 17 == 0 ? .missing : .text(words[(index * 31) % 4]) }
            let flags = (0..<count).map { index -> Value in index % 5 == 0 ? .missing : .bool(index % 3 == 0) }
            // One key with nothing missing, read at every row, codes straight from the column.
            let whole = (0..<count).map { index -> Value in .integer(Int64((index * 104_729) % 1_000) - 500) }
            let columns = [
                Column.build(.integer, integers), Column.build(.text, texts), Column.build(.bool, flags), Column.build(.integer, whole),
            ]
            let subset: [Int32] = stride(from: count - 1, through: 0, by: -3).map { Int32($0) }
            for rows in [RowSet.all(count), .some(subset)] {
                for keys in [[0], [1, 2], [0, 1, 2], [2], [1], [3], [3, 1]] {
                    let encoders = try keys.map { try #require(KeyEncoder(columns[$0], rows: rows)) }
                    var shifts: [Int] = []
                    var bits = 0
                    for encoder in encoders {
                        shifts.append(bits)
                        bits += encoder.bits
                    }
                    #expect(DirectGrouping.applies(bits: bits, count: rows.count))
                    let direct = try DirectGrouping.assign(
                        encoders: encoders, rows: keys.map { _ in rows }, shifts: shifts, bits: bits, count: rows.count, cancellation: nil)
                    var words = [UInt64](repeating: 0, count: rows.count)
                    words.withUnsafeMutableBufferPointer { buffer in
                        guard let base = buffer.baseAddress else { return }
                        for (index, encoder) in encoders.enumerated() {
                            encoder.write(rows: rows, into: base, stride: 1, word: 0, shift: shifts[index])
                        }
                    }
                    let table = try words.withUnsafeBufferPointer { (words) throws(Diagnostic) in
                        try GroupTable.assign(words, stride: 1, count: rows.count, cancellation: nil)
                    }
                    #expect(direct.groupOf == table.groupOf, "rows \(rows.count), keys \(keys)")
                    #expect(direct.firstPosition == table.firstPosition, "rows \(rows.count), keys \(keys)")
                    #expect(direct.words == table.firstPosition.map { words[Int($0)] })
                }
            }
        }
    }

    /// Medians, quantiles and standard deviations when both cores share the rows (more than
    /// `Parallel.minimumRows`): each core places its values after the previous core's, the
    /// groups are selected on both, and the moments are joined; against a sort and two passes.
    @Test func statisticsOverBothCoresMatchASortAndTwoPasses() throws {
        let count = 200_003
        var text = "g,x\n"
        var byGroup = [[Int64]](repeating: [], count: 7)
        for row in 0..<count {
            let group = (row * 31) % 7
            if row % 11 == 0 {
                text += "g\(group),\n"
                continue
            }
            let cents = Int64((row * 7919) % 100_003) - 50_000
            byGroup[group].append(cents)
            text += "g\(group),\(DecimalNumber(mantissa: cents, scale: 2) ?? 0)\n"
        }
        load("big.csv", text)
        let rows = shell.rows("big summarize median(x) as m, quantile(x, 0.9) as q, stddev(x) as s by g")
        #expect(rows.count == 8)
        for (index, row) in rows.dropFirst().enumerated() {
            let values = byGroup[index].sorted()
            #expect(row[0] == "g\(index)")
            // Median: the middle value, or the mean of the two middle ones (exact).
            let middle = values.count / 2
            let median = values.count % 2 == 1 ? Double(values[middle]) / 100 : Double(values[middle - 1] + values[middle]) / 200
            #expect(Double(row[1]) == median, "group \(index)")
            // Quantile 0.9: between positions ⌊(n-1)·0.9⌋ and the next.
            let position = Double(values.count - 1) * 0.9
            let lower = Int(position.rounded(.down))
            let expectedQuantile = (Double(values[lower]) + (Double(values[min(lower + 1, values.count - 1)]) - Double(values[lower])) * (position - Double(lower))) / 100
            #expect(abs((Double(row[2]) ?? .nan) - expectedQuantile) < 1e-9, "group \(index)")
            let doubles = values.map { Double($0) / 100 }
            let mean = doubles.reduce(0, +) / Double(doubles.count)
            let variance = doubles.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(doubles.count - 1)
            #expect(abs((Double(row[3]) ?? .nan) - variance.squareRoot()) < 1e-9 * variance.squareRoot(), "group \(index)")
        }
    }

    /// The top rows of each group when both cores keep buffers (more than
    /// `Parallel.minimumRows` rows), against the plain path (sort, then the first rows of each
    /// group: more than 64 a group is not fused): the same rows, in the same order, ties to the
    /// earlier row.
    @Test func topRowsPerGroupOverBothCoresMatchSortingFirst() {
        var text = "id,g,v\n"
        for row in 0..<200_000 { text += "\(row),\((row * 7) % 1_000),\((row * 7919) % 50)\n" }
        load("top.csv", text)
        let fused = shell.rows("top sort by v desc limit 3 per g select id, g, v")
        var seen: [String: Int] = [:]
        let plain = shell.rows("top sort by v desc limit 70 per g select id, g, v").dropFirst().filter { row in
            seen[row[1], default: 0] += 1
            return (seen[row[1]] ?? 0) <= 3
        }
        #expect(fused.count == 3_001)
        #expect(Array(fused.dropFirst()) == plain)
    }

    /// Two or three sums and averages made in one pass give what each gives alone, on one core
    /// and on two; sums that overflow 64 bits are made again exactly.
    @Test func sumsMadeTogetherEqualSumsMadeAlone() {
        for count in [500, 150_000] {
            var text = "g,a,b,c,d\n"
            for row in 0..<count {
                let big = row % 3 == 0 ? "9000000000000000000" : "\(row)"
                text += "k\(row % 5),\(row % 97),\(row % 1_000).\(String(format: "%02d", row % 100)),\(big),\(row % 7)\n"
            }
            load("s\(count).csv", text)
            let name = "s\(count)"
            for items in [["sum(a)", "avg(b)"], ["sum(a)", "avg(b)", "avg(d)"], ["avg(a)", "sum(c)", "sum(b)"], ["sum(a)", "sum(b)", "sum(c)", "sum(d)"]] {
                let together = shell.rows("\(name) summarize \(items.enumerated().map { "\($1) as x\($0)" }.joined(separator: ", ")) by g")
                for (index, item) in items.enumerated() {
                    let alone = shell.rows("\(name) summarize \(item) as x by g")
                    #expect(together.map { $0[index + 1] } == alone.map { $0[1] } .enumerated().map { $0.offset == 0 ? "x\(index)" : $0.element },
                        "\(items) at \(item), \(count) rows")
                }
            }
        }
    }
}
