public import Events

/// What making a referral needs to know about the client and the partner.
public struct ReferralFacts: Sendable {
    /// The client referred.
    public var client: ClientState
    /// The partner referred to, for an external referral.
    public var partner: PartnerState?

    /// Facts as given.
    public init(client: ClientState, partner: PartnerState?) {
        self.client = client
        self.partner = partner
    }
}

extension MakeReferral {
    public func gatherFacts(from reader: FactReader) async throws -> ReferralFacts {
        let client = try reader.state(ClientState.self, of: StreamID.client(clientId))
        let partner = try target.partnerId.map { try reader.state(PartnerState.self, of: StreamID.partner($0)) }
        return ReferralFacts(client: client, partner: partner)
    }

    public func decide(_ state: ReferralState, facts: ReferralFacts, context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        guard !state.exists else { throw .conflict("referralId", "is already used (\(referralId))") }
        try Rules.identifier(referralId, field: "referralId")
        let intake = try facts.client.requireRegistered(clientId)
        try Rules.notInFuture(madeOn, field: "madeOn", today: context.today)
        try Rules.notBefore(madeOn, intake, field: "madeOn", what: "the client's intake")
        try checkTarget(facts)
        if let note { try Rules.text(note.text, field: "note") }
        return [
            ReferralMade(
                referralId: referralId, clientId: clientId, madeOn: madeOn, target: target, needDomain: needDomain, note: note)
        ]
    }

    private func checkTarget(_ facts: ReferralFacts) throws(DomainError) {
        switch target.kind {
        case .internalProgram:
            guard target.partnerId == nil else { throw .validation("target.partnerId", "must be empty for an internal referral") }
            try Rules.name(target.programName ?? "", field: "target.programName")
        case .partner:
            guard let partnerId = target.partnerId else { throw .validation("target.partnerId", "is required for a partner referral") }
            guard target.programName == nil else { throw .validation("target.programName", "must be empty for a partner referral") }
            guard facts.partner?.exists == true else { throw .notFound("target.partnerId", "names no partner (\(partnerId))") }
            guard facts.client.hasConsented(to: .shareWithPartners) else {
                throw .conflict(
                    "consents.shareWithPartners",
                    "client \(clientId) has not consented to sharing with partners, which a referral to a partner needs")
            }
        }
    }
}

extension AcceptReferral {
    public func decide(_ state: ReferralState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        try state.checkTransition(referralId, to: .accepted, on: acceptedOn, dateField: "acceptedOn", context: context)
        return [ReferralAccepted(referralId: referralId, acceptedOn: acceptedOn)]
    }
}

extension DeclineReferral {
    public func decide(_ state: ReferralState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        try state.checkTransition(referralId, to: .declined, on: declinedOn, dateField: "declinedOn", context: context)
        try Rules.text(reason, field: "reason")
        return [ReferralDeclined(referralId: referralId, declinedOn: declinedOn, reason: reason)]
    }
}

extension CompleteReferral {
    public func decide(_ state: ReferralState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        try state.checkTransition(referralId, to: .completed, on: completedOn, dateField: "completedOn", context: context)
        if let note { try Rules.text(note.text, field: "note") }
        return [ReferralCompleted(referralId: referralId, completedOn: completedOn, note: note)]
    }
}

extension CancelReferral {
    public func decide(_ state: ReferralState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        try state.checkTransition(referralId, to: .cancelled, on: cancelledOn, dateField: "cancelledOn", context: context)
        try Rules.text(reason, field: "reason")
        return [ReferralCancelled(referralId: referralId, cancelledOn: cancelledOn, reason: reason)]
    }
}
