import Events

/// A report from the funder projection's aggregates: per month of the period, the days' service
/// figures (`days/`) and the clients served (`clients/`), so a month reads about 31 day
/// entries and one entry per client, whatever the number of services. Unique clients are a
/// union over the months, never a sum: a client counts once, as of their first day served in
/// the period.
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
        var clients: [String: ClientInPeriod] = [:]
        for month in period.months {
            try addDays(of: month, contract: contractId, in: period, to: &builder)
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
        try reads.addReferrals(of: servedClients, in: period, to: &builder)
        return FunderReport(contractId: contractId, period: period, fiscalYear: fiscalYear, cells: builder.cells)
    }

    /// Adds the service figures of the period's days in `month`.
    private func addDays(of month: CalendarDate, contract: String, in period: ReportPeriod, to builder: inout FunderReportBuilder) throws {
        for entry in try reads.reader.entries(FunderProjection.daysRow(contract: contract, month: month)) {
            guard case .dayTotals(let totals) = entry.fact, entry.position >= 1, entry.position <= 31,
                let day = CalendarDate(year: month.year, month: month.month, day: Int(entry.position))
            else {
                throw ProjectionError.corruptRow(projection: FunderProjection.name, detail: "days/\(contract)|\(month) holds no day totals at \(entry.position)")
            }
            if period.contains(day) { try builder.addTotals(totals) }
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
