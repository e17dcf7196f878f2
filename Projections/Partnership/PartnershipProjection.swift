public import Events

/// Needs identified against services delivered and referrals made. Rows: `client/<id>`
/// (assessments, services by need domain, referrals), `partner/<id>` (name).
public enum PartnershipProjection: FactProjection {
    /// What the partnership view keeps of an event.
    public enum Fact: Codable, Sendable, Equatable {
        case assessed(on: CalendarDate, domains: [NeedDomain])
        case served(domain: NeedDomain, on: CalendarDate)
        case referred(referralId: String, domain: NeedDomain, partnerId: String?, on: CalendarDate)
        case partner(name: String)
    }

    public static let name = "partnership"
    public static let payloadTypes: Set<String> = [
        NeedsAssessed.eventType, NeedsReassessed.eventType, ServiceDelivered.eventType, ReferralMade.eventType,
        PartnerRegistered.eventType, PartnerUpdated.eventType, EventCorrected.eventType, EventVoided.eventType,
    ]

    /// The need a service component addresses; nil for general components (orientation,
    /// assessment and referral, interpretation) that serve whatever the client needs.
    public static func domain(of component: ServiceComponent) -> NeedDomain? {
        switch component {
        case .languageAssessment, .languageTraining: .language
        case .employmentRelated: .employment
        case .communityConnections: .socialConnection
        case .supportChildcare: .childcare
        case .supportTransportation: .transportation
        case .supportCrisisCounselling: .health
        case .informationAndOrientation, .needsAssessmentAndReferral, .supportInterpretationTranslation: nil
        }
    }

    public static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)] {
        func client(_ id: ClientID, _ fact: Fact) -> [(RowKey, Fact)] { [(RowKey("client", id.rawValue), fact)] }
        if let e = event.payload(ServiceDelivered.self) {
            guard let domain = domain(of: e.component) else { return [] }
            return client(e.clientId, .served(domain: domain, on: e.deliveredOn))
        }
        if let e = event.payload(ReferralMade.self) {
            return client(
                e.clientId, .referred(referralId: e.referralId.rawValue, domain: e.needDomain, partnerId: e.target.partnerId?.rawValue, on: e.madeOn))
        }
        if let e = event.payload(NeedsAssessed.self) { return client(e.clientId, .assessed(on: e.assessedOn, domains: e.needs.map(\.domain))) }
        if let e = event.payload(NeedsReassessed.self) { return client(e.clientId, .assessed(on: e.assessedOn, domains: e.needs.map(\.domain))) }
        if let e = event.payload(PartnerRegistered.self) { return [(RowKey("partner", e.partnerId.rawValue), .partner(name: e.name))] }
        if let e = event.payload(PartnerUpdated.self) { return [(RowKey("partner", e.partnerId.rawValue), .partner(name: e.name))] }
        return []
    }
}
