public import Events

/// Needs against what was done about them, per need domain, over a period.
public struct DomainGaps: Sendable, Equatable, Codable {
    /// The need domain.
    public let domain: NeedDomain
    /// Clients whose current assessment (latest on or before the period's end) names it.
    public let clientsWithNeed: Int
    /// Of those, clients served for it in the period.
    public let served: Int
    /// Of those, clients referred for it in the period.
    public let referred: Int
    /// Of those, clients neither served nor referred for it in the period: unmet need.
    public let unmet: Int
    /// Clients referred for it to more than one partner in the period: possible duplication.
    public let referredToSeveralPartners: Int
}

/// Referrals to one partner, by domain, over a period.
public struct PartnerReferrals: Sendable, Equatable, Codable {
    /// The partner id.
    public let partnerId: String
    /// Its name.
    public let name: String
    /// Referrals by need domain.
    public let referralsByDomain: [NeedDomain: Int]
}

/// Partnership gaps over a period.
public struct PartnershipGaps: Sendable, Equatable, Codable {
    /// The period.
    public let period: ReportPeriod
    /// One line per need domain, in code order.
    public let domains: [DomainGaps]
    /// One line per partner referred to, by id.
    public let partners: [PartnerReferrals]
}

extension ReadModels {
    /// Needs identified vs services delivered vs referrals made over `period`, in one read of
    /// every client row of the partnership model.
    public func partnershipGaps(over period: ReportPeriod) throws -> PartnershipGaps {
        try read { txn in try PartnershipGapsQuery(reader: try txn.reader(PartnershipProjection.self)).gaps(period) }
    }
}

/// The tallies behind ``PartnershipGaps``, from one pass over the client rows.
struct PartnershipGapsQuery {
    let reader: ModelReader<PartnershipProjection>

    func gaps(_ period: ReportPeriod) throws -> PartnershipGaps {
        var need: [NeedDomain: Int] = [:], served: [NeedDomain: Int] = [:], referred: [NeedDomain: Int] = [:]
        var unmet: [NeedDomain: Int] = [:], duplicated: [NeedDomain: Int] = [:]
        var byPartner: [String: [NeedDomain: Int]] = [:]
        try reader.forEachRow(table: "client") { _, entries in
            var needs: (on: CalendarDate, domains: Set<NeedDomain>)?
            var servedFor = Set<NeedDomain>()
            var partnersFor: [NeedDomain: Set<String>] = [:]
            for entry in entries {
                switch entry.fact {
                case .assessed(let on, let domains) where on <= period.end && on >= (needs?.on ?? on):
                    needs = (on, Set(domains))
                case .served(let domain, let on) where period.contains(on): servedFor.insert(domain)
                case .referred(_, let domain, let partnerId, let on) where period.contains(on):
                    partnersFor[domain, default: []].insert(partnerId ?? "internal")
                    if let partnerId { byPartner[partnerId, default: [:]][domain, default: 0] += 1 }
                default: continue
                }
            }
            for (domain, partners) in partnersFor where partners.subtracting(["internal"]).count > 1 {
                duplicated[domain, default: 0] += 1
            }
            for domain in needs?.domains ?? [] {
                need[domain, default: 0] += 1
                let wasServed = servedFor.contains(domain), wasReferred = partnersFor[domain] != nil
                if wasServed { served[domain, default: 0] += 1 }
                if wasReferred { referred[domain, default: 0] += 1 }
                if !wasServed && !wasReferred { unmet[domain, default: 0] += 1 }
            }
            return true
        }
        let domains = NeedDomain.allCases.map { domain in
            DomainGaps(
                domain: domain, clientsWithNeed: need[domain] ?? 0, served: served[domain] ?? 0, referred: referred[domain] ?? 0,
                unmet: unmet[domain] ?? 0, referredToSeveralPartners: duplicated[domain] ?? 0)
        }
        let partners = try byPartner.keys.sorted().map { id in
            var name = id
            for entry in try reader.entries(RowKey("partner", id)) {
                if case .partner(let current) = entry.fact { name = current }
            }
            return PartnerReferrals(partnerId: id, name: name, referralsByDomain: byPartner[id] ?? [:])
        }
        return PartnershipGaps(period: period, domains: domains, partners: partners)
    }
}
