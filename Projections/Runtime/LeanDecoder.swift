public import EventStore
public import Events

/// Builds the most frequent events straight from their flat payloads (see ``FlatJSON``).
/// Returns nil for any other type, an older schema version, or a payload it cannot read
/// exactly, and the caller decodes that event the ordinary way.
enum LeanDecoder {
    static func decode(_ record: RecordedEvent) -> (any DomainEvent)? {
        switch record.eventType {
        case ServiceDelivered.eventType where record.schemaVersion == ServiceDelivered.schemaVersion:
            return FlatJSON.parse(record.payload).flatMap(serviceDelivered)
        case FollowUpScheduled.eventType where record.schemaVersion == FollowUpScheduled.schemaVersion:
            guard let fields = FlatJSON.parse(record.payload), fields.count == 4, let client = fields.string("clientId"),
                let followUp = fields.string("followUpId"), let due = fields.date("dueOn"), let purpose = fields.string("purpose")
            else { return nil }
            return FollowUpScheduled(clientId: ClientID(client), followUpId: FollowUpID(followUp), dueOn: due, purpose: FreeText(purpose))
        case FollowUpCompleted.eventType where record.schemaVersion == FollowUpCompleted.schemaVersion:
            guard let fields = FlatJSON.parse(record.payload), fields.count == 3, let client = fields.string("clientId"),
                let followUp = fields.string("followUpId"), let completed = fields.date("completedOn")
            else { return nil }
            return FollowUpCompleted(clientId: ClientID(client), followUpId: FollowUpID(followUp), completedOn: completed)
        case CaseOpened.eventType where record.schemaVersion == CaseOpened.schemaVersion:
            guard let fields = flat(record, count: 2), let client = fields.string("clientId"), let opened = fields.date("openedOn") else { return nil }
            return CaseOpened(clientId: ClientID(client), openedOn: opened)
        case CaseAssigned.eventType where record.schemaVersion == CaseAssigned.schemaVersion:
            guard let fields = flat(record, count: 2), let client = fields.string("clientId"), let worker = fields.string("workerId") else { return nil }
            return CaseAssigned(clientId: ClientID(client), workerId: UserID(worker))
        case CaseClosed.eventType where record.schemaVersion == CaseClosed.schemaVersion:
            guard let fields = FlatJSON.parse(record.payload), let client = fields.string("clientId"), let closed = fields.date("closedOn"),
                let reason = fields.string("reason").flatMap(CaseClosureReason.init(rawValue:)), let note = fields.optionalString("note"),
                fields.count == 3 + (fields["note"] == nil ? 0 : 1)
            else { return nil }
            return CaseClosed(clientId: ClientID(client), closedOn: closed, reason: reason, note: note.map { FreeText($0) })
        case ReferralAccepted.eventType where record.schemaVersion == ReferralAccepted.schemaVersion:
            guard let fields = flat(record, count: 2), let referral = fields.string("referralId"), let accepted = fields.date("acceptedOn")
            else { return nil }
            return ReferralAccepted(referralId: ReferralID(referral), acceptedOn: accepted)
        case ReferralCompleted.eventType where record.schemaVersion == ReferralCompleted.schemaVersion:
            guard let fields = FlatJSON.parse(record.payload), let referral = fields.string("referralId"),
                let completed = fields.date("completedOn"), let note = fields.optionalString("note"),
                fields.count == 2 + (fields["note"] == nil ? 0 : 1)
            else { return nil }
            return ReferralCompleted(referralId: ReferralID(referral), completedOn: completed, note: note.map { FreeText($0) })
        default:
            return nil
        }
    }

    /// The payload's fields when it is flat and has exactly `count` of them.
    private static func flat(_ record: RecordedEvent, count: Int) -> [String: FlatValue]? {
        guard let fields = FlatJSON.parse(record.payload), fields.count == count else { return nil }
        return fields
    }

    private static func serviceDelivered(_ fields: [String: FlatValue]) -> ServiceDelivered? {
        guard let client = fields.string("clientId"), let service = fields.string("serviceId"),
            let component = fields.string("component").flatMap(ServiceComponent.init(rawValue:)),
            let delivered = fields.date("deliveredOn"), case .integer(let minutes)? = fields["minutes"],
            let mode = fields.string("mode").flatMap(ContactMode.init(rawValue:)), let language = fields.string("language"),
            case .bool(let interpreter)? = fields["interpreterUsed"], let worker = fields.string("workerId"),
            let outcome = fields.string("outcome").flatMap(ServiceOutcome.init(rawValue:)),
            let contract = fields.optionalString("contractId"), let note = fields.optionalString("note"),
            fields.count == 10 + (fields["contractId"] == nil ? 0 : 1) + (fields["note"] == nil ? 0 : 1)
        else { return nil }
        return ServiceDelivered(
            clientId: ClientID(client), serviceId: ServiceID(service), component: component, deliveredOn: delivered, minutes: minutes,
            mode: mode, language: language, interpreterUsed: interpreter, workerId: UserID(worker), contractId: contract.map { ContractID($0) },
            outcome: outcome, note: note.map { FreeText($0) })
    }
}

extension Dictionary where Key == String, Value == FlatValue {
    fileprivate func string(_ key: String) -> String? {
        if case .string(let text)? = self[key] { return text }
        return nil
    }

    /// nil when the field is malformed; `.some(nil)` when it is absent or null.
    fileprivate func optionalString(_ key: String) -> String?? {
        switch self[key] {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        default: return nil
        }
    }

    fileprivate func date(_ key: String) -> CalendarDate? { string(key).flatMap(CalendarDate.init(iso8601:)) }
}

extension ReadModels {
    /// The event as the lean decoder reads it, or nil where it defers to the full decoder
    /// (exposed so tests and tools can check the two agree).
    public static func leanDecoded(_ record: RecordedEvent) -> (any DomainEvent)? { LeanDecoder.decode(record) }
}
