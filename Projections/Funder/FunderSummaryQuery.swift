import Events

/// A report from the funder projection's aggregates. One calendar month reads its `days/` row:
/// the days' service figures and the month's client figures, kept as sums — 32 entries,
/// whatever the number of services — then the month's referrals. Any other period reads, per
/// month, the days' service figures and the clients served (`clients/`, one entry each):
/// unique clients are a union over the months, never a sum, a client counted once, as of
/// their first day served in the period.
struct FunderSummaryQuery {
    let reads: FunderReads

    /// What the report keeps of a client served in a month of the period.
    private struct ClientInPeriod {
        var client: ClientFacts?
        /// Their first day served inside the period (nil: served in the period's months only
        /// outside it, so far).
        var firstServed: CalendarDate?
        /// Their first service in the fiscal year the period starts in, when a month of that
        /// year told it.
        var firstInFiscalYear: CalendarDate?
    }

    func report(contract contractId: String, period: ReportPeriod, position: UInt64) throws -> FunderReport {
        try reads.requireContract(contractId, position: position)
        let fiscalYear = ReportPeriod.fiscalYear(containing: period.start)
        var builder = FunderReportBuilder()
        if period.isOneMonth {
            try addDays(of: period.start, contract: contractId, in: period, monthClients: true, to: &builder)
            let prefix = FunderProjection.clientsPrefix(contract: contractId, month: period.start)
            try reads.addReferrals(in: period, to: &builder) { clientId in
                try reads.reader.hasFact(RowKey("clients", prefix + clientId), position: 0, placement: 0)
            }
        } else {
            try addClients(contract: contractId, period: period, fiscalYear: fiscalYear, to: &builder)
        }
        return FunderReport(contractId: contractId, period: period, fiscalYear: fiscalYear, cells: builder.cells)
    }

    /// Any period but one calendar month: per month the days' figures and the clients served.
    private func addClients(contract contractId: String, period: ReportPeriod, fiscalYear: ReportPeriod, to builder: inout FunderReportBuilder) throws {
        var clients: [String: ClientInPeriod] = [:]
        for month in period.months {
            try addDays(of: month, contract: contractId, in: period, monthClients: false, to: &builder)
            let prefix = FunderProjection.clientsPrefix(contract: contractId, month: month)
            let sameFiscalYear = fiscalYear.contains(month)
            try reads.reader.forEachRow(table: "clients", keyPrefix: prefix) { row, entries in
                guard case .clientMonth(let served) = entries.first?.fact else { return true }
                let clientId = String(row.key.utf8.dropFirst(prefix.utf8.count))!
                var known = clients[clientId] ?? ClientInPeriod(client: served.client)
                if known.firstServed == nil { known.firstServed = served.firstDay(of: month, in: period) }
                if sameFiscalYear, known.firstInFiscalYear == nil { known.firstInFiscalYear = served.firstInFiscalYear }
                clients[clientId] = known
                return true
            }
        }
        var servedClients = Set<String>()
        for (clientId, client) in clients {
            guard let first = client.firstServed else { continue }
            servedClients.insert(clientId)
            let returning = try servedEarlier(clientId, client, contract: contractId, fiscalYear: fiscalYear, period: period)
            builder.addClient(ClientFigures(client: client.client, on: first, newInFiscalYear: !returning), sources: [])
        }
        try reads.addReferrals(in: period, to: &builder) { servedClients.contains($0) }
    }

    /// Adds the service figures of the period's days in `month` and, when asked (the period is
    /// that whole month), the month's client figures.
    private func addDays(of month: CalendarDate, contract: String, in period: ReportPeriod, monthClients: Bool, to builder: inout FunderReportBuilder) throws {
        for entry in try reads.reader.entries(FunderProjection.daysRow(contract: contract, month: month)) {
            guard case .dayTotals(let totals) = entry.fact, entry.position <= 31 else {
                throw ProjectionError.corruptRow(projection: FunderProjection.name, detail: "days/\(contract)|\(month) holds no totals at \(entry.position)")
            }
            if entry.position == 0 {
                if monthClients { try builder.addTotals(totals) }
            } else if let day = CalendarDate(year: month.year, month: month.month, day: Int(entry.position)), period.contains(day) {
                try builder.addTotals(totals)
            }
        }
    }

    /// Whether the client had a service under the contract in the fiscal year before the
    /// period starts. A month of that fiscal year in the period tells it; a period that starts
    /// late in one fiscal year and serves the client only in the next reads their row.
    private func servedEarlier(
        _ clientId: String, _ client: ClientInPeriod, contract: String, fiscalYear: ReportPeriod, period: ReportPeriod
    ) throws -> Bool {
        if let first = client.firstInFiscalYear { return first < period.start }
        return try reads.client(clientId).served(contract: contract, from: fiscalYear.start, before: period.start)
    }
}

extension ReportPeriod {
    /// True when the period is exactly one calendar month.
    var isOneMonth: Bool {
        start.day == 1 && end.year == start.year && end.month == start.month && end.day == CalendarDate.daysIn(month: end.month, year: end.year)
    }
}
