public import EventStore
public import Events

/// Builds the events projections read most straight from their payloads (see ``PayloadJSON``),
/// field by field, as `EventRegistry` decoding would, sealed personal fields left sealed.
/// Returns nil for any other type, an older schema version (its upcasters are the registry's
/// business), or a payload it cannot read exactly, and the caller decodes that event the
/// ordinary way.
enum LeanDecoder {
    static func decode(_ record: RecordedEvent) -> (any DomainEvent)? {
        guard let decode = decoders[record.eventType], decode.version == record.schemaVersion,
            let payload = PayloadJSON.parse(record.payload)
        else { return nil }
        return decode.build(payload)
    }

    private typealias Decoder = (version: UInt16, build: @Sendable (PayloadObject) -> (any DomainEvent)?)

    private static let decoders: [String: Decoder] = [
        ServiceDelivered.eventType: (ServiceDelivered.schemaVersion, serviceDelivered),
        FollowUpScheduled.eventType: (FollowUpScheduled.schemaVersion, followUpScheduled),
        FollowUpCompleted.eventType: (FollowUpCompleted.schemaVersion, followUpCompleted),
        CaseOpened.eventType: (CaseOpened.schemaVersion, caseOpened),
        CaseAssigned.eventType: (CaseAssigned.schemaVersion, caseAssigned),
        CaseClosed.eventType: (CaseClosed.schemaVersion, caseClosed),
        ReferralAccepted.eventType: (ReferralAccepted.schemaVersion, referralAccepted),
        ReferralDeclined.eventType: (ReferralDeclined.schemaVersion, referralDeclined),
        ReferralCompleted.eventType: (ReferralCompleted.schemaVersion, referralCompleted),
        ClientRegistered.eventType: (ClientRegistered.schemaVersion, clientRegistered),
        NeedsAssessed.eventType: (NeedsAssessed.schemaVersion, { needs($0).map { NeedsAssessed(clientId: $0.0, assessedOn: $0.1, needs: $0.2) } }),
        NeedsReassessed.eventType: (NeedsReassessed.schemaVersion, { needs($0).map { NeedsReassessed(clientId: $0.0, assessedOn: $0.1, needs: $0.2) } }),
        ReferralMade.eventType: (ReferralMade.schemaVersion, referralMade),
    ]

    private static func followUpScheduled(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.count == 4, let client = fields.string("clientId"), let followUp = fields.string("followUpId"),
            let due = fields.date("dueOn"), let purpose = fields.freeText("purpose")
        else { return nil }
        return FollowUpScheduled(clientId: ClientID(client), followUpId: FollowUpID(followUp), dueOn: due, purpose: purpose)
    }

    private static func followUpCompleted(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.count == 3, let client = fields.string("clientId"), let followUp = fields.string("followUpId"),
            let completed = fields.date("completedOn")
        else { return nil }
        return FollowUpCompleted(clientId: ClientID(client), followUpId: FollowUpID(followUp), completedOn: completed)
    }

    private static func caseOpened(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.count == 2, let client = fields.string("clientId"), let opened = fields.date("openedOn") else { return nil }
        return CaseOpened(clientId: ClientID(client), openedOn: opened)
    }

    private static func caseAssigned(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.count == 2, let client = fields.string("clientId"), let worker = fields.string("workerId") else { return nil }
        return CaseAssigned(clientId: ClientID(client), workerId: UserID(worker))
    }

    private static func caseClosed(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.hasOnly(["clientId", "closedOn", "reason", "note"]), let client = fields.string("clientId"),
            let closed = fields.date("closedOn"), let reason = fields.code("reason", as: CaseClosureReason.self),
            let note = fields.optionalFreeText("note")
        else { return nil }
        return CaseClosed(clientId: ClientID(client), closedOn: closed, reason: reason, note: note)
    }

    private static func referralAccepted(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.count == 2, let referral = fields.string("referralId"), let accepted = fields.date("acceptedOn") else { return nil }
        return ReferralAccepted(referralId: ReferralID(referral), acceptedOn: accepted)
    }

    private static func referralDeclined(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.count == 3, let referral = fields.string("referralId"), let declined = fields.date("declinedOn"),
            let reason = fields.string("reason")
        else { return nil }
        return ReferralDeclined(referralId: ReferralID(referral), declinedOn: declined, reason: reason)
    }

    private static func referralCompleted(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard fields.hasOnly(["referralId", "completedOn", "note"]), let referral = fields.string("referralId"),
            let completed = fields.date("completedOn"), let note = fields.optionalFreeText("note")
        else { return nil }
        return ReferralCompleted(referralId: ReferralID(referral), completedOn: completed, note: note)
    }

    private static func serviceDelivered(_ fields: PayloadObject) -> (any DomainEvent)? {
        guard
            fields.hasOnly([
                "clientId", "serviceId", "component", "deliveredOn", "minutes", "mode", "language", "interpreterUsed", "workerId",
                "outcome", "contractId", "note",
            ]), let client = fields.string("clientId"), let service = fields.string("serviceId"),
            let component = fields.code("component", as: ServiceComponent.self), let delivered = fields.date("deliveredOn"),
            let minutes = fields.integer("minutes"), let mode = fields.code("mode", as: ContactMode.self),
            let language = fields.string("language"), let interpreter = fields.bool("interpreterUsed"),
            let worker = fields.string("workerId"), let outcome = fields.code("outcome", as: ServiceOutcome.self),
            let contract = fields.optionalString("contractId"), let note = fields.optionalFreeText("note")
        else { return nil }
        return ServiceDelivered(
            clientId: ClientID(client), serviceId: ServiceID(service), component: component, deliveredOn: delivered, minutes: minutes,
            mode: mode, language: language, interpreterUsed: interpreter, workerId: UserID(worker), contractId: contract.map { ContractID($0) },
            outcome: outcome, note: note)
    }
}

extension ReadModels {
    /// The event as the lean decoder reads it, or nil where it defers to the full decoder
    /// (exposed so tests and tools can check the two agree).
    public static func leanDecoded(_ record: RecordedEvent) -> (any DomainEvent)? { LeanDecoder.decode(record) }
}
