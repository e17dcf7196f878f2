public import EventStore
import Events

extension ReadModels {
    /// The report for `contractId` over `period`, computed from the funder read model.
    /// Named clients are counted once (demographics at their first service in the period);
    /// anonymous clients are counted apart; services and minutes include everyone.
    public func funderReport(contract contractId: String, period: ReportPeriod) throws -> FunderReport {
        guard !funder.entries(RowKey("contract", contractId)).isEmpty else {
            throw ProjectionError.notFound(field: "contract", problem: "no funder contract \(contractId) in the log up to position \(position)")
        }
        let fiscalYear = ReportPeriod.fiscalYear(containing: period.start)
        let servedBefore = clientsServed(contract: contractId, from: fiscalYear.start, before: period.start)
        var builder = FunderReportBuilder()
        var rows: [ClientServiceRow] = []
        var servedClients = Set<String>()
        var clients: [String: (facts: ClientFacts, positions: [UInt64])?] = [:]
        for service in services(contract: contractId, in: period) {
            guard case .service(let facts) = service.fact else { continue }
            if clients[facts.clientId] == nil { clients[facts.clientId] = .some(clientFacts(facts.clientId)) }
            let client = clients[facts.clientId]!
            let isNew = !servedBefore.contains(facts.clientId)
            let row = ClientServiceRow(service: facts, position: service.position, client: client?.facts, isNew: isNew)
            rows.append(row)
            builder.addService(row, sources: service.positions)
            if servedClients.insert(facts.clientId).inserted {
                builder.addClient(row, sources: service.positions + (client?.positions ?? []))
            } else {
                builder.addRepeatVisit(row, sources: service.positions)
            }
        }
        addReferrals(of: servedClients, in: period, to: &builder)
        return FunderReport(contractId: contractId, period: period, fiscalYear: fiscalYear, cells: builder.cells, rows: rows)
    }

    /// The events behind one figure of a report, in log order.
    public func explain(_ report: FunderReport, cell name: String) throws -> [RecordedEvent] {
        guard let cell = report.cells[name] else {
            throw ProjectionError.notFound(field: "cell", problem: "the report has no figure called \(name)")
        }
        return try cell.sources.compactMap { try store.event(at: $0) }
    }

    private func services(contract: String, in period: ReportPeriod) -> [FactEntry<FunderProjection.Fact>] {
        period.months.flatMap { month in
            funder.entries(FunderProjection.servicesRow(contract: contract, month: month)).filter { entry in
                if case .service(let facts) = entry.fact { return period.contains(facts.deliveredOn) }
                return false
            }
        }.sorted { lhs, rhs in
            guard case .service(let l) = lhs.fact, case .service(let r) = rhs.fact else { return lhs.position < rhs.position }
            return (l.deliveredOn, lhs.position) < (r.deliveredOn, rhs.position)
        }
    }

    private func clientsServed(contract: String, from start: CalendarDate, before end: CalendarDate) -> Set<String> {
        guard start < end, let period = try? ReportPeriod(start: start, end: end.adding(days: -1)) else { return [] }
        return Set(services(contract: contract, in: period).compactMap { entry -> String? in
            if case .service(let facts) = entry.fact { return facts.clientId }
            return nil
        })
    }

    /// A client's intake facts with a later date of birth applied, and the positions behind them.
    private func clientFacts(_ clientId: String) -> (facts: ClientFacts, positions: [UInt64])? {
        var facts: ClientFacts?
        var positions: [UInt64] = []
        for entry in funder.entries(RowKey("client", clientId)) {
            switch entry.fact {
            case .client(let intake): facts = intake
            case .dateOfBirth(let date): facts = facts?.with(dateOfBirth: date)
            default: continue
            }
            positions += entry.positions
        }
        return facts.map { ($0, positions) }
    }

    private func addReferrals(of clients: Set<String>, in period: ReportPeriod, to builder: inout FunderReportBuilder) {
        for month in period.months {
            for entry in funder.entries(RowKey("referrals", FunderProjection.monthKey(month))) {
                guard case .referral(let referral) = entry.fact, period.contains(referral.madeOn), clients.contains(referral.clientId) else {
                    continue
                }
                var stage = ReferralStage.made
                var sources = entry.positions
                for outcome in funder.entries(RowKey("referral", referral.referralId)) {
                    if case .outcome(let next) = outcome.fact { stage = next }
                    sources += outcome.positions
                }
                var partnerType = "internal"
                if let partner = referral.partnerId {
                    partnerType = "unknownPartner"
                    for fact in funder.entries(RowKey("partner", partner)) {
                        if case .partner(let funding, _, _) = fact.fact { partnerType = funding.rawValue }
                    }
                }
                builder.addReferral(partnerType: partnerType, stage: stage, sources: sources)
            }
        }
    }
}

extension ClientFacts {
    func with(dateOfBirth date: CalendarDate) -> ClientFacts {
        ClientFacts(
            anonymous: anonymous, dateOfBirth: date, ageBand: ageBand, gender: gender, immigrationCategory: immigrationCategory,
            preferredOfficialLanguage: preferredOfficialLanguage, francophone: francophone)
    }
}

extension ClientServiceRow {
    init(service: ServiceFacts, position: UInt64, client: ClientFacts?, isNew: Bool) {
        let age = client?.dateOfBirth.map { $0.age(on: service.deliveredOn) }
        self.init(
            clientId: service.clientId, anonymous: client?.anonymous ?? true, serviceId: service.serviceId,
            deliveredOn: service.deliveredOn, component: service.component, minutes: service.minutes, mode: service.mode,
            ageBand: age.map(AgeBand.init(years:)) ?? client?.ageBand ?? .age25to44, minor: age.map { $0 < 18 },
            gender: client?.gender, immigrationCategory: client?.immigrationCategory,
            preferredOfficialLanguage: client?.preferredOfficialLanguage, francophone: client?.francophone ?? false,
            newInFiscalYear: isNew, position: position)
    }
}
