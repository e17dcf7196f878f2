public import EventStore
import Events
import LMDB

extension ReadModels {
    /// The report for `contractId` over `period`, computed from the funder read model in one
    /// read transaction. Named clients are counted once (demographics at their first service in
    /// the period); anonymous clients are counted apart; services and minutes include everyone.
    public func funderReport(contract contractId: String, period: ReportPeriod) throws -> FunderReport {
        try read { txn in try FunderReportQuery(reader: try txn.reader(FunderProjection.self)).report(contract: contractId, period: period, position: position) }
    }

    /// The events behind one figure of a report, in log order.
    public func explain(_ report: FunderReport, cell name: String) throws -> [RecordedEvent] {
        guard let cell = report.cells[name] else {
            throw ProjectionError.notFound(field: "cell", problem: "the report has no figure called \(name)")
        }
        return try cell.sources.compactMap { try store.event(at: $0) }
    }
}

/// What a report keeps of a client once their first service in the period is counted.
private struct ClientInPeriod {
    let facts: ClientFacts?
    let isNew: Bool
}

/// One funder report's reads: the period's service rows (one range scan per month), the
/// fiscal year's earlier months for new vs returning, the clients served, and the referrals.
struct FunderReportQuery {
    let reader: ModelReader<FunderProjection>

    func report(contract contractId: String, period: ReportPeriod, position: UInt64) throws -> FunderReport {
        guard !(try reader.entries(RowKey("contract", contractId))).isEmpty else {
            throw ProjectionError.notFound(field: "contract", problem: "no funder contract \(contractId) in the log up to position \(position)")
        }
        let fiscalYear = ReportPeriod.fiscalYear(containing: period.start)
        var builder = FunderReportBuilder()
        var rows: [ClientServiceRow] = []
        // One entry per client served in the period (one hash of the id per service).
        var clients: [String: ClientInPeriod] = [:]
        for (service, facts) in try services(contract: contractId, in: period) {
            let sources = service.positions
            if let client = clients[facts.clientId] {
                let row = ClientServiceRow(service: facts, position: service.position, client: client.facts, isNew: client.isNew)
                rows.append(row)
                builder.addService(row, sources: sources)
                builder.addRepeatVisit(row, sources: sources)
            } else {
                let intake = try clientFacts(facts.clientId)
                let isNew = !(try served(facts.clientId, contract: contractId, from: fiscalYear.start, before: period.start))
                let row = ClientServiceRow(service: facts, position: service.position, client: intake?.facts, isNew: isNew)
                rows.append(row)
                builder.addService(row, sources: sources)
                builder.addClient(row, sources: sources + (intake?.positions ?? []))
                clients[facts.clientId] = ClientInPeriod(facts: intake?.facts, isNew: isNew)
            }
        }
        let servedClients = Set(clients.keys)
        try addReferrals(of: servedClients, in: period, to: &builder)
        return FunderReport(contractId: contractId, period: period, fiscalYear: fiscalYear, cells: builder.cells, rows: rows)
    }

    /// Services under `contract` delivered in `period`, by date then position.
    private func services(contract: String, in period: ReportPeriod) throws -> [(FactEntry<FunderProjection.Fact>, ServiceFacts)] {
        var services: [(FactEntry<FunderProjection.Fact>, ServiceFacts)] = []
        for month in period.months {
            for entry in try reader.entries(FunderProjection.servicesRow(contract: contract, month: month)) {
                if case .service(let facts) = entry.fact, period.contains(facts.deliveredOn) { services.append((entry, facts)) }
            }
        }
        return services.sorted { ($0.1.deliveredOn, $0.0.position) < ($1.1.deliveredOn, $1.0.position) }
    }

