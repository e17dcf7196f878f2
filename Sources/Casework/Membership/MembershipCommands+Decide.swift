public import Events

extension MemberState {
    func requireApplied(_ id: MemberID) throws(DomainError) -> MembershipApplied {
        guard let application else { throw .notFound("memberId", "names no member or applicant (\(id))") }
        return application
    }

    func requirePending(_ id: MemberID) throws(DomainError) -> MembershipApplied {
        let application = try requireApplied(id)
        if let approvedOn { throw .conflict("memberId", "was already approved on \(approvedOn)") }
        if let rejectedOn { throw .conflict("memberId", "was already rejected on \(rejectedOn)") }
        return application
    }
}

extension ApplyForMembership {
    public func decide(_ state: MemberState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard state.application == nil else { throw .conflict("memberId", "has already applied (\(memberId))") }
        try Rules.identifier(memberId, field: "memberId")
        try Rules.name(details.displayName, field: "details.displayName")
        switch kind {
        case .organizational:
            try Rules.name(details.representativeName ?? "", field: "details.representativeName")
        case .individual:
            if details.representativeName != nil {
                throw .validation("details.representativeName", "must be empty for an individual member")
            }
        }
        try Rules.notInFuture(appliedOn, field: "appliedOn", today: context.today)
        try Rules.notInFuture(eligibilityAttestedOn, field: "eligibilityAttestedOn", today: context.today)
        return [
            MembershipApplied(
                memberId: memberId, kind: kind, appliedOn: appliedOn, details: details, eligibility: eligibility,
                eligibilityAttestedOn: eligibilityAttestedOn)
        ]
    }
}

extension ApproveMember {
    public func decide(_ state: MemberState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let application = try state.requirePending(memberId)
        try Rules.notInFuture(approvedOn, field: "approvedOn", today: context.today)
        try Rules.notBefore(approvedOn, application.appliedOn, field: "approvedOn", what: "the application")
        return [MemberApproved(memberId: memberId, approvedOn: approvedOn)]
    }
}

extension RejectMember {
    public func decide(_ state: MemberState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let application = try state.requirePending(memberId)
        try Rules.notInFuture(rejectedOn, field: "rejectedOn", today: context.today)
        try Rules.notBefore(rejectedOn, application.appliedOn, field: "rejectedOn", what: "the application")
        try Rules.text(reason, field: "reason")
        return [MemberRejected(memberId: memberId, rejectedOn: rejectedOn, reason: reason)]
    }
}

extension RecordDues {
    public func decide(_ state: MemberState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let application = try state.requireApplied(memberId)
        if let rejectedOn = state.rejectedOn { throw .conflict("memberId", "was rejected on \(rejectedOn)") }
        try Rules.notInFuture(paidOn, field: "paidOn", today: context.today)
        try Rules.notBefore(paidOn, application.appliedOn, field: "paidOn", what: "the application")
        guard amountCents > 0 else { throw .validation("amountCents", "must be positive (got \(amountCents))") }
        let monthsMax = context.policy.duesTermMonthsMax
        guard (1...monthsMax).contains(termMonths) else {
            throw .validation("termMonths", "is \(termMonths), outside 1...\(monthsMax)")
        }
        let startsOn = max(state.paidThrough ?? paidOn, paidOn)
        return [
            DuesPaid(
                memberId: memberId, paidOn: paidOn, amountCents: amountCents, termMonths: termMonths,
                termStartsOn: startsOn, termExpiresOn: startsOn.adding(months: termMonths))
        ]
    }
}

extension ChangeRepresentative {
    public func decide(_ state: MemberState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        let application = try state.requireApplied(memberId)
        guard application.kind == .organizational else {
            throw .validation("memberId", "is an individual member, who has no representative")
        }
        try Rules.name(representativeName, field: "representativeName")
        guard representativeName != state.representativeName else {
            throw .conflict("representativeName", "is already the representative")
        }
        return [RepresentativeChanged(memberId: memberId, representativeName: representativeName)]
    }
}

extension RecordLapse {
    public func decide(_ state: MemberState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireApplied(memberId)
        let grace = context.policy.membershipGraceMonths
        let standing = state.standing(on: context.today, graceMonths: grace)
        guard standing == .lapsed, let lastEnded = state.paidThrough else {
            throw .conflict("memberId", "has not lapsed: standing today is \(standing.rawValue)")
        }
        let lapsedOn = lastEnded.adding(months: grace)
        if let recorded = state.lastLapsedOn, recorded >= lapsedOn {
            throw .conflict("memberId", "lapse on \(recorded) is already recorded")
        }
        return [MembershipLapsed(memberId: memberId, lapsedOn: lapsedOn)]
    }
}
