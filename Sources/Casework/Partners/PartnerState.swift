public import Events

/// A partner agency as its stream tells it.
public struct PartnerState: AggregateState {
    /// The current facts (nil before registration).
    public private(set) var current: PartnerUpdated?

    public init() {}

    /// True once registered.
    public var exists: Bool { current != nil }

    public mutating func apply(_ event: any DomainEvent) {
        switch event {
        case let event as PartnerRegistered:
            current = PartnerUpdated(
                partnerId: event.partnerId, name: event.name, funding: event.funding, francophone: event.francophone,
                servicesOffered: event.servicesOffered)
        case let event as PartnerUpdated: current = event
        default: break
        }
    }
}

/// A funder contract as its stream tells it.
public struct ContractState: AggregateState {
    /// The signing event (nil before it).
    public private(set) var signed: FunderContractSigned?
    /// Last day covered, after amendments.
    public private(set) var endsOn: CalendarDate?
    /// Components funded, after amendments.
    public private(set) var fundedComponents: Set<ServiceComponent> = []
    /// Targets, after amendments.
    public private(set) var targets: [ContractTarget] = []

    public init() {}

    /// True once signed.
    public var exists: Bool { signed != nil }

    /// True when `date` falls within the contract's period.
    public func covers(_ date: CalendarDate) -> Bool {
        guard let signed, let endsOn else { return false }
        return signed.startsOn <= date && date <= endsOn
    }

    public mutating func apply(_ event: any DomainEvent) {
        switch event {
        case let event as FunderContractSigned:
            (signed, endsOn, fundedComponents, targets) = (event, event.endsOn, Set(event.fundedComponents), event.targets)
        case let event as FunderContractAmended:
            (endsOn, fundedComponents, targets) = (event.endsOn, Set(event.fundedComponents), event.targets)
        default: break
        }
    }
}
