import DossierSupport
import DossierDiagnostics
import DossierData

public struct PlanStep: Sendable {
    public var kind: PlanStepKind
    /// Where the clauses this step came from are in the query text (one, or more when the
    /// optimizer fused them: `sort … limit`), for `explain` and for messages about empty
    /// results. The plan holds no syntax: source ranges are all it needs.
    public var ranges: [Range<Int>]
    /// The fields after this step.
    public var fields: [Field]

    /// The clause that decides which rows this step removes: the last one it came from
    /// (`limit 0`, not the `sort` before it).
    public var range: Range<Int> { ranges.last ?? 0..<0 }

    package init(kind: PlanStepKind, range: Range<Int>, fields: [Field]) {
        self.init(kind: kind, ranges: [range], fields: fields)
    }

    package init(kind: PlanStepKind, ranges: [Range<Int>], fields: [Field]) {
        self.kind = kind
        self.ranges = ranges
        self.fields = fields
    }
}
