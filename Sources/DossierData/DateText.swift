import DossierSupport
import DossierDiagnostics

/// Dates as people write them, for `date(x)` and `date(x, format)` (§6 "Messy columns").
/// Without a format: the ISO forms `2025-03-01`, `2025/03/01`, `20250301`, and a date with a
/// time after it (`2025-03-01T14:30`, `2025-03-01 14:30:00`), whose date is taken. With a
/// format: `yyyy`, `yy` (00–69 are 2000s, 70–99 1900s), `mm`/`m`, `dd`/`d`, `mon` (Jan),
/// `month` (January), and any other character as itself. What does not read is missing.
public enum DateText {
    public static func parse(_ text: String) -> Int32? {
        let bytes = Array(text.utf8.prefix(64))
        if let days = CivilDate.parse(bytes) { return days }
        if bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") {
            return CivilDate.parse(bytes[0..<10])
        }
        if bytes.count == 10, bytes[4] == UInt8(ascii: "/"), bytes[7] == UInt8(ascii: "/") {
            var dashed = bytes
            dashed[4] = UInt8(ascii: "-")
            dashed[7] = UInt8(ascii: "-")
            return CivilDate.parse(dashed)
        }
        if bytes.count == 8, bytes.allSatisfy({ $0 &- 0x30 < 10 }) {
            return Format("yyyymmdd").flatMap { $0.parse(text) }
        }
        return nil
    }

    /// A date format, read once per query.
    public struct Format: Sendable {
        package enum Piece: Equatable {
            case year4, year2, month, monthName, day
            case literal(Character)
        }

        package let pieces: [Piece]

        public init?(_ format: String) {
            guard Format.problem(format) == nil else { return nil }
            pieces = Format.pieces(format)
        }

        /// Why a format cannot be used (no year, month or day; something twice), or nil.
        public static func problem(_ format: String) -> String? {
            let pieces = pieces(format)
            let years = pieces.filter { $0 == .year4 || $0 == .year2 }.count
            let months = pieces.filter { $0 == .month || $0 == .monthName }.count
            let days = pieces.filter { $0 == .day }.count
            if years != 1 { return years == 0 ? DataMessages.formatHasNoYear() : DataMessages.formatHasYearTwice() }
            if months != 1 { return months == 0 ? DataMessages.formatHasNoMonth() : DataMessages.formatHasMonthTwice() }
            if days != 1 { return days == 0 ? DataMessages.formatHasNoDay() : DataMessages.formatHasDayTwice() }
            return nil
        }

        private static func pieces(_ format: String) -> [Piece] {
            var pieces: [Piece] = []
            var rest = Substring(format.lowercased())
            while !rest.isEmpty {
                if rest.hasPrefix("yyyy") {
                    pieces.append(.year4)
                    rest = rest.dropFirst(4)
                } else if rest.hasPrefix("yy") {
                    pieces.append(.year2)
                    rest = rest.dropFirst(2)
                } else if rest.hasPrefix("month") {
                    pieces.append(.monthName)
                    rest = rest.dropFirst(5)
                } else if rest.hasPrefix("mon") || rest.hasPrefix("mmm") {
                    pieces.append(.monthName)
                    rest = rest.dropFirst(3)
                } else if rest.hasPrefix("mm") || rest.hasPrefix("m") {
                    pieces.append(.month)
                    rest = rest.dropFirst(rest.hasPrefix("mm") ? 2 : 1)
                } else if rest.hasPrefix("dd") || rest.hasPrefix("d") {
                    pieces.append(.day)
                    rest = rest.dropFirst(rest.hasPrefix("dd") ? 2 : 1)
                } else if let first = rest.first {
                    pieces.append(.literal(first))
                    rest = rest.dropFirst()
                }
            }
            return pieces
        }

        public func parse(_ text: String) -> Int32? {
            var rest = Substring(text.trimmingSpaces.lowercased())
            var year: Int?
            var month: Int?
            var day: Int?
            for piece in pieces {
                switch piece {
                case .year4: year = Format.number(&rest, digits: 4...4)
                case .year2: year = Format.number(&rest, digits: 2...2).map { $0 < 70 ? 2000 + $0 : 1900 + $0 }
                case .month: month = Format.number(&rest, digits: 1...2)
                case .day: day = Format.number(&rest, digits: 1...2)
                case .monthName: month = Format.monthName(&rest)
                case .literal(let character):
                    guard rest.first == character else { return nil }
                    rest = rest.dropFirst()
                }
            }
            guard rest.isEmpty, let year, let month, let day else { return nil }
            return CivilDate.days(year: year, month: month, day: day)
        }

        private static func number(_ rest: inout Substring, digits: ClosedRange<Int>) -> Int? {
            var value = 0
            var count = 0
            while count < digits.upperBound, let first = rest.first, let digit = first.wholeNumberValue, first.isASCII {
                value = value * 10 + digit
                count += 1
                rest = rest.dropFirst()
            }
            return digits.contains(count) ? value : nil
        }

        private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"]

        /// `jan`, `January`, `sept`: the longest month name or its first three letters.
        private static func monthName(_ rest: inout Substring) -> Int? {
            for (index, name) in months.enumerated() where rest.hasPrefix(name) {
                rest = rest.dropFirst(name.count)
                return index + 1
            }
            if rest.hasPrefix("sept") {
                rest = rest.dropFirst(4)
                return 9
            }
            for (index, name) in months.enumerated() where rest.hasPrefix(name.prefix(3)) {
                rest = rest.dropFirst(3)
                if rest.first == "." { rest = rest.dropFirst() }
                return index + 1
            }
            return nil
        }
    }
}
