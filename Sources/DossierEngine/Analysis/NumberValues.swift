import DossierSupport
import DossierDiagnostics
import DossierData
import DossierPlan

/// A numeric column as the analysis steps read it in typed loops: integers and exact decimals
/// as integers at one scale (so sums and differences are exact in 128 bits), or doubles.
package enum NumberValues {
    case exact([Int64], scale: Int, missing: Bitmap?)
    case float([Double], missing: Bitmap?)

    package init?(_ column: Column) {
        switch column {
        case .integer(let integers): self = .exact(integers.values, scale: 0, missing: integers.missing)
        case .decimal(let decimals): self = .exact(decimals.mantissas, scale: decimals.scale, missing: decimals.missing)
        case .float(let floats): self = .float(floats.values, missing: floats.missing)
        default: return nil
        }
    }

    /// Exact results (integers at `scale`, in 128 bits) as a column: whole numbers when the
    /// scale is 0, exact decimals, or doubles when one does not fit 64 bits.
    package static func column(_ values: [Int128], scale: Int, missing: Bitmap?) -> Column {
        var narrow = [Int64](repeating: 0, count: values.count)
        for (index, value) in values.enumerated() {
            guard let fitting = Int64(exactly: value) else { return doubles(values, scale: scale, missing: missing) }
            narrow[index] = fitting
        }
        if scale == 0 { return .integer(IntegerColumn(values: narrow, missing: missing)) }
        return .decimal(DecimalColumn(mantissas: narrow, scale: scale, missing: missing))
    }

    private static func doubles(_ values: [Int128], scale: Int, missing: Bitmap?) -> Column {
        let divisor = Double(DecimalNumber.powersOfTen[min(max(scale, 0), 18)])
        return .float(FloatColumn(values: values.map { Double($0) / divisor }, missing: missing))
    }

    /// `numerator / denominator` rounded to the nearest integer, halves away from zero; nil
    /// when the denominator is zero or the quotient does not fit 64 bits.
    package static func roundedQuotient(_ numerator: Int128, _ denominator: Int128) -> Int64? {
        guard denominator != 0 else { return nil }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        var result = quotient
        if remainder.magnitude >= denominator.magnitude - remainder.magnitude {
            result += (numerator < 0) != (denominator < 0) ? -1 : 1
        }
        return Int64(exactly: result)
    }

    /// A double rounded to one digit after the point (a percent as shares show it).
    package static func oneDigit(_ value: Double) -> Double {
        (value * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}

/// The groups of `per G, ...`: one group id a position of the relation (all 0 without keys).
package enum RowGroups {
    package static func of(_ relation: Relation, keys: [BoundExpr], cancellation: Cancellation?) throws(Diagnostic) -> [Int32] {
        if keys.isEmpty { return [Int32](repeating: 0, count: relation.count) }
        return try GroupAssignment.make(relation, keys: keys, expandLists: false, cancellation: cancellation).groupOf
    }
}
