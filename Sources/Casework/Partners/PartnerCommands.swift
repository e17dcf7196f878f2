public import Events

/// Registers a partner agency.
public struct RegisterPartner: Command {
    public static let name = CommandName.registerPartner

    /// Who issues the command.
    public let actor: ActingUser
    /// A new partner id.
    public let partnerId: PartnerID
    /// The agency's name.
    public let name: String
    /// How it is funded.
    public let funding: PartnerFunding
    /// True for a Francophone agency.
    public let francophone: Bool
    /// The needs it serves.
    public let servicesOffered: [NeedDomain]

    /// A RegisterPartner command.
    public init(
        actor: ActingUser,
        partnerId: PartnerID,
        name: String,
        funding: PartnerFunding,
        francophone: Bool,
        servicesOffered: [NeedDomain]
    ) {
        self.actor = actor
        self.partnerId = partnerId
        self.name = name
        self.funding = funding
        self.francophone = francophone
        self.servicesOffered = servicesOffered
    }

    public var streamId: String { StreamID.partner(partnerId) }
}

/// Replaces a partner agency's facts.
public struct UpdatePartner: Command {
    public static let name = CommandName.updatePartner

    /// Who issues the command.
    public let actor: ActingUser
    /// The partner.
    public let partnerId: PartnerID
    /// The agency's name.
    public let name: String
    /// How it is funded.
    public let funding: PartnerFunding
    /// True for a Francophone agency.
    public let francophone: Bool
    /// The needs it serves.
    public let servicesOffered: [NeedDomain]

    /// A UpdatePartner command.
    public init(
        actor: ActingUser,
        partnerId: PartnerID,
        name: String,
        funding: PartnerFunding,
        francophone: Bool,
        servicesOffered: [NeedDomain]
    ) {
        self.actor = actor
        self.partnerId = partnerId
        self.name = name
        self.funding = funding
        self.francophone = francophone
        self.servicesOffered = servicesOffered
    }

    public var streamId: String { StreamID.partner(partnerId) }
}

/// Records a signed funder contract.
public struct SignContract: Command {
    public static let name = CommandName.signContract

    /// Who issues the command.
    public let actor: ActingUser
    /// A new contract id.
    public let contractId: ContractID
    /// Who funds it.
    public let funder: String
    /// The funder's program.
    public let program: String
    /// The funder's reference.
    public let agreementNumber: String
    /// First day covered.
    public let startsOn: CalendarDate
    /// Last day covered.
    public let endsOn: CalendarDate
    /// Components funded.
    public let fundedComponents: [ServiceComponent]
    /// Targets.
    public let targets: [ContractTarget]

    /// A SignContract command.
    public init(
        actor: ActingUser,
        contractId: ContractID,
        funder: String,
        program: String,
        agreementNumber: String,
        startsOn: CalendarDate,
        endsOn: CalendarDate,
        fundedComponents: [ServiceComponent],
        targets: [ContractTarget]
    ) {
        self.actor = actor
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
}

/// Amends a funder contract's end date, funded components or targets.
public struct AmendContract: Command {
    public static let name = CommandName.amendContract

    /// Who issues the command.
    public let actor: ActingUser
    /// The contract.
    public let contractId: ContractID
    /// New last day covered.
    public let endsOn: CalendarDate
    /// Components funded now.
    public let fundedComponents: [ServiceComponent]
    /// Targets now.
    public let targets: [ContractTarget]
    /// The amendment's reference or reason.
    public let reason: String

    /// A AmendContract command.
    public init(
        actor: ActingUser,
        contractId: ContractID,
        endsOn: CalendarDate,
        fundedComponents: [ServiceComponent],
        targets: [ContractTarget],
        reason: String
    ) {
        self.actor = actor
        self.contractId = contractId
        self.endsOn = endsOn
        self.fundedComponents = fundedComponents
        self.targets = targets
        self.reason = reason
    }

    public var streamId: String { StreamID.contract(contractId) }
}


