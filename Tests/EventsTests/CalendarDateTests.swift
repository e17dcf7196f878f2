import Events
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesOnlyRealDaysInTheExactFormat() {
        #expect(CalendarDate(iso8601: "2024-02-29") != nil)
        #expect(CalendarDate(iso8601: "2025-02-29") == nil)
        #expect(CalendarDate(iso8601: "2025-4-01") == nil)
        #expect(CalendarDate(iso8601: "2025-04-01T00:00:00Z") == nil)
        #expect(CalendarDate(iso8601: "２０２５-04-01") == nil)
        #expect(CalendarDate(iso8601: "1900-01-01")?.description == "1900-01-01")
        #expect(CalendarDate(iso8601: "2025/04/01") == nil)
        #expect(CalendarDate(iso8601: "2025-04-0a") == nil)
        #expect(CalendarDate(iso8601: "2025-04-01 ") == nil)
        #expect(CalendarDate(iso8601: "-025-04-01") == nil)
        #expect(CalendarDate(iso8601: "0000-04-01") == nil)
    }

    @Test func daysSinceEpochRoundTripsAcrossFourCenturies() {
        for days in stride(from: -40_000, through: 80_000, by: 7) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CalendarDate(iso8601: "2000-03-01")!.daysSinceEpoch == 11_017)
    }

    @Test func addingMonthsClampsToTheMonthsEnd() {
        let date = CalendarDate(iso8601: "2024-01-31")!
        #expect(date.adding(months: 1).description == "2024-02-29")
        #expect(date.adding(months: 13).description == "2025-02-28")
        #expect(date.adding(months: -2).description == "2023-11-30")
        #expect(CalendarDate(iso8601: "2025-06-15")!.adding(months: 6).description == "2025-12-15")
    }

    @Test func ageCountsCompletedYears() {
        let birth = CalendarDate(iso8601: "2000-06-15")!
        #expect(birth.age(on: CalendarDate(iso8601: "2025-06-14")!) == 24)
        #expect(birth.age(on: CalendarDate(iso8601: "2025-06-15")!) == 25)
    }

    @Test func codesAsAQuotedDateAndRejectsOtherText() throws {
        let date = CalendarDate(iso8601: "2025-04-01")!
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-04-01"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["April 1"]"#.utf8)) }
    }

    @Test func dayOfAnInstantDependsOnTheAgencysZone() {
        let instant = Date(timeIntervalSince1970: 1_743_465_600)  // 2025-04-01T00:00:00Z
        #expect(CalendarDate.day(of: instant, in: TimeZone(identifier: "UTC")!).description == "2025-04-01")
        #expect(CalendarDate.day(of: instant, in: TimeZone(identifier: "America/Vancouver")!).description == "2025-03-31")
    }
}

/// Today kept for the day it answered: the same day Foundation's calendar gives for every
/// instant, across midnights and daylight-saving changes, going forward and back.
@Suite struct CalendarDayCacheTests {
    @Test(arguments: ["America/Vancouver", "UTC", "Asia/Kolkata", "Australia/Lord_Howe"])
    func answersAsTheCalendarDoes(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let cache = CalendarDayCache(timeZone: timeZone)
        // Spans the spring and autumn changes of 2025 in Vancouver (March 9, November 2).
        for start in [Date(timeIntervalSince1970: 1_741_392_000), Date(timeIntervalSince1970: 1_761_955_200)] {
            var instants = (0..<(3 * 24 * 4)).map { start.addingTimeInterval(Double($0) * 15 * 60 - 1) }
            instants += instants.reversed()
            for instant in instants {
                #expect(cache.day(of: instant) == CalendarDate.day(of: instant, in: timeZone), "\(instant) in \(zone)")
            }
        }
    }
}
