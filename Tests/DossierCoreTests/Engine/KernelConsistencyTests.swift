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

/// The column kernels (`RowFilter`) and the general path (`Predicate`, boxed values through
/// `ValueComparison`) must give the same rows for every comparison.
@Suite struct KernelConsistencyTests {
    static let integers: [Value] = [.integer(.min), .integer(-5), .integer(0), .missing, .integer(7), .integer(.max), .integer(7)]
    static let decimals: [Value] = [.decimal(-1.5), .decimal(0), .missing, .decimal(2.25), .decimal(1e300), .decimal(-0.0), .decimal(7)]
    static let dates: [Value] = [.date(0), .date(-1), .missing, .date(20_000), .date(Int32.max), .date(Int32.min), .date(5)]
    static let texts: [Value] = [.text("Alpha"), .text("alpha"), .missing, .text("beta"), .text("Ärger"), .text("ärger"), .text("z")]

    let relation = Relation(
        fields: [Field("i", .integer), Field("d", .decimal), Field("t", .date), Field("s", .text)],
        columns: [
            Column.build(.integer, integers), Column.build(.decimal, decimals), Column.build(.date, dates),
            Column.build(.text, texts),
        ],
        rows: .all(7))

    static let constants: [(Int, Value)] = [
        (0, .integer(.min)), (0, .integer(.max)), (0, .integer(7)), (0, .integer(-6)), (0, .decimal(6.5)), (0, .decimal(7)),
        (1, .decimal(0)), (1, .decimal(2.25)), (1, .integer(7)), (1, .decimal(-1.5)), (1, .decimal(1e308)),
        (2, .date(0)), (2, .date(Int32.max)), (2, .date(Int32.min)), (2, .date(4)),
        (3, .text("alpha")), (3, .text("ÄRGER")), (3, .text("b")), (3, .text("")),
    ]

    @Test func kernelsAgreeWithTheGeneralPath() throws {
        for (field, constant) in Self.constants {
            for op in ComparisonOperator.allCases {
                let condition = BoundExpr.compare(op, .field(field, relation.fields[field].type), .constant(constant))
                let kernel = try RowFilter.compile(condition, columns: relation.columns, cancellation: nil).apply(.all(7), cancellation: nil)
                let general = try Predicate.filter(.all(7), { row in
                    ValueComparison.test(op, self.relation.columns[field].value(at: row), constant)
                }, cancellation: nil)
                #expect(kernel == general, "\(relation.fields[field].name) \(op.rawValue) \(constant)")
                let flipped = BoundExpr.compare(op.flipped, .constant(constant), .field(field, relation.fields[field].type))
                #expect(try RowFilter.compile(flipped, columns: relation.columns, cancellation: nil).apply(.all(7), cancellation: nil) == general)
            }
        }
    }

    @Test func inListKernelAgrees() throws {
        for values in [[Value.text("ALPHA")], [.text("beta"), .missing], [.missing], [Value]()] {
            for negated in [false, true] {
                let condition = BoundExpr.inList(.field(3, .text), values, negated: negated)
                let kernel = try RowFilter.compile(condition, columns: relation.columns, cancellation: nil).apply(.all(7), cancellation: nil)
                let general = try Predicate.filter(.all(7), { row in
                    let value = self.relation.columns[3].value(at: row)
                    return values.contains { ValueComparison.equals(value, $0) } != negated
                }, cancellation: nil)
                #expect(kernel == general, "in \(values) negated \(negated)")
            }
        }
    }

    @Test func chainsFilterOnlyTheSurvivors() throws {
        let condition = BoundExpr.and([
            .compare(.greater, .field(0, .integer), .constant(.integer(-10))),
            .compare(.equal, .field(3, .text), .constant(.text("ALPHA"))),
        ])
        #expect(try RowFilter.compile(condition, columns: relation.columns, cancellation: nil).apply(.all(7), cancellation: nil) == [1])
        #expect(try RowFilter.compile(condition, columns: relation.columns, cancellation: nil).apply(.some([6, 1, 0]), cancellation: nil) == [1])
    }

    @Test func topKWithoutMissingValuesMatchesAFullSort() throws {
        let values = (0..<2_000).map { Value.integer(Int64(($0 * 7919) % 503)) }
        let data = Relation(fields: [Field("n", .integer)], columns: [Column.build(.integer, values)], rows: .all(2_000))
        for descending in [false, true] {
            let keys = [BoundSortKey(expression: .field(0, .integer), descending: descending)]
            let full = try Sorter.sort(data, keys: keys, cancellation: nil).rows.indices
            for k in [0, 1, 10, 100, 1_999] {
                #expect(try Sorter.sort(data, keys: keys, keeping: k, cancellation: nil).rows.indices == Array(full.prefix(k)))
            }
        }
    }

