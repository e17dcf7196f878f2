public import Events
public import Foundation

/// The pure rules of casting and closing. The service seals and opens ballots with the
/// election's key and passes them in; randomness (the shuffle) comes from the caller's
/// generator so tests can seed it.
public enum BallotDecisions {
    /// Checks a cast against the election and returns the ballot to seal. The voter must be on
    /// the roll and must not have voted.
    public static func cast(
        _ request: CastBallot, state: ElectionState, receiptHash: String, context: DecisionContext
    ) throws(DomainError) -> SecretBallot {
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
        if state.participants.contains(request.voter) {
            throw .conflict("voter", "\(request.voter) has already voted")
        }
        let selections = try checkedSelections(request.selections, state: state)
        return SecretBallot(receiptHash: receiptHash, selections: selections)
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

    /// The one append of a cast: the voter marked as having voted, and their sealed ballot.
    public static func castEvents(_ electionId: ElectionID, voter: MemberID, sealedBallot: Data) -> [any DomainEvent] {
        [
            VotersParticipated(electionId: electionId, voters: [voter]),
            BallotSealed(electionId: electionId, sealedBallot: sealedBallot),
        ]
    }

    /// Checks that `actor` may close `state`'s balloting now.
    public static func checkClose(_ request: CloseBalloting, state: ElectionState) throws(DomainError) {
        try RolePolicy.authorize(request)
        _ = try state.requireCalled(request.electionId)
        guard state.acceptsBallots else {
            throw .conflict("electionId", state.isClosed ? "balloting has already closed" : "balloting has not opened")
        }
    }

    /// Closing: every ballot released in a random order (when there are any), the close, and
    /// the tally. `openedBallots` are the election's sealed ballots, opened.
    public static func close(
        _ request: CloseBalloting, state: ElectionState, openedBallots: [SecretBallot],
        using generator: inout some RandomNumberGenerator
    ) throws(DomainError) -> [any DomainEvent] {
        try checkClose(request, state: state)
        guard openedBallots.count == state.participants.count else {
            throw .conflict(
                "electionId", "has \(openedBallots.count) ballots but \(state.participants.count) voters marked as having voted; the election stream is damaged")
        }
        let release: [any DomainEvent] =
            openedBallots.isEmpty ? [] : [BallotsRecorded(electionId: request.electionId, ballots: openedBallots.shuffled(using: &generator))]
        let tally = Tally.count(state: state, extraBallots: openedBallots)
        return release + [BallotingClosed(electionId: request.electionId), tally]
    }
}
