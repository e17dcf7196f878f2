

/// One settlement need found in an assessment.
public struct IdentifiedNeed: Sendable, Hashable, Codable {
    /// The area of need.
    public let domain: NeedDomain
    /// How urgent it is.
    public let priority: Priority
    /// The worker's note (personal data).
    public let note: FreeText?

    /// A IdentifiedNeed with every field given.
    public init(domain: NeedDomain, priority: Priority, note: FreeText? = nil) {
        self.domain = domain
        self.priority = priority
        self.note = note
    }
}

/// One goal of a settlement plan.
public struct PlanGoal: Sendable, Hashable, Codable {
    /// Identifies the goal within the client's plan.
    public let goalId: GoalID
    /// The need the goal addresses.
    public let domain: NeedDomain
    /// The goal in the client's and worker's words (personal data).
    public let description: FreeText
    /// When the client aims to reach it.
    public let targetDate: CalendarDate

    /// A PlanGoal with every field given.
    public init(goalId: GoalID, domain: NeedDomain, description: FreeText, targetDate: CalendarDate) {
        self.goalId = goalId
        self.domain = domain
        self.description = description
        self.targetDate = targetDate
    }
}

/// A client's first needs assessment.
public struct NeedsAssessed: DomainEvent {
    public static let eventType = "NeedsAssessed"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A client's first needs assessment, needs by domain with priority."

    /// The client.
    public let clientId: ClientID
    /// The day of the assessment.
    public let assessedOn: CalendarDate
    /// The needs found, one per domain.
    public let needs: [IdentifiedNeed]

    /// A NeedsAssessed with every field given.
    public init(clientId: ClientID, assessedOn: CalendarDate, needs: [IdentifiedNeed]) {
        self.clientId = clientId
        self.assessedOn = assessedOn
        self.needs = needs
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: NeedsAssessed {
        NeedsAssessed(
            clientId: ClientID("c-0001"), assessedOn: .example("2025-03-04"),
            needs: [
                IdentifiedNeed(domain: .housing, priority: .high, note: "Family of two in a motel"),
                IdentifiedNeed(domain: .language, priority: .medium, note: nil),
            ])
    }
}

/// A later assessment; its needs replace the previous assessment's.
public struct NeedsReassessed: DomainEvent {
    public static let eventType = "NeedsReassessed"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A later assessment whose needs replace the previous ones."

    /// The client.
    public let clientId: ClientID
    /// The day of the reassessment.
    public let assessedOn: CalendarDate
    /// The needs found now, one per domain.
    public let needs: [IdentifiedNeed]

    /// A NeedsReassessed with every field given.
    public init(clientId: ClientID, assessedOn: CalendarDate, needs: [IdentifiedNeed]) {
        self.clientId = clientId
        self.assessedOn = assessedOn
        self.needs = needs
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: NeedsReassessed {
        NeedsReassessed(
            clientId: ClientID("c-0001"), assessedOn: .example("2025-06-02"),
            needs: [IdentifiedNeed(domain: .employment, priority: .high, note: "Ready for job search")])
    }
}

/// A settlement plan was agreed; its goals replace any earlier plan's.
public struct SettlementPlanSet: DomainEvent {
    public static let eventType = "SettlementPlanSet"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A settlement plan with goals and target dates was agreed."

    /// The client.
    public let clientId: ClientID
    /// The day the plan was agreed with the client.
    public let agreedOn: CalendarDate
    /// The plan's goals.
    public let goals: [PlanGoal]

    /// A SettlementPlanSet with every field given.
    public init(clientId: ClientID, agreedOn: CalendarDate, goals: [PlanGoal]) {
        self.clientId = clientId
        self.agreedOn = agreedOn
        self.goals = goals
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: SettlementPlanSet {
        SettlementPlanSet(
            clientId: ClientID("c-0001"), agreedOn: .example("2025-03-04"),
            goals: [
                PlanGoal(
                    goalId: GoalID("g-1"), domain: .housing, description: "Sign a lease",
                    targetDate: .example("2025-05-01"))
            ])
    }
}

/// A goal of the current settlement plan was reached.
public struct PlanGoalAchieved: DomainEvent {
    public static let eventType = "PlanGoalAchieved"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A settlement plan goal was reached."

    /// The client.
    public let clientId: ClientID
    /// The goal reached.
    public let goalId: GoalID
    /// The day it was reached.
    public let achievedOn: CalendarDate

    /// A PlanGoalAchieved with every field given.
    public init(clientId: ClientID, goalId: GoalID, achievedOn: CalendarDate) {
        self.clientId = clientId
        self.goalId = goalId
        self.achievedOn = achievedOn
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: PlanGoalAchieved { PlanGoalAchieved(clientId: ClientID("c-0001"), goalId: GoalID("g-1"), achievedOn: .example("2025-04-20")) }
}
