public import Events

/// Per worker: open cases, their clients, pending referrals, overdue follow-ups, last contact.
/// Rows: `client/<id>` (case facts and contacts) and `referral/<id>` (its state).
public enum CaseloadProjection: FactProjection {
    /// What the caseload keeps of an event.
    public enum Fact: Codable, Sendable, Equatable {
        case opened(CalendarDate)
        case assigned(worker: String)
        case transferred(to: String)
        case followUpScheduled(id: String, dueOn: CalendarDate)
        case followUpCompleted(id: String)
        case closed(CalendarDate)
        case reopened(CalendarDate)
        case contact(CalendarDate)
        case referralMade(referralId: String, madeOn: CalendarDate, to: String)
        case referralState(ReferralStage, on: CalendarDate)
        case referralOf(client: String, madeOn: CalendarDate, to: String)
    }

    public static let name = "caseload"
    public static let payloadTypes: Set<String> = [
        CaseOpened.eventType, CaseAssigned.eventType, CaseTransferred.eventType, FollowUpScheduled.eventType,
        FollowUpCompleted.eventType, CaseClosed.eventType, CaseReopened.eventType, ServiceDelivered.eventType,
        ReferralMade.eventType, ReferralAccepted.eventType, ReferralDeclined.eventType, ReferralCompleted.eventType,
        ReferralCancelled.eventType, EventCorrected.eventType, EventVoided.eventType,
    ]

    public static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)] {
        func client(_ id: ClientID, _ fact: Fact) -> [(RowKey, Fact)] { [(RowKey("client", id.rawValue), fact)] }
        func referral(_ id: ReferralID, _ fact: Fact) -> [(RowKey, Fact)] { [(RowKey("referral", id.rawValue), fact)] }
        if let e = event.payload(ServiceDelivered.self) { return client(e.clientId, .contact(e.deliveredOn)) }
        if let e = event.payload(ReferralMade.self) {
            let to = e.target.partnerId?.rawValue ?? e.target.programName ?? e.target.kind.rawValue
            return client(e.clientId, .referralMade(referralId: e.referralId.rawValue, madeOn: e.madeOn, to: to))
                + referral(e.referralId, .referralOf(client: e.clientId.rawValue, madeOn: e.madeOn, to: to))
        }
        if let e = event.payload(FollowUpScheduled.self) { return client(e.clientId, .followUpScheduled(id: e.followUpId.rawValue, dueOn: e.dueOn)) }
        if let e = event.payload(FollowUpCompleted.self) { return client(e.clientId, .followUpCompleted(id: e.followUpId.rawValue)) }
        return caseFact(of: event).map { client($0.0, $0.1) } ?? referralState(of: event).map { referral($0.0, $0.1) } ?? []
    }

    private static func caseFact(of event: ProjectionEvent) -> (ClientID, Fact)? {
        if let e = event.payload(CaseOpened.self) { return (e.clientId, .opened(e.openedOn)) }
        if let e = event.payload(CaseAssigned.self) { return (e.clientId, .assigned(worker: e.workerId.rawValue)) }
        if let e = event.payload(CaseTransferred.self) { return (e.clientId, .transferred(to: e.toWorkerId.rawValue)) }
        if let e = event.payload(CaseClosed.self) { return (e.clientId, .closed(e.closedOn)) }
        if let e = event.payload(CaseReopened.self) { return (e.clientId, .reopened(e.reopenedOn)) }
        return nil
    }

    private static func referralState(of event: ProjectionEvent) -> (ReferralID, Fact)? {
        if let e = event.payload(ReferralAccepted.self) { return (e.referralId, .referralState(.accepted, on: e.acceptedOn)) }
        if let e = event.payload(ReferralDeclined.self) { return (e.referralId, .referralState(.declined, on: e.declinedOn)) }
        if let e = event.payload(ReferralCompleted.self) { return (e.referralId, .referralState(.completed, on: e.completedOn)) }
        if let e = event.payload(ReferralCancelled.self) { return (e.referralId, .referralState(.cancelled, on: e.cancelledOn)) }
        return nil
    }

    /// Client rows are filed under their current worker, so a caseload page is a range scan.
    public static let indexedTable: String? = "client"

    /// Only case facts move a client between workers (services, referrals and follow-ups do not).
    public static func affectsIndex(_ fact: Fact) -> Bool {
        switch fact {
        case .opened, .reopened, .assigned, .transferred, .closed: true
        default: false
        }
    }

    /// The worker a client's case is assigned to.
    public static func indexValue(of row: RowKey, entries: [FactEntry<Fact>]) -> String? {
        CaseSummary(clientId: row.key, entries: entries).workerId
    }
}

/// Where a referral stands.
public enum ReferralStage: String, Codable, Sendable, Equatable, CaseIterable {
    case made, accepted, declined, completed, cancelled

    /// Made or accepted: still waiting on someone.
    public var isPending: Bool { self == .made || self == .accepted }
}
