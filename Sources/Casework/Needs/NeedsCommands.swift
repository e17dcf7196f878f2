public import Events

/// Records a client's first needs assessment (later ones are ``ReassessNeeds``).
public struct AssessNeeds: Command {
    public static let name = CommandName.assessNeeds

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The day of the assessment.
    public let assessedOn: CalendarDate
    /// Needs found, at most one per domain.
    public let needs: [IdentifiedNeed]

    /// A AssessNeeds command.
    public init(actor: ActingUser, clientId: ClientID, assessedOn: CalendarDate, needs: [IdentifiedNeed]) {
        self.actor = actor
        self.clientId = clientId
        self.assessedOn = assessedOn
        self.needs = needs
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Records a reassessment; its needs replace the previous ones.
public struct ReassessNeeds: Command {
    public static let name = CommandName.reassessNeeds

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The day of the reassessment.
    public let assessedOn: CalendarDate
    /// Needs found now, at most one per domain.
    public let needs: [IdentifiedNeed]

    /// A ReassessNeeds command.
    public init(actor: ActingUser, clientId: ClientID, assessedOn: CalendarDate, needs: [IdentifiedNeed]) {
        self.actor = actor
        self.clientId = clientId
        self.assessedOn = assessedOn
        self.needs = needs
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Agrees a settlement plan whose goals address the assessed needs.
public struct SetSettlementPlan: Command {
    public static let name = CommandName.setSettlementPlan

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The day it was agreed.
    public let agreedOn: CalendarDate
    /// The goals, each for an assessed need, with a target date.
    public let goals: [PlanGoal]

    /// A SetSettlementPlan command.
    public init(actor: ActingUser, clientId: ClientID, agreedOn: CalendarDate, goals: [PlanGoal]) {
        self.actor = actor
        self.clientId = clientId
        self.agreedOn = agreedOn
        self.goals = goals
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Records that a goal of the current plan was reached.
public struct RecordGoalAchieved: Command {
    public static let name = CommandName.recordGoalAchieved

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The goal.
    public let goalId: GoalID
    /// The day it was reached.
    public let achievedOn: CalendarDate

    /// A RecordGoalAchieved command.
    public init(actor: ActingUser, clientId: ClientID, goalId: GoalID, achievedOn: CalendarDate) {
        self.actor = actor
        self.clientId = clientId
        self.goalId = goalId
        self.achievedOn = achievedOn
    }

    public var streamId: String { StreamID.client(clientId) }
}