    @Test func topKMatchesAFullSort() throws {
        let integers = (0..<500).map { $0 % 11 == 0 ? Value.missing : Value.integer(Int64(($0 * 7919) % 97)) }
        let decimals = (0..<500).map { index -> Value in
            index % 13 == 0 ? .missing : .decimal(DecimalNumber(mantissa: Int64((index * 31) % 17) * 25, scale: 2) ?? 0)
        }
        let names = (0..<500).map { $0 % 17 == 0 ? Value.missing : Value.text(["b", "A", "a", "c", "Ärger", "zeta"][$0 % 6]) }
        // Three values and missing elsewhere: the k-th best is missing for k past 3.
        let sparse = (0..<500).map { [40, 41, 300].contains($0) ? Value.integer(Int64($0 % 7)) : .missing }
        let data = Relation(
            fields: [Field("n", .integer), Field("d", .decimal), Field("s", .text), Field("p", .integer)],
            columns: [
                Column.build(.integer, integers), Column.build(.decimal, decimals), Column.build(.text, names),
                Column.build(.integer, sparse),
            ],
            rows: .some((0..<500).reversed().map { Int32($0) }))
        let keySets: [[BoundSortKey]] = [
            [BoundSortKey(expression: .field(0, .integer), descending: false)],
            [BoundSortKey(expression: .field(0, .integer), descending: true)],
            [BoundSortKey(expression: .field(1, .decimal), descending: true)],
            [BoundSortKey(expression: .field(2, .text), descending: false), BoundSortKey(expression: .field(0, .integer), descending: true)],
            // Several keys: the first key narrows the rows the others compare (text, numbers).
            [BoundSortKey(expression: .field(2, .text), descending: true), BoundSortKey(expression: .field(1, .decimal), descending: false)],
            [BoundSortKey(expression: .field(0, .integer), descending: false), BoundSortKey(expression: .field(2, .text), descending: true)],
            [BoundSortKey(expression: .field(1, .decimal), descending: true), BoundSortKey(expression: .field(0, .integer), descending: false)],
            [BoundSortKey(expression: .field(3, .integer), descending: true), BoundSortKey(expression: .field(0, .integer), descending: false)],
            // One text key takes the numeric loop over ranks in the alphabet.
            [BoundSortKey(expression: .field(2, .text), descending: false)],
            [BoundSortKey(expression: .field(2, .text), descending: true)],
        ]
        for keys in keySets {
            let full = try Sorter.sort(data, keys: keys, cancellation: nil).rows.indices
            for k in [0, 1, 5, 37, 499] {
                let top = try Sorter.sort(data, keys: keys, keeping: k, cancellation: nil).rows.indices
                #expect(top == Array(full.prefix(k)), "k = \(k), keys \(keys.count), first descending \(keys[0].descending)")
            }
        }
    }

    /// The radix sort's order codes (each key coded from its smallest or largest value, `desc`
    /// folded in, missing last both ways) against a plain comparison, for every key type,
    /// extremes and missing values included, on all rows and on a subset.
    @Test func fullSortsMatchAPlainComparison() throws {
        let count = 300
        let integers = (0..<count).map { index -> Value in
            index % 7 == 0 ? .missing : .integer([Int64.min, Int64.min + 1, -1, 0, Int64.max - 1, Int64.max][index % 6])
        }
        let dates = (0..<count).map { index -> Value in
            let days = Int32((index * 37) % 11 - 5) * 1000
            return index % 5 == 0 ? .missing : .date(days)
        }
        let flags = (0..<count).map { $0 % 4 == 0 ? Value.missing : .bool($0 % 3 == 0) }
        let doubles: [Double] = [-0.0, 0.0, -1.5, 1e300, -1e300, 2.5]
        var floatMissing = Bitmap(count: count)
        for row in stride(from: 0, to: count, by: 9) { floatMissing[row] = true }
        let floats = Column.float(FloatColumn(values: (0..<count).map { doubles[$0 % doubles.count] }, missing: floatMissing))
        let data = Relation(
            fields: [Field("i", .integer), Field("t", .date), Field("b", .bool), Field("f", .decimal)],
            columns: [Column.build(.integer, integers), Column.build(.date, dates), Column.build(.bool, flags), floats],
            rows: .all(count))
        /// -1, 0, 1; nil when either is missing.
        func order(_ column: Int, _ a: Int, _ b: Int) -> Int? {
            switch (data.columns[column].value(at: a), data.columns[column].value(at: b)) {
            case (.integer(let x), .integer(let y)): return x < y ? -1 : (x > y ? 1 : 0)
            case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
            case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
            case (.float(let x), .float(let y)): return x < y ? -1 : (x > y ? 1 : 0)
            default: return nil
            }
        }
        let everyOtherBackwards: [Int32] = stride(from: count - 1, through: 0, by: -2).map { Int32($0) }
        let subsets: [[Int32]?] = [nil, everyOtherBackwards]
        for subset in subsets {
            var working = data
            if let subset { working.rows = RowSet.some(subset) }
            for column in 0..<4 {
                for descending in [false, true] {
                    let keys = [BoundSortKey(expression: .field(column, data.fields[column].type), descending: descending)]
                    let sorted = try Sorter.sort(working, keys: keys, cancellation: nil).rows.indices
                    let rows: [Int32] = working.rows.indices
                    let expected: [Int32] = rows.enumerated().sorted { (a: (offset: Int, element: Int32), b: (offset: Int, element: Int32)) -> Bool in
                        let aMissing = data.columns[column].isMissing(Int(a.element))
                        let bMissing = data.columns[column].isMissing(Int(b.element))
                        if aMissing != bMissing { return bMissing }
                        if !aMissing, let comparison = order(column, Int(a.element), Int(b.element)), comparison != 0 {
                            return descending ? comparison > 0 : comparison < 0
                        }
                        return a.offset < b.offset
                    }.map { $0.element }
                    #expect(sorted == expected, "column \(column), descending \(descending), subset \(subset != nil)")
                }
            }
        }
    }
}
