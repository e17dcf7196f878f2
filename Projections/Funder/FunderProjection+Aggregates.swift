import Events

/// The funder report's aggregates, kept from the `client` rows (a client's details and every
/// service they received). At the end of each batch every client row the batch changed is
/// folded twice — as it was before the batch and as it is after — and the difference is
/// written: the service figures of each (contract, day) and the client figures of each
/// (contract, whole month) are sums over clients, so they move by the difference; a client's
/// `clients/` entries belong to that client alone, so they are replaced. A correction or void of a service, or a change or correction of a client's
/// intake, changes the client's row, so the aggregates follow it exactly.
extension FunderProjection {
    public static var aggregatedTable: String? { "client" }

    public static func updateAggregates(_ changes: [RowChange<Fact>], in aggregates: inout AggregateWriter<FunderProjection>) throws {
        // Keyed by the day (slot = day of month) or, for a month's client figures, by the
        // month's first day with slot 0.
        var totalChanges: [TotalsSlot: [Int]] = [:]
        for change in changes {
            let before = ClientAggregates(FunderClientRow(change.before))
            let after = ClientAggregates(FunderClientRow(change.after))
            for (slot, figures) in before.totals { totalChanges[slot, default: ClientAggregates.noFigures].subtract(figures) }
            for (slot, figures) in after.totals { totalChanges[slot, default: ClientAggregates.noFigures].add(figures) }
            for (month, _) in before.months where after.months[month] == nil {
                try aggregates.delete(clientsRow(month, client: change.row.key), slot: 0)
            }
            for (month, served) in after.months where before.months[month] != served {
                try aggregates.put(.clientMonth(served), in: clientsRow(month, client: change.row.key), slot: 0)
            }
        }
        for (slot, change) in totalChanges where change.contains(where: { $0 != 0 }) {
            try apply(change, to: slot, in: &aggregates)
        }
    }

    private static func clientsRow(_ month: ContractDay, client: String) -> RowKey {
        RowKey("clients", clientsPrefix(contract: month.contract, month: month.date) + client)
    }

    /// Adds a change of figures to stored totals; totals that are all zero are removed, so a
    /// model built in any order holds the same entries.
    private static func apply(_ change: [Int], to totals: TotalsSlot, in aggregates: inout AggregateWriter<FunderProjection>) throws {
        let row = daysRow(contract: totals.day.contract, month: totals.day.date)
        let slot = totals.slot
        var totals: [String: Int] = [:]
        switch try aggregates.fact(row, slot: slot) {
        case .dayTotals(let stored)?: totals = stored
        case nil: break
        case let other?: throw ProjectionError.corruptRow(projection: name, detail: "\(row) holds \(other) where a day's totals belong")
        }
        let names = FunderReportBuilder.layout.names
        for (slot, amount) in change.enumerated() where amount != 0 {
            let total = totals[names[slot], default: 0] + amount
            totals[names[slot]] = total == 0 ? nil : total
        }
        if totals.isEmpty { try aggregates.delete(row, slot: slot) } else { try aggregates.put(.dayTotals(totals), in: row, slot: slot) }
    }
}

/// A contract (`none` for services under none) and a day (or a month's first day).
struct ContractDay: Hashable {
    let contract: String
    let date: CalendarDate
}

/// Where totals are kept in a `days/<contract>|<yyyy-mm>` row: slot `d` holds day `d`'s
/// service figures, slot 0 the client figures of the whole month.
struct TotalsSlot: Hashable {
    let day: ContractDay
    let slot: UInt64

    static func services(_ day: ContractDay) -> TotalsSlot { TotalsSlot(day: day, slot: UInt64(day.date.day)) }
    static func clients(_ month: ContractDay) -> TotalsSlot { TotalsSlot(day: month, slot: 0) }
}

/// What one client row contributes: service figures per (contract, day); per (contract, month)
/// the client figures of a report of that month (counted once, as of their first day served,
/// new unless served earlier in the fiscal year); and per (contract, month) the days served,
/// the first service in that month's fiscal year and the client's details, for other periods.
struct ClientAggregates {
    static let noFigures = Array(repeating: 0, count: FunderReportBuilder.layout.names.count)

    private(set) var totals: [TotalsSlot: [Int]] = [:]
    private(set) var months: [ContractDay: ClientMonth] = [:]

    init(_ row: FunderClientRow) {
        guard !row.served.isEmpty else { return }
        var firstInFiscalYear: [ContractDay: CalendarDate] = [:]
        var daysServed: [ContractDay: UInt32] = [:]
        let anonymous = row.facts?.anonymous ?? true
        // One dictionary access per figure group and service: hashing the contract's name for
        // every figure was most of this fold's cost.
        for (service, _) in row.served {
            let contract = service.contract ?? "none"
            let date = service.deliveredOn
            let first = ContractDay(contract: contract, date: CalendarDate.fiscalYearStart(containing: date))
            firstInFiscalYear[first] = min(firstInFiscalYear[first] ?? date, date)
            daysServed[ContractDay(contract: contract, date: date.firstOfMonth), default: 0] |= 1 << UInt32(date.day - 1)
            let age = ClientFacts.age(of: row.facts, on: date)
            let figures = ServiceFigures(
                minutes: service.minutes, component: service.component, mode: service.mode, ageBand: age.band, minor: age.minor,
                anonymous: anonymous)
            figures.add(to: &totals[.services(ContractDay(contract: contract, date: date)), default: Self.noFigures])
        }
        for (month, mask) in daysServed {
            let year = ContractDay(contract: month.contract, date: CalendarDate.fiscalYearStart(containing: month.date))
            let served = ClientMonth(daysServed: mask, firstInFiscalYear: firstInFiscalYear[year]!, client: row.facts)
            months[month] = served
            let figures = ClientFigures(
                client: row.facts, on: month.date.adding(days: mask.trailingZeroBitCount), newInFiscalYear: served.firstInFiscalYear >= month.date)
            var clientTotals = Self.noFigures
            figures.forEach { slot in clientTotals[slot] += 1 }
            totals[.clients(month)] = clientTotals
        }
    }
}

extension [Int] {
    fileprivate mutating func add(_ other: [Int]) {
        for index in indices { self[index] += other[index] }
    }

    fileprivate mutating func subtract(_ other: [Int]) {
        for index in indices { self[index] -= other[index] }
    }
}

extension ServiceFigures {
    /// Adds this service's figures to `totals` (indexed as the report layout numbers them).
    fileprivate func add(to totals: inout [Int]) {
        forEach { slot, amount in totals[slot] += amount }
    }
}

extension CalendarDate {
    /// The first day of this date's month.
    var firstOfMonth: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }

    /// April 1st of the fiscal year (April to March) holding `date`: the start of
    /// ``ReportPeriod/fiscalYear(containing:)`` without building and checking the period.
    static func fiscalYearStart(containing date: CalendarDate) -> CalendarDate {
        CalendarDate(year: date.month >= 4 ? date.year : date.year - 1, month: 4, day: 1)!
    }
}
