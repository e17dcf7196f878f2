import Events

/// Counts ballots per position. Seats go to the most-voted candidates; a tie for the last
/// seat is reported, not broken: the meeting resolves it under its own rules.
enum Tally {
    static func count(state: ElectionState, extraBallots: [SecretBallot]) -> ElectionTallied {
        let ballots = state.ballots + extraBallots
        let results = state.positions.map { position in
            result(for: position, candidates: state.candidates.filter { $0.positionId == position.positionId }, ballots: ballots)
        }
        return ElectionTallied(
            electionId: state.called!.electionId, ballotsCounted: ballots.count, votersOnRoll: state.roll?.count ?? 0,
            results: results)
    }

    static func result(for position: PositionAdded, candidates: [CandidateNominated], ballots: [SecretBallot])
        -> PositionResult
    {
        var votes = Dictionary(uniqueKeysWithValues: candidates.map { ($0.candidateId, 0) })
        for ballot in ballots {
            for selection in ballot.selections where selection.positionId == position.positionId {
                for candidate in selection.candidateIds { votes[candidate, default: 0] += 1 }
            }
        }
        let counts = votes.map { CandidateCount(candidateId: $0.key, votes: $0.value) }
            .sorted { ($0.votes, $1.candidateId) > ($1.votes, $0.candidateId) }
        let seats = position.seats
        guard counts.count > seats, counts[seats - 1].votes == counts[seats].votes else {
            return PositionResult(
                positionId: position.positionId, seats: seats, counts: counts,
                elected: counts.prefix(seats).map(\.candidateId), tiedForLastSeat: [])
        }
        let tieVotes = counts[seats - 1].votes
        return PositionResult(
            positionId: position.positionId, seats: seats, counts: counts,
            elected: counts.filter { $0.votes > tieVotes }.map(\.candidateId),
            tiedForLastSeat: counts.filter { $0.votes == tieVotes }.map(\.candidateId))
    }
}
