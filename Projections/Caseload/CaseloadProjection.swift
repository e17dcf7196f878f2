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
        switch event.event {
        case let e as CaseOpened: return client(e.clientId, .opened(e.openedOn))
        case let e as CaseAssigned: return client(e.clientId, .assigned(worker: e.workerId.rawValue))
        case let e as CaseTransferred: return client(e.clientId, .transferred(to: e.toWorkerId.rawValue))
        case let e as FollowUpScheduled: return client(e.clientId, .followUpScheduled(id: e.followUpId.rawValue, dueOn: e.dueOn))
        case let e as FollowUpCompleted: return client(e.clientId, .followUpCompleted(id: e.followUpId.rawValue))
        case let e as CaseClosed: return client(e.clientId, .closed(e.closedOn))
        case let e as CaseReopened: return client(e.clientId, .reopened(e.reopenedOn))
        case let e as ServiceDelivered: return client(e.clientId, .contact(e.deliveredOn))
        case let e as ReferralMade:
            let to = e.target.partnerId?.rawValue ?? e.target.programName ?? e.target.kind.rawValue
            return client(e.clientId, .referralMade(referralId: e.referralId.rawValue, madeOn: e.madeOn, to: to))
                + referral(e.referralId, .referralOf(client: e.clientId.rawValue, madeOn: e.madeOn, to: to))
        case let e as ReferralAccepted: return referral(e.referralId, .referralState(.accepted, on: e.acceptedOn))
        case let e as ReferralDeclined: return referral(e.referralId, .referralState(.declined, on: e.declinedOn))
        case let e as ReferralCompleted: return referral(e.referralId, .referralState(.completed, on: e.completedOn))
        case let e as ReferralCancelled: return referral(e.referralId, .referralState(.cancelled, on: e.cancelledOn))
        default: return []
        }
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
