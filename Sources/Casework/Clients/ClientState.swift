public import Events

/// Where a client's case stands.
public enum CaseStatus: String, Sendable, Hashable {
    /// No case was ever opened.
    case none
    case open, closed
}

/// A client as their stream tells it: intake, consents, needs and plan, case, services.
public struct ClientState: AggregateState {
    /// The intake event, once registered.
    public private(set) var registration: ClientRegistered?
    /// Current identifying details, opened (nil for an anonymous client, and for a named one
    /// whose details are sealed: read without the key ring, or erased).
    public private(set) var personal: PersonalDetails?
    /// The erasure, once the client's personal data was erased.
    public private(set) var erasure: PersonalDataErased?
    /// Legal holds in force, by hold id.
    public private(set) var legalHolds: [String: LegalHoldPlaced] = [:]
    /// Current consents.
    public private(set) var consents: [ConsentKind: ConsentDecision] = [:]
    /// Needs of the latest assessment (nil before the first).
    public private(set) var needs: [IdentifiedNeed]?
    /// Day of the latest assessment.
    public private(set) var lastAssessedOn: CalendarDate?
    /// Goals of the current plan, by id.
    public private(set) var goals: [GoalID: PlanGoal] = [:]
    /// Goals of the current plan already reached.
    public private(set) var achievedGoals: Set<GoalID> = []
    /// The case's status.
    public private(set) var caseStatus = CaseStatus.none
    /// The day the case was last opened or reopened.
    public private(set) var caseOpenedOn: CalendarDate?
    /// The day the case was last closed (nil if it never was).
    public private(set) var caseClosedOn: CalendarDate?
    /// The worker responsible, if assigned.
    public private(set) var caseWorker: UserID?
    /// Follow-ups not yet done, by id.
    public private(set) var openFollowUps: [FollowUpID: FollowUpScheduled] = [:]
    /// Every follow-up id ever scheduled (ids are never reused).
    public private(set) var followUpIds: Set<FollowUpID> = []
    /// Every service recorded, by id.
    public private(set) var serviceIds: Set<ServiceID> = []

    public init() {}

    /// True once registered.
    public var exists: Bool { registration != nil }
    /// The client's id (nil before registration).
    public var clientId: ClientID? { registration?.clientId }
    /// True for a client who refused the privacy statement: never named, never shared.
    public var isAnonymous: Bool { registration != nil && registration?.personal == nil }

    /// True once the client's personal data was erased.
    public var isErased: Bool { erasure != nil }

    /// True when the client's current decision on `kind` is a grant.
    public func hasConsented(to kind: ConsentKind) -> Bool { consents[kind]?.granted == true }

    public mutating func apply(_ event: any DomainEvent) {
        switch event {
        case let event as ClientRegistered:
            registration = event
            personal = event.personal?.value
            for kind in ConsentKind.allCases { consents[kind] = event.consents[kind] }
        case let event as ClientDetailsUpdated: personal = event.personal.value
        case let event as ConsentRecorded: consents[event.kind] = event.decision
        case let event as PersonalDataErased: (erasure, personal) = (event, nil)
        case let event as LegalHoldPlaced: legalHolds[event.holdId] = event
        case let event as LegalHoldReleased: legalHolds[event.holdId] = nil
        default: applyNeeds(event)
        }
    }

    private mutating func applyNeeds(_ event: any DomainEvent) {
        switch event {
        case let event as NeedsAssessed: (needs, lastAssessedOn) = (event.needs, event.assessedOn)
        case let event as NeedsReassessed: (needs, lastAssessedOn) = (event.needs, event.assessedOn)
        case let event as SettlementPlanSet:
            goals = Dictionary(uniqueKeysWithValues: event.goals.map { ($0.goalId, $0) })
            achievedGoals = []
        case let event as PlanGoalAchieved: achievedGoals.insert(event.goalId)
        case let event as ServiceDelivered: serviceIds.insert(event.serviceId)
        default: applyCase(event)
        }
    }

    private mutating func applyCase(_ event: any DomainEvent) {
        switch event {
        case let event as CaseOpened: (caseStatus, caseOpenedOn) = (.open, event.openedOn)
        case let event as CaseAssigned: caseWorker = event.workerId
        case let event as CaseTransferred: caseWorker = event.toWorkerId
        case let event as FollowUpScheduled:
            openFollowUps[event.followUpId] = event
            followUpIds.insert(event.followUpId)
        case let event as FollowUpCompleted: openFollowUps[event.followUpId] = nil
        case let event as CaseClosed: (caseStatus, caseClosedOn) = (.closed, event.closedOn)
        case let event as CaseReopened: (caseStatus, caseOpenedOn) = (.open, event.reopenedOn)
        default: break
        }
    }
}
