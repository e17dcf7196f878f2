public import Foundation
import Synchronization

/// The calendar day of an instant in one time zone, kept for the day it answered: the casework
/// service asks for today twice on every command (a file view is one), and Foundation's
/// calendar takes microseconds to answer what is the same all day.
public final class CalendarDayCache: Sendable {
    /// The zone whose days these are.
    public let timeZone: TimeZone
    private let calendar: Calendar
    /// The last day answered, as the instants it spans: from its start, up to the next day's.
    private let lastDay = Mutex<(start: Date, end: Date, day: CalendarDate)?>(nil)

    /// A cache of days in `timeZone`.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// ``CalendarDate/day(of:in:)`` for this cache's zone.
    public func day(of instant: Date) -> CalendarDate {
        if let known = lastDay.withLock({ $0 }), known.start <= instant, instant < known.end { return known.day }
        let day = CalendarDate.day(of: instant, in: timeZone)
        // The day's own span (23 or 25 hours across a daylight-saving change), not 24 hours from midnight.
        if let span = calendar.dateInterval(of: .day, for: instant) {
            lastDay.withLock { $0 = (span.start, span.end, day) }
        }
        return day
    }
}
