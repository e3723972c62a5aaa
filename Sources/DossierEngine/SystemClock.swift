#if canImport(Glibc)
import Glibc
#endif
import DossierSupport
import DossierDiagnostics
import DossierData

/// The computer's clock, for `today()` and `now()`.
package enum SystemClock {
    /// Today's date where this computer is (its time zone, as a calendar on the wall shows it).
    package static func today() -> Int32 {
        var seconds = time(nil)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil,
            let days = CivilDate.days(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        else { return DatetimeText.split(now()).days }
        return days
    }

    /// Now, in UTC, to the microsecond.
    package static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * DatetimeText.microsecondsPerSecond + Int64(spec.tv_nsec / 1000)
    }
}
