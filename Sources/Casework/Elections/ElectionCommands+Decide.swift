public import Events

extension CallMeeting {
    public func decide(_ state: ElectionState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        guard state.called == nil else { throw .conflict("electionId", "is already called (\(electionId))") }
        try Rules.identifier(electionId, field: "electionId")
        try Rules.name(title, field: "title")
        let policy = context.policy
        let noticeDays = noticeGivenOn.days(until: meetingOn)
        guard (policy.meetingNoticeDaysMin...policy.meetingNoticeDaysMax).contains(noticeDays) else {
            throw .validation(
                "meetingOn", "is \(noticeDays) days after notice; it must be \(policy.meetingNoticeDaysMin) to \(policy.meetingNoticeDaysMax)")
        }
        guard recordDate <= meetingOn else { throw .validation("recordDate", "is after the meeting (\(recordDate))") }
        let recordDays = recordDate.days(until: meetingOn)
        guard recordDays <= policy.meetingNoticeDaysMax else {
            throw .validation("recordDate", "is \(recordDays) days before the meeting, over \(policy.meetingNoticeDaysMax)")
        }
        return [
            MeetingCalled(
                electionId: electionId, title: title, noticeGivenOn: noticeGivenOn, meetingOn: meetingOn,
                recordDate: recordDate)
        ]
    }
}

extension AddPosition {
    /// Most seats one position may have.
    static let seatsMax = 50

    public func decide(_ state: ElectionState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireSetUp(electionId)
        try Rules.identifier(positionId, field: "positionId")
        guard state.position(positionId) == nil else { throw .conflict("positionId", "is already used (\(positionId))") }
        try Rules.name(title, field: "title")
        guard (1...Self.seatsMax).contains(seats) else { throw .validation("seats", "is \(seats), outside 1...\(Self.seatsMax)") }
        return [PositionAdded(electionId: electionId, positionId: positionId, title: title, seats: seats)]
    }
}

extension NominateCandidate {
    public func gatherFacts(from reader: FactReader) async throws -> MemberState {
        try reader.state(MemberState.self, of: StreamID.member(memberId))
    }

    public func decide(_ state: ElectionState, facts: MemberState, context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        _ = try state.requireSetUp(electionId)
        guard state.position(positionId) != nil else { throw .notFound("positionId", "names no position (\(positionId))") }
        try Rules.identifier(candidateId, field: "candidateId")
        guard !state.candidates.contains(where: { $0.candidateId == candidateId }) else {
            throw .conflict("candidateId", "is already used (\(candidateId))")
        }
        guard !state.candidates.contains(where: { $0.positionId == positionId && $0.memberId == memberId }) else {
            throw .conflict("memberId", "is already a candidate for \(positionId)")
        }
        let standing = facts.standing(on: context.today, graceMonths: context.policy.membershipGraceMonths)
        guard standing == .goodStanding else {
            throw .conflict("memberId", "\(memberId) is not a member in good standing (\(standing.rawValue))")
        }
        try Rules.name(displayName, field: "displayName")
        return [
            CandidateNominated(
                electionId: electionId, positionId: positionId, candidateId: candidateId, memberId: memberId,
                displayName: displayName)
        ]
    }
}

extension FixVoterRoll {
    public func gatherFacts(from reader: FactReader) async throws -> [MemberState] {
        try await reader.members.allMembers()
    }

    public func decide(_ state: ElectionState, facts: [MemberState], context: DecisionContext) throws(DomainError)
        -> [any DomainEvent]
    {
        let called = try state.requireSetUp(electionId)
        guard state.roll == nil else { throw .conflict("electionId", "already has a fixed voter roll") }
        guard called.recordDate <= context.today else {
            throw .conflict("electionId", "the record date \(called.recordDate) has not come yet")
        }
        let grace = context.policy.membershipGraceMonths
        let voters = facts.filter { $0.standing(on: called.recordDate, graceMonths: grace) == .goodStanding }
            .compactMap(\.memberId)
        return [VoterRollFixed(electionId: electionId, recordDate: called.recordDate, voters: Set(voters).sorted())]
    }
}

extension OpenBalloting {
    public func decide(_ state: ElectionState, facts: Void, context: DecisionContext) throws(DomainError) -> [any DomainEvent] {
        _ = try state.requireSetUp(electionId)
        guard let roll = state.roll else { throw .conflict("electionId", "has no voter roll yet") }
        guard !roll.isEmpty else { throw .conflict("electionId", "has an empty voter roll") }
        guard !state.positions.isEmpty else { throw .conflict("electionId", "has no positions") }
        for position in state.positions where !state.candidates.contains(where: { $0.positionId == position.positionId }) {
            throw .conflict("positionId", "\(position.positionId) has no candidates")
        }
        return [BallotingOpened(electionId: electionId)]
    }
}
