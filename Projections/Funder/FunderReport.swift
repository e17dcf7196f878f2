public import Events

/// A date range, both ends included.
public struct ReportPeriod: Sendable, Equatable, Codable {
    /// First day.
    public let start: CalendarDate
    /// Last day.
    public let end: CalendarDate

    /// A period; throws when `end` is before `start`.
    public init(start: CalendarDate, end: CalendarDate) throws {
        guard start <= end else {
            throw ProjectionError.invalidArgument(field: "period", problem: "ends \(end) before it starts \(start)")
        }
        self.start = start
        self.end = end
    }

    /// One calendar month.
    public static func month(year: Int, month: Int) throws -> ReportPeriod {
        guard let first = CalendarDate(year: year, month: month, day: 1) else {
            throw ProjectionError.invalidArgument(field: "month", problem: "\(year)-\(month) is not a month")
        }
        return try ReportPeriod(start: first, end: first.adding(months: 1).adding(days: -1))
    }

    /// The funder's fiscal year (April to March) containing `date`.
    public static func fiscalYear(containing date: CalendarDate) -> ReportPeriod {
        let start = CalendarDate.fiscalYearStart(containing: date)
        let end = CalendarDate(year: start.year + 1, month: 3, day: 31)!
        return try! ReportPeriod(start: start, end: end)
    }

    func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// First days of the months the period touches.
    var months: [CalendarDate] {
        var months: [CalendarDate] = []
        var month = CalendarDate(year: start.year, month: start.month, day: 1)!
        while month <= end {
            months.append(month)
            month = month.adding(months: 1)
        }
        return months
    }
}

/// One figure of a funder report (the events behind it: ``ReadModels/explain(_:cell:)``).
public struct ReportCell: Sendable, Equatable, Codable {
    /// The figure's name, such as `services.component.languageTraining`.
    public let name: String
    /// The figure.
    public let value: Int
}

/// One service delivered, as a row of the client-service sheet (iCARE-style).
public struct ClientServiceRow: Sendable, Equatable, Codable {
    /// The client (`anonymous` rows keep the id for counting but show no details).
    public let clientId: String
    /// Whether the client is counted apart as anonymous.
    public let anonymous: Bool
    /// Whether the client (named) consented to share their identity with the funder; the
    /// funder export leaves the id blank otherwise.
    public let sharedWithFunder: Bool
    /// Service id.
    public let serviceId: String
    /// Date delivered.
    public let deliveredOn: CalendarDate
    /// Component.
    public let component: ServiceComponent
    /// Minutes.
    public let minutes: Int
    /// Mode.
    public let mode: ContactMode
    /// Age band on the service date.
    public let ageBand: AgeBand
    /// Under 18 on the service date (nil when no date of birth is known).
    public let minor: Bool?
    /// Gender.
    public let gender: Gender?
    /// Immigration category.
    public let immigrationCategory: ImmigrationCategory?
    /// Preferred official language.
    public let preferredOfficialLanguage: OfficialLanguage?
    /// Francophone.
    public let francophone: Bool
    /// New in the fiscal year (first service under the contract this fiscal year is in the period).
    public let newInFiscalYear: Bool
    /// Log position of the service (its original event).
    public let position: UInt64
}

/// A funder report for one contract and period: its figures, read from the aggregates the
/// funder projection keeps per contract, month and day (``ReadModels/funderReport(contract:period:)``).
public struct FunderReport: Sendable, Equatable, Codable {
    /// The contract.
    public let contractId: String
    /// The period reported.
    public let period: ReportPeriod
    /// The fiscal year new vs returning is measured in.
    public let fiscalYear: ReportPeriod
    /// Every figure by name (a figure nothing contributed to is absent).
    public let cells: [String: ReportCell]

    /// A figure's value (0 when nothing contributed).
    public func value(_ name: String) -> Int { cells[name]?.value ?? 0 }
}

/// A funder report worked out service by service from the facts
/// (``ReadModels/funderReportDetail(contract:period:)``): the same figures as the report, with
/// the events behind each and one row per client-service, for exports and explanations.
public struct FunderReportDetail: Sendable, Equatable, Codable {
    /// The figures.
    public let report: FunderReport
    /// Per figure, the positions of the events behind it (originals and their corrections),
    /// ascending.
    public let sources: [String: [UInt64]]
    /// One row per client-service, by date then log position.
    public let rows: [ClientServiceRow]
}