    /// Whether the client had a service under `contract` on or after `start` and before `end`.
    private func served(_ clientId: String, contract: String, from start: CalendarDate, before end: CalendarDate) throws -> Bool {
        guard start < end else { return false }
        return try reader.entries(FunderProjection.servedRow(contract: contract, client: clientId)).contains { entry in
            if case .served(let on) = entry.fact { return start <= on && on < end }
            return false
        }
    }

    /// A client's intake facts with a later date of birth applied, and the positions behind them.
    private func clientFacts(_ clientId: String) throws -> (facts: ClientFacts, positions: [UInt64])? {
        var facts: ClientFacts?
        var positions: [UInt64] = []
        for entry in try reader.entries(RowKey("client", clientId)) {
            switch entry.fact {
            case .client(let intake): facts = intake
            case .dateOfBirth(let date): facts = facts?.with(dateOfBirth: date)
            case .funderSharing(let granted): facts = facts?.with(sharedWithFunder: granted)
            default: continue
            }
            positions += entry.positions
        }
        return facts.map { ($0, positions) }
    }

    private func addReferrals(of clients: Set<String>, in period: ReportPeriod, to builder: inout FunderReportBuilder) throws {
        var partnerTypes: [String: String] = [:]
        for month in period.months {
            for entry in try reader.entries(RowKey("referrals", FunderProjection.monthKey(month))) {
                guard case .referral(let referral) = entry.fact, period.contains(referral.madeOn), clients.contains(referral.clientId) else {
                    continue
                }
                var stage = ReferralStage.made
                var sources = entry.positions
                for outcome in try reader.entries(RowKey("referral", referral.referralId)) {
                    if case .outcome(let next) = outcome.fact { stage = next }
                    sources += outcome.positions
                }
                var partnerType = "internal"
                if let partner = referral.partnerId {
                    if partnerTypes[partner] == nil { partnerTypes[partner] = try self.partnerType(partner) }
                    partnerType = partnerTypes[partner]!
                }
                builder.addReferral(partnerType: partnerType, stage: stage, sources: sources)
            }
        }
    }

    private func partnerType(_ partner: String) throws -> String {
        var partnerType = "unknownPartner"
        for fact in try reader.entries(RowKey("partner", partner)) {
            if case .partner(let funding, _, _) = fact.fact { partnerType = funding.rawValue }
        }
        return partnerType
    }
}

extension ClientFacts {
    func with(dateOfBirth date: CalendarDate) -> ClientFacts {
        ClientFacts(
            anonymous: anonymous, dateOfBirth: date, ageBand: ageBand, gender: gender, immigrationCategory: immigrationCategory,
            preferredOfficialLanguage: preferredOfficialLanguage, francophone: francophone, sharedWithFunder: sharedWithFunder)
    }

    func with(sharedWithFunder granted: Bool) -> ClientFacts {
        ClientFacts(
            anonymous: anonymous, dateOfBirth: dateOfBirth, ageBand: ageBand, gender: gender, immigrationCategory: immigrationCategory,
            preferredOfficialLanguage: preferredOfficialLanguage, francophone: francophone, sharedWithFunder: granted)
    }
}

extension ClientServiceRow {
    init(service: ServiceFacts, position: UInt64, client: ClientFacts?, isNew: Bool) {
        let age = client?.dateOfBirth.map { $0.age(on: service.deliveredOn) }
        self.init(
            clientId: service.clientId, anonymous: client?.anonymous ?? true,
            sharedWithFunder: client.map { !$0.anonymous && $0.sharedWithFunder } ?? false, serviceId: service.serviceId,
            deliveredOn: service.deliveredOn, component: service.component, minutes: service.minutes, mode: service.mode,
            ageBand: age.map(AgeBand.init(years:)) ?? client?.ageBand ?? .age25to44, minor: age.map { $0 < 18 },
            gender: client?.gender, immigrationCategory: client?.immigrationCategory,
            preferredOfficialLanguage: client?.preferredOfficialLanguage, francophone: client?.francophone ?? false,
            newInFiscalYear: isNew, position: position)
    }
}
