public import Events

/// The pure rules of casting, batching and closing. The service holds the pending ballots and
/// passes them in; randomness (batch choice, shuffle) comes from the caller's generator so
/// tests can seed it.
public enum BallotDecisions {
    /// Checks a cast against the election and the ballots already held, and returns the ballot
    /// to hold. The voter must be on the roll and must not have voted (released or held).
    public static func cast(
        _ request: CastBallot, state: ElectionState, pending: [PendingBallot], receiptHash: String,
        context: DecisionContext
    ) throws(DomainError) -> PendingBallot {
        try RolePolicy.authorize(request)
        if !request.actor.roles.contains(.electionOfficer), request.actor.memberId != request.voter {
            throw .forbidden("voter", "is \(request.voter); a member may cast only their own ballot")
        }
        _ = try state.requireCalled(request.electionId)
        guard state.acceptsBallots else {
            throw .conflict("electionId", state.isClosed ? "balloting has closed" : "balloting has not opened")
        }
        guard state.roll?.contains(request.voter) == true else {
            throw .conflict("voter", "\(request.voter) is not on the voter roll")
        }
        if state.participants.contains(request.voter) || pending.contains(where: { $0.voter == request.voter }) {
            throw .conflict("voter", "\(request.voter) has already voted")
        }
        let selections = try checkedSelections(request.selections, state: state)
        return PendingBallot(voter: request.voter, ballot: SecretBallot(receiptHash: receiptHash, selections: selections))
    }

    /// The selections sorted by position with candidates sorted, or the rule they break.
    static func checkedSelections(_ selections: [PositionSelection], state: ElectionState) throws(DomainError)
        -> [PositionSelection]
    {
        try Rules.noDuplicates(selections.map(\.positionId), field: "selections")
        for (index, selection) in selections.enumerated() {
            let field = "selections[\(index)]"
            guard let position = state.position(selection.positionId) else {
                throw .validation("\(field).positionId", "names no position (\(selection.positionId))")
            }
            try Rules.noDuplicates(selection.candidateIds, field: "\(field).candidateIds")
            guard selection.candidateIds.count <= position.seats else {
                throw .validation("\(field).candidateIds", "chooses \(selection.candidateIds.count) for \(position.seats) seat(s)")
            }
            for candidate in selection.candidateIds
            where !state.candidates.contains(where: { $0.candidateId == candidate && $0.positionId == position.positionId }) {
                throw .validation("\(field).candidateIds", "\(candidate) is not a candidate for \(position.positionId)")
            }
        }
        return selections.map { PositionSelection(positionId: $0.positionId, candidateIds: $0.candidateIds.sorted()) }
            .sorted { $0.positionId < $1.positionId }
    }

    /// Once at least twice `batchSize` ballots are held, a random `batchSize` of them to
    /// release and the rest to keep; nil while fewer are held. Keeping at least `batchSize`
    /// back means the batch released at close is never smaller than `batchSize` either.
    public static func batchToRelease(
        _ pending: [PendingBallot], batchSize: Int, using generator: inout some RandomNumberGenerator
    ) -> (release: [PendingBallot], keep: [PendingBallot])? {
        guard pending.count >= 2 * batchSize else { return nil }
        let shuffled = pending.shuffled(using: &generator)
        return (Array(shuffled.prefix(batchSize)), Array(shuffled.dropFirst(batchSize)))
    }

    /// The two events of one release, appended together: who voted (sorted) and what was
    /// chosen (shuffled), with nothing that pairs one with the other.
    public static func releaseEvents(
        _ electionId: ElectionID, batch: [PendingBallot], using generator: inout some RandomNumberGenerator
    ) -> [any DomainEvent] {
        [
            VotersParticipated(electionId: electionId, voters: batch.map(\.voter).sorted()),
            BallotsRecorded(electionId: electionId, ballots: batch.map(\.ballot).shuffled(using: &generator)),
        ]
    }

    /// Closing: the release of every held ballot (if any), the close, and the tally.
    public static func close(
        _ request: CloseBalloting, state: ElectionState, pending: [PendingBallot],
        using generator: inout some RandomNumberGenerator
    ) throws(DomainError) -> [any DomainEvent] {
        try RolePolicy.authorize(request)
        _ = try state.requireCalled(request.electionId)
        guard state.acceptsBallots else {
            throw .conflict("electionId", state.isClosed ? "balloting has already closed" : "balloting has not opened")
        }
        let release = pending.isEmpty ? [] : releaseEvents(request.electionId, batch: pending, using: &generator)
        let tally = Tally.count(state: state, extraBallots: pending.map(\.ballot))
        return release + [BallotingClosed(electionId: request.electionId), tally]
    }
}
