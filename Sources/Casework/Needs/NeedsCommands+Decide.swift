public import Events

extension ClientState {
    /// Throws unless the client is registered; returns the intake date.
    func requireRegistered(_ clientId: ClientID) throws(DomainError) -> CalendarDate {
        guard let registration else { throw .notFound("clientId", "names no registered client (\(clientId))") }
        return registration.registeredOn
    }
}

enum NeedsRules {
    static func check(_ needs: [IdentifiedNeed], assessedOn: CalendarDate, intake: CalendarDate, context: DecisionContext)
        throws(DomainError)
    {
        try Rules.notInFuture(assessedOn, field: "assessedOn", today: context.today)
        try Rules.notBefore(assessedOn, intake, field: "assessedOn", what: "the intake date")
        guard !needs.isEmpty else { throw .validation("needs", "is empty: record at least one need") }
        try Rules.noDuplicates(needs.map(\.domain.rawValue), field: "needs")
        for (index, need) in needs.enumerated() {
            if let note = need.note { try Rules.text(note.text, field: "needs[\(index)].note") }
        }
    }
}

extension AssessNeeds {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let intake = try state.requireRegistered(clientId)
        guard state.lastAssessedOn == nil else {
            throw .conflict("clientId", "was already assessed on \(state.lastAssessedOn!): record a reassessment")
        }
        try NeedsRules.check(needs, assessedOn: assessedOn, intake: intake, context: context)
        return [NeedsAssessed(clientId: clientId, assessedOn: assessedOn, needs: needs)]
    }
}

extension ReassessNeeds {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let intake = try state.requireRegistered(clientId)
        guard let previous = state.lastAssessedOn else {
            throw .conflict("clientId", "has never been assessed: record a first assessment")
        }
        try NeedsRules.check(needs, assessedOn: assessedOn, intake: intake, context: context)
        try Rules.notBefore(assessedOn, previous, field: "assessedOn", what: "the previous assessment")
        return [NeedsReassessed(clientId: clientId, assessedOn: assessedOn, needs: needs)]
    }
}

extension SetSettlementPlan {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireRegistered(clientId)
        guard let needs = state.needs, let assessedOn = state.lastAssessedOn else {
            throw .conflict("clientId", "has no needs assessment: a plan addresses assessed needs")
        }
        try Rules.notInFuture(agreedOn, field: "agreedOn", today: context.today)
        try Rules.notBefore(agreedOn, assessedOn, field: "agreedOn", what: "the latest assessment")
        guard !goals.isEmpty else { throw .validation("goals", "is empty: a plan has at least one goal") }
        try Rules.noDuplicates(goals.map(\.goalId), field: "goals")
        let assessed = Set(needs.map(\.domain))
        for (index, goal) in goals.enumerated() {
            try Rules.identifier(goal.goalId, field: "goals[\(index)].goalId")
            try Rules.text(goal.description.text, field: "goals[\(index)].description")
            guard assessed.contains(goal.domain) else {
                throw .validation("goals[\(index)].domain", "is \(goal.domain.rawValue), which the latest assessment did not identify")
            }
            try Rules.notBefore(goal.targetDate, agreedOn, field: "goals[\(index)].targetDate", what: "the day the plan is agreed")
        }
        return [SettlementPlanSet(clientId: clientId, agreedOn: agreedOn, goals: goals)]
    }
}

extension RecordGoalAchieved {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireRegistered(clientId)
        guard state.goals[goalId] != nil else { throw .notFound("goalId", "is not a goal of the current plan (\(goalId))") }
        guard !state.achievedGoals.contains(goalId) else { throw .conflict("goalId", "was already achieved (\(goalId))") }
        try Rules.notInFuture(achievedOn, field: "achievedOn", today: context.today)
        return [PlanGoalAchieved(clientId: clientId, goalId: goalId, achievedOn: achievedOn)]
    }
}
