public import EventStore
import Events
import LMDB

extension ReadModels {
    /// The report for `contractId` over `period`, from the aggregates the funder projection
    /// keeps, in one read transaction: per month of the period it reads the days' service
    /// figures and the clients served, so a month costs O(days + clients), not O(services).
    /// Named clients are counted once (demographics at their first service in the period);
    /// anonymous clients are counted apart; services and minutes include everyone.
    public func funderReport(contract contractId: String, period: ReportPeriod) throws -> FunderReport {
        try read { txn in
            try FunderSummaryQuery(reads: FunderReads(reader: try txn.reader(FunderProjection.self))).report(contract: contractId, period: period, position: position)
        }
    }

    /// The same report worked out service by service from the facts, with the events behind
    /// every figure and one row per client-service (exports; explanations). O(services).
    public func funderReportDetail(contract contractId: String, period: ReportPeriod) throws -> FunderReportDetail {
        try read { txn in
            try FunderReportQuery(reads: FunderReads(reader: try txn.reader(FunderProjection.self))).detail(contract: contractId, period: period, position: position)
        }
    }

    /// The events behind one figure of a report, in log order, read when asked for: the
    /// report's contract and period are worked out service by service from the models as they
    /// are now.
    public func explain(_ report: FunderReport, cell name: String) throws -> [RecordedEvent] {
        guard report.cells[name] != nil else {
            throw ProjectionError.notFound(field: "cell", problem: "the report has no figure called \(name)")
        }
        let detail = try funderReportDetail(contract: report.contractId, period: report.period)
        return try (detail.sources[name] ?? []).compactMap { try store.event(at: $0) }
    }
}

/// A client's row in the funder model: details as they stand (intake with later changes
/// applied), the positions behind them, and every service they received.
struct FunderClientRow {
    var facts: ClientFacts?
    var positions: [UInt64] = []
    var served: [(service: ServedFacts, position: UInt64)] = []

    init(_ entries: [FactEntry<FunderProjection.Fact>]) {
        for entry in entries {
            switch entry.fact {
            case .client(let intake): facts = intake
            case .dateOfBirth(let date): facts = facts?.with(dateOfBirth: date)
            case .funderSharing(let granted): facts = facts?.with(sharedWithFunder: granted)
            case .served(let service):
                served.append((service, entry.position))
                continue
            default: continue
            }
            positions += entry.positions
        }
        if facts == nil { positions = [] }
    }

    /// Whether the client had a service under `contract` on or after `start` and before `end`.
    func served(contract: String, from start: CalendarDate, before end: CalendarDate) -> Bool {
        served.contains { $0.service.contract == contract && start <= $0.service.deliveredOn && $0.service.deliveredOn < end }
    }
}

/// Reads of the funder model that the report and its detail share.
struct FunderReads {
    let reader: ModelReader<FunderProjection>

    func requireContract(_ contractId: String, position: UInt64) throws {
        guard !(try reader.entries(RowKey("contract", contractId))).isEmpty else {
            throw ProjectionError.notFound(field: "contract", problem: "no funder contract \(contractId) in the log up to position \(position)")
        }
    }

    func client(_ clientId: String) throws -> FunderClientRow {
        FunderClientRow(try reader.entries(RowKey("client", clientId)))
    }

    /// Referrals made in the period to clients served in it, by partner type and stage.
    func addReferrals(in period: ReportPeriod, to builder: inout FunderReportBuilder, servedInPeriod: (String) throws -> Bool) throws {
        var partnerTypes: [String: String] = [:]
        for month in period.months {
            for entry in try reader.entries(RowKey("referrals", FunderProjection.monthKey(month))) {
                guard case .referral(let referral) = entry.fact, period.contains(referral.madeOn), try servedInPeriod(referral.clientId) else {
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

/// A report worked out service by service: the period's service rows (one range scan per
/// month), each new client's row once, and the referrals.
struct FunderReportQuery {
    let reads: FunderReads

    func detail(contract contractId: String, period: ReportPeriod, position: UInt64) throws -> FunderReportDetail {
        try reads.requireContract(contractId, position: position)
        let fiscalYear = ReportPeriod.fiscalYear(containing: period.start)
        var builder = FunderReportBuilder()
        var rows: [ClientServiceRow] = []
        // One entry per client served in the period (one hash of the id per service).
        var clients: [String: (facts: ClientFacts?, isNew: Bool)] = [:]
        for (service, facts) in try services(contract: contractId, in: period) {
            let sources = service.positions
            if let client = clients[facts.clientId] {
                let row = ClientServiceRow(service: facts, position: service.position, client: client.facts, isNew: client.isNew)
                rows.append(row)
                builder.addService(row.serviceFigures, sources: sources)
                builder.addRepeatVisit(anonymous: row.anonymous, sources: sources)
            } else {
                let client = try reads.client(facts.clientId)
                let isNew = !client.served(contract: contractId, from: fiscalYear.start, before: period.start)
                let row = ClientServiceRow(service: facts, position: service.position, client: client.facts, isNew: isNew)
                rows.append(row)
                builder.addService(row.serviceFigures, sources: sources)
                builder.addClient(row.clientFigures, sources: sources + client.positions)
                clients[facts.clientId] = (client.facts, isNew)
            }
        }
        try reads.addReferrals(in: period, to: &builder) { clients[$0] != nil }
        let report = FunderReport(contractId: contractId, period: period, fiscalYear: fiscalYear, cells: builder.cells)
        return FunderReportDetail(report: report, sources: builder.sources, rows: rows)
    }

    /// Services under `contract` delivered in `period`, by date then position.
    private func services(contract: String, in period: ReportPeriod) throws -> [(FactEntry<FunderProjection.Fact>, ServiceFacts)] {
        var services: [(FactEntry<FunderProjection.Fact>, ServiceFacts)] = []
        for month in period.months {
            for entry in try reads.reader.entries(FunderProjection.servicesRow(contract: contract, month: month)) {
                if case .service(let facts) = entry.fact, period.contains(facts.deliveredOn) { services.append((entry, facts)) }
            }
        }
        return services.sorted { ($0.1.deliveredOn, $0.0.position) < ($1.1.deliveredOn, $1.0.position) }
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
        let age = ClientFacts.age(of: client, on: service.deliveredOn)
        self.init(
            clientId: service.clientId, anonymous: client?.anonymous ?? true,
            sharedWithFunder: client.map { !$0.anonymous && $0.sharedWithFunder } ?? false, serviceId: service.serviceId,
            deliveredOn: service.deliveredOn, component: service.component, minutes: service.minutes, mode: service.mode,
            ageBand: age.band, minor: age.minor, gender: client?.gender, immigrationCategory: client?.immigrationCategory,
            preferredOfficialLanguage: client?.preferredOfficialLanguage, francophone: client?.francophone ?? false,
            newInFiscalYear: isNew, position: position)
    }
}
