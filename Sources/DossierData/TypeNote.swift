import DossierSupport
import DossierDiagnostics

/// Why a column is text although most of its values are numbers (or dates), found at load
/// (§6 "Messy columns"): one stray `unknown` among a thousand numbers turns a column into text,
/// and then `code > 2` would compare text. The load says so, `describe` says so, and ordering
/// such a field against a number is an error that offers `number(code)`.
public struct TypeNote: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case numbers, dates
    }

    public var kind: Kind
    /// Present values that are not numbers (dates), and present values in all.
    public var strays: Int
    public var total: Int
    /// The first such value, and where it is (`line 17`, `record 5`) when the loader knows.
    public var first: String
    public var place: String?

    public init(kind: Kind, strays: Int, total: Int, first: String, place: String? = nil) {
        self.kind = kind
        self.strays = strays
        self.total = total
        self.first = first
        self.place = place
    }

    /// "`code` is text: 3 of 1,204 values are not numbers (first: `unknown`, line 17)"
    public func sentence(field: String) -> String {
        DataMessages.typeNote(self, field: field)
    }

    /// The conversion that reads the field as intended: `number(code)`, `date(when)`.
    public func conversion(of field: String) -> String {
        "\(kind == .numbers ? "number" : "date")(\(field))"
    }
}

extension TextColumn {
    /// The stray-value note for a text column whose values are mostly numbers or dates: at
    /// least two of them are, and at most one in ten present values is not. Each distinct text
    /// is classified once; `firstRow` is where the first stray value is.
    public func typeNote() -> (note: TypeNote, firstRow: Int)? {
        // Most text columns hold no number or date at all: decided from the distinct texts
        // alone, without counting rows.
        var anyTyped = false
        for code in 1..<max(1, dictionary.codeCount) {
            let typed = dictionary.withBytes(UInt32(code)) { NumberText.parse($0) != nil || CivilDate.parse($0) != nil }
            if typed {
                anyTyped = true
                break
            }
        }
        guard anyTyped else { return nil }
        var counts = [Int](repeating: 0, count: dictionary.codeCount)
        for code in codes { counts[Int(code)] += 1 }
        var numbers = 0
        var dates = 0
        var present = 0
        var isNumber = [Bool](repeating: false, count: dictionary.codeCount)
        var isDate = [Bool](repeating: false, count: dictionary.codeCount)
        for code in 1..<max(1, dictionary.codeCount) where counts[code] > 0 {
            present += counts[code]
            dictionary.withBytes(UInt32(code)) { bytes in
                if NumberText.parse(bytes) != nil {
                    isNumber[code] = true
                    numbers += counts[code]
                } else if CivilDate.parse(bytes) != nil {
                    isDate[code] = true
                    dates += counts[code]
                }
            }
        }
        let kind: TypeNote.Kind = numbers >= dates ? .numbers : .dates
        let typed = kind == .numbers ? numbers : dates
        let strays = present - typed
        guard typed >= 2, strays >= 1, strays * 10 <= present else { return nil }
        let matches = kind == .numbers ? isNumber : isDate
        guard let firstRow = codes.indices.first(where: { codes[$0] != 0 && !matches[Int(codes[$0])] }) else { return nil }
        let first = dictionary.string(codes[firstRow])
        let shown = first.count > 40 ? String(first.prefix(40)) + "…" : first
        return (TypeNote(kind: kind, strays: strays, total: present, first: shown), firstRow)
    }
}
