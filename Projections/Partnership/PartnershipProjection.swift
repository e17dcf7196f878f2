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
        switch event.event {
        case let e as NeedsAssessed: return client(e.clientId, .assessed(on: e.assessedOn, domains: e.needs.map(\.domain)))
        case let e as NeedsReassessed: return client(e.clientId, .assessed(on: e.assessedOn, domains: e.needs.map(\.domain)))
        case let e as ServiceDelivered:
            guard let domain = domain(of: e.component) else { return [] }
            return client(e.clientId, .served(domain: domain, on: e.deliveredOn))
        case let e as ReferralMade:
            return client(
                e.clientId, .referred(referralId: e.referralId.rawValue, domain: e.needDomain, partnerId: e.target.partnerId?.rawValue, on: e.madeOn))
        case let e as PartnerRegistered: return [(RowKey("partner", e.partnerId.rawValue), .partner(name: e.name))]
        case let e as PartnerUpdated: return [(RowKey("partner", e.partnerId.rawValue), .partner(name: e.name))]
        default: return []
        }
    }
}
