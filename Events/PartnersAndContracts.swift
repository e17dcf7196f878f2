/// A partner agency that takes referrals was registered.
public struct PartnerRegistered: DomainEvent {
    public static let eventType = "PartnerRegistered"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A partner agency (funding, Francophone, services offered) was registered."

    /// The new partner.
    public let partnerId: PartnerID
    /// The agency's name.
    public let name: String
    /// Funder-funded, not funded, or hybrid.
    public let funding: PartnerFunding
    /// True for a Francophone agency (IRCC reports them apart).
    public let francophone: Bool
    /// The needs it serves.
    public let servicesOffered: [NeedDomain]

    /// A PartnerRegistered with every field given.
    public init(
        partnerId: PartnerID,
        name: String,
        funding: PartnerFunding,
        francophone: Bool,
        servicesOffered: [NeedDomain]
    ) {
        self.partnerId = partnerId
        self.name = name
        self.funding = funding
        self.francophone = francophone
        self.servicesOffered = servicesOffered
    }

    public var streamId: String { StreamID.partner(partnerId) }

    public static var example: PartnerRegistered {
        PartnerRegistered(
            partnerId: PartnerID("p-housing"), name: "Northern Housing Society", funding: .hybrid, francophone: false,
            servicesOffered: [.housing, .financial])
    }
}

/// A partner agency's coded facts changed; they replace the previous ones whole.
public struct PartnerUpdated: DomainEvent {
    public static let eventType = "PartnerUpdated"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A partner agency's facts changed."

    /// The partner.
    public let partnerId: PartnerID
    /// The agency's name.
    public let name: String
    /// Funder-funded, not funded, or hybrid.
    public let funding: PartnerFunding
    /// True for a Francophone agency.
    public let francophone: Bool
    /// The needs it serves.
    public let servicesOffered: [NeedDomain]

    /// A PartnerUpdated with every field given.
    public init(
        partnerId: PartnerID,
        name: String,
        funding: PartnerFunding,
        francophone: Bool,
        servicesOffered: [NeedDomain]
    ) {
        self.partnerId = partnerId
        self.name = name
        self.funding = funding
        self.francophone = francophone
        self.servicesOffered = servicesOffered
    }

    public var streamId: String { StreamID.partner(partnerId) }

    public static var example: PartnerUpdated {
        PartnerUpdated(
            partnerId: PartnerID("p-housing"), name: "Northern Housing Society", funding: .funderFunded,
            francophone: false, servicesOffered: [.housing])
    }
}

/// A figure a funder contract commits the agency to reach over its period.
public struct ContractTarget: Sendable, Hashable, Codable {
    /// What is counted.
    public let metric: ContractMetric
    /// The component counted; nil counts all funded components.
    public let component: ServiceComponent?
    /// The figure to reach.
    public let value: Int

    /// A ContractTarget with every field given.
    public init(metric: ContractMetric, component: ServiceComponent? = nil, value: Int) {
        self.metric = metric
        self.component = component
        self.value = value
    }
}

/// A funder contract (e.g. an IRCC contribution agreement) was signed.
public struct FunderContractSigned: DomainEvent {
    public static let eventType = "FunderContractSigned"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A funder contract with its period, funded components and targets was signed."

    /// The new contract.
    public let contractId: ContractID
    /// Who funds it, e.g. IRCC.
    public let funder: String
    /// The funder's program, e.g. Settlement Program.
    public let program: String
    /// The funder's reference for the agreement.
    public let agreementNumber: String
    /// First day covered.
    public let startsOn: CalendarDate
    /// Last day covered (inclusive).
    public let endsOn: CalendarDate
    /// The service components it funds.
    public let fundedComponents: [ServiceComponent]
    /// What the agency committed to reach.
    public let targets: [ContractTarget]

    /// A FunderContractSigned with every field given.
    public init(
        contractId: ContractID,
        funder: String,
        program: String,
        agreementNumber: String,
        startsOn: CalendarDate,
        endsOn: CalendarDate,
        fundedComponents: [ServiceComponent],
        targets: [ContractTarget]
    ) {
        self.contractId = contractId
        self.funder = funder
        self.program = program
        self.agreementNumber = agreementNumber
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.fundedComponents = fundedComponents
        self.targets = targets
    }

    public var streamId: String { StreamID.contract(contractId) }

    public static var example: FunderContractSigned {
        FunderContractSigned(
            contractId: ContractID("k-ircc-2025"), funder: "IRCC", program: "Settlement Program",
            agreementNumber: "SP-2025-0042", startsOn: .example("2025-04-01"), endsOn: .example("2028-03-31"),
            fundedComponents: [.informationAndOrientation, .needsAssessmentAndReferral, .supportInterpretationTranslation],
            targets: [ContractTarget(metric: .uniqueClients, component: nil, value: 400)])
    }
}

/// A funder contract's end date, funded components or targets changed.
public struct FunderContractAmended: DomainEvent {
    public static let eventType = "FunderContractAmended"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A funder contract's end date, funded components or targets changed."

    /// The contract.
    public let contractId: ContractID
    /// The new last day covered (inclusive).
    public let endsOn: CalendarDate
    /// The components it now funds.
    public let fundedComponents: [ServiceComponent]
    /// The targets now.
    public let targets: [ContractTarget]
    /// Why, e.g. the amendment's reference.
    public let reason: String

    /// A FunderContractAmended with every field given.
    public init(
        contractId: ContractID,
        endsOn: CalendarDate,
        fundedComponents: [ServiceComponent],
        targets: [ContractTarget],
        reason: String
    ) {
        self.contractId = contractId
        self.endsOn = endsOn
        self.fundedComponents = fundedComponents
        self.targets = targets
        self.reason = reason
    }

    public var streamId: String { StreamID.contract(contractId) }

    public static var example: FunderContractAmended {
        FunderContractAmended(
            contractId: ContractID("k-ircc-2025"), endsOn: .example("2028-03-31"),
            fundedComponents: [.informationAndOrientation, .needsAssessmentAndReferral, .communityConnections],
            targets: [ContractTarget(metric: .minutes, component: .communityConnections, value: 60_000)],
            reason: "Amendment 1")
    }
}
