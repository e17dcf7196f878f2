import Events
import EventStore
import Foundation
import Hummingbird
import Projections

/// Reads query parameters, answering 400 problem details naming the parameter when one is
/// malformed. An empty parameter counts as absent, as a blank form field does.
struct QueryReader {
    let values: [String: String]

    init(_ request: Request) {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            let text = String(value).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { values[String(key)] = text }
        }
        self.values = values
    }

    /// The text of `name`, nil when absent.
    func text(_ name: String) -> String? { values[name] }

    /// `name` when present, else 400 saying it is required.
    func required(_ name: String, example: String) throws -> String {
        guard let value = values[name] else { throw Self.bad(name, "is required, e.g. \(example)") }
        return value
    }

    /// `name` as a `YYYY-MM-DD` date.
    func date(_ name: String) throws -> CalendarDate? {
        guard let text = values[name] else { return nil }
        guard let date = CalendarDate(iso8601: text) else { throw Self.bad(name, "is not a date such as 2025-06-30 (got '\(text)')") }
        return date
    }

    /// `name` as an integer within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw Self.bad(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound) (got '\(text)')")
        }
        return number
    }

    /// `name` as a month `YYYY-MM`.
    func month(_ name: String) throws -> ReportPeriod? {
        guard let text = values[name] else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
            let period = try? ReportPeriod.month(year: year, month: month)
        else { throw Self.bad(name, "is not a month such as 2025-06 (got '\(text)')") }
        return period
    }

    /// The report period from `month` (YYYY-MM) or `fiscalYear` (the starting year, April to
    /// March); exactly one must be given.
    func reportPeriod() throws -> ReportPeriod {
        switch (try month("month"), try integer("fiscalYear", in: 1900...2999)) {
        case (let period?, nil): return period
        case (nil, let year?): return ReportPeriod.fiscalYear(containing: CalendarDate(year: year, month: 4, day: 1)!)
        case (.some, .some): throw Self.bad("fiscalYear", "cannot be given with month; choose one")
        case (nil, nil): throw Self.bad("month", "is required (or fiscalYear), e.g. 2025-06")
        }
    }

    /// The instant at the end of the day `name` (in `timeZone`), for "as of" and "through".
    func endOfDay(_ name: String, timeZone: TimeZone) throws -> Timestamp? {
        guard let date = try date(name) else { return nil }
        return Self.timestamp(date.adding(days: 1), timeZone: timeZone).map { Timestamp(microsecondsSinceEpoch: $0.microsecondsSinceEpoch - 1) }
    }

    /// The instant the day `name` starts (in `timeZone`).
    func startOfDay(_ name: String, timeZone: TimeZone) throws -> Timestamp? {
        guard let date = try date(name) else { return nil }
        return Self.timestamp(date, timeZone: timeZone)
    }

    static func timestamp(_ date: CalendarDate, timeZone: TimeZone) -> Timestamp? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else { return nil }
        return Timestamp(instant)
    }

    static func bad(_ field: String, _ problem: String) -> ProblemDetails {
        ProblemDetails(.badRequest, detail: "\(field) \(problem).", errors: [FieldProblem(field: field, problem: problem)])
    }
}
