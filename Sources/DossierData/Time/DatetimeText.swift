import DossierSupport
import DossierDiagnostics

/// Date and time of day as ISO 8601 writes them (§6 `datetime`): `2025-03-01T14:30`,
/// `2025-03-01 14:30:05`, `2025-03-01T14:30:05.250Z`, `2025-03-01 14:30+02:00`. Held as
/// microseconds since 1970-01-01 00:00 UTC, so they compare and subtract as integers. A time
/// with a zone (`Z`, `+02:00`, `-0500`) is moved to UTC; a time without one is taken as
/// written (as UTC), so a column of times from one place keeps its clock.
public enum DatetimeText {
    public static let microsecondsPerSecond: Int64 = 1_000_000
    public static let microsecondsPerDay: Int64 = 86_400 * 1_000_000

    /// The microseconds of a datetime, or nil when `bytes` is not one (a plain date is not:
    /// dates are their own type).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        // `YYYY-MM-DD` `T`/space `HH:MM`: 16 bytes at least.
        guard bytes.count >= 16, bytes.count <= 40, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ")
            || bytes[10] == UInt8(ascii: "t")
        else { return nil }
        guard let days = CivilDate.parse(UnsafeBufferPointer(rebasing: bytes[0..<10])) else { return nil }
        var reader = Reader(bytes: bytes, index: 11)
        guard let hour = reader.digits(2), hour < 24, reader.skip(":"), let minute = reader.digits(2), minute < 60 else {
            return nil
        }
        var second = 0
        var fraction: Int64 = 0
        if reader.skip(":") {
            guard let seconds = reader.digits(2), seconds < 60 else { return nil }
            second = seconds
            if reader.skip(".") || reader.skip(",") {
                guard let micros = reader.fraction() else { return nil }
                fraction = micros
            }
        }
        var offsetMinutes = 0
        if reader.skip("Z") || reader.skip("z") {
            offsetMinutes = 0
        } else if let sign = reader.sign() {
            guard let hours = reader.digits(2), hours <= 18 else { return nil }
            var minutes = 0
            if reader.skip(":") {
                guard let written = reader.digits(2), written < 60 else { return nil }
                minutes = written
            } else if let written = reader.digits(2) {
                guard written < 60 else { return nil }
                minutes = written
            }
            offsetMinutes = sign * (hours * 60 + minutes)
        }
        guard reader.atEnd else { return nil }
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * microsecondsPerSecond + fraction
    }

    public static func parse(_ text: String) -> Int64? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// The datetime as people read it: `2025-03-01 14:30`, with seconds only when there are
    /// some (`14:30:05`), and a fraction only when there is one (`14:30:05.25`).
    public static func format(_ microseconds: Int64) -> String {
        let (days, time) = split(microseconds)
        let seconds = time / microsecondsPerSecond
        let fraction = time % microsecondsPerSecond
        let hour = Int(seconds / 3600)
        let minute = Int(seconds / 60 % 60)
        let second = Int(seconds % 60)
        var text = CivilDate.format(days) + " " + twoDigits(hour) + ":" + twoDigits(minute)
        if second != 0 || fraction != 0 { text += ":" + twoDigits(second) }
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 6 - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// The day (days since 1970) and the microseconds into it, for any instant (before 1970 too).
    public static func split(_ microseconds: Int64) -> (days: Int32, time: Int64) {
        var days = microseconds / microsecondsPerDay
        var time = microseconds % microsecondsPerDay
        if time < 0 {
            days -= 1
            time += microsecondsPerDay
        }
        return (Int32(truncatingIfNeeded: days), time)
    }

    /// Midnight of a date.
    public static func midnight(_ days: Int32) -> Int64 { Int64(days) * microsecondsPerDay }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Reads the fixed pieces of a datetime after its date.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Exactly `count` ASCII digits.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let digit = bytes[index + offset] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            index += count
            return value
        }

        /// Digits after the point as microseconds: the first six count, later ones are dropped.
        mutating func fraction() -> Int64? {
            var value: Int64 = 0
            var count = 0
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                if count < 6 { value = value * 10 + Int64(bytes[index] &- 0x30) }
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, 6) { value *= 10 }
            return value
        }

        mutating func sign() -> Int? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }
    }
}
