public import Events

extension ClientState {
    /// Throws unless the client's case is open; returns the day it (re)opened.
    func requireOpenCase(_ clientId: ClientID) throws(DomainError) -> CalendarDate {
        _ = try requireRegistered(clientId)
        guard caseStatus == .open, let caseOpenedOn else {
            throw .conflict("clientId", "has no open case (case is \(caseStatus.rawValue))")
        }
        return caseOpenedOn
    }
}

extension OpenCase {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let intake = try state.requireRegistered(clientId)
        guard state.caseStatus == .none else {
            throw .conflict("clientId", "already has a case (\(state.caseStatus.rawValue)): \(state.caseStatus == .open ? "it is open" : "reopen it")")
        }
        try Rules.notInFuture(openedOn, field: "openedOn", today: context.today)
        try Rules.notBefore(openedOn, intake, field: "openedOn", what: "the intake date")
        return [CaseOpened(clientId: clientId, openedOn: openedOn)]
    }
}

extension AssignCase {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireOpenCase(clientId)
        if let current = state.caseWorker { throw .conflict("workerId", "the case is already assigned to \(current): transfer it") }
        try Rules.identifier(workerId, field: "workerId")
        return [CaseAssigned(clientId: clientId, workerId: workerId)]
    }
}

extension TransferCase {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireOpenCase(clientId)
        guard let current = state.caseWorker else { throw .conflict("toWorkerId", "the case is unassigned: assign it") }
        try Rules.identifier(toWorkerId, field: "toWorkerId")
        guard toWorkerId != current else { throw .validation("toWorkerId", "is already the case's worker (\(current))") }
        try Rules.text(reason, field: "reason")
        return [CaseTransferred(clientId: clientId, fromWorkerId: current, toWorkerId: toWorkerId, reason: reason)]
    }
}

extension ScheduleFollowUp {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireOpenCase(clientId)
        try Rules.identifier(followUpId, field: "followUpId")
        guard !state.followUpIds.contains(followUpId) else { throw .conflict("followUpId", "is already used (\(followUpId))") }
        guard dueOn >= context.today else { throw .validation("dueOn", "is in the past (\(dueOn))") }
        try Rules.text(purpose.text, field: "purpose")
        return [FollowUpScheduled(clientId: clientId, followUpId: followUpId, dueOn: dueOn, purpose: purpose)]
    }
}

extension CompleteFollowUp {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireRegistered(clientId)
        guard state.followUpIds.contains(followUpId) else { throw .notFound("followUpId", "was never scheduled (\(followUpId))") }
        guard state.openFollowUps[followUpId] != nil else { throw .conflict("followUpId", "is already completed (\(followUpId))") }
        try Rules.notInFuture(completedOn, field: "completedOn", today: context.today)
        return [FollowUpCompleted(clientId: clientId, followUpId: followUpId, completedOn: completedOn)]
    }
}

extension CloseCase {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let openedOn = try state.requireOpenCase(clientId)
        try Rules.notInFuture(closedOn, field: "closedOn", today: context.today)
        try Rules.notBefore(closedOn, openedOn, field: "closedOn", what: "the day the case opened")
        if reason == .other, note == nil { throw .validation("note", "is required when the reason is 'other'") }
        if let note { try Rules.text(note.text, field: "note") }
        return [CaseClosed(clientId: clientId, closedOn: closedOn, reason: reason, note: note)]
    }
}

extension ReopenCase {
    public func decide(_ state: ClientState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireRegistered(clientId)
        guard state.caseStatus == .closed else {
            throw .conflict("clientId", "has no closed case to reopen (case is \(state.caseStatus.rawValue))")
        }
        try Rules.notInFuture(reopenedOn, field: "reopenedOn", today: context.today)
        try Rules.text(reason.text, field: "reason")
        return [CaseReopened(clientId: clientId, reopenedOn: reopenedOn, reason: reason)]
    }
}
