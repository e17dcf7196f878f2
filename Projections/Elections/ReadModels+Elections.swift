public import Events

/// Where an election stands.
public enum ElectionStage: String, Sendable, Equatable, Codable {
    case called, rollFixed, balloting, closed, tallied
}

/// An election's turnout and results; never who voted for whom.
public struct ElectionResults: Sendable, Equatable, Codable {
    /// The election.
    public let electionId: String
    /// Its title.
    public let title: String
    /// The meeting date.
    public let meetingOn: CalendarDate
    /// Where it stands.
    public let stage: ElectionStage
    /// Members on the voter roll.
    public let rollSize: Int
    /// Members who voted.
    public let voted: Int
    /// Secret ballots recorded.
    public let ballotsRecorded: Int
    /// Voted ÷ roll size, in basis points (10,000 = everyone).
    public let turnoutBasisPoints: Int
    /// Per position: candidates, and counts once tallied.
    public let positions: [PositionOutcome]
}

/// One position's candidates and, after the tally, votes and who was elected.
public struct PositionOutcome: Sendable, Equatable, Codable {
    /// The position.
    public let positionId: String
    /// Its title.
    public let title: String
    /// Seats to fill.
    public let seats: Int
    /// Candidates by id.
    public let candidates: [CandidateOutcome]
    /// Candidates tied for the last seat (a tie the meeting must resolve).
    public let tiedForLastSeat: [String]
}

/// A candidate's result.
public struct CandidateOutcome: Sendable, Equatable, Codable {
    /// Candidate id.
    public let candidateId: String
    /// Name on the ballot.
    public let displayName: String
    /// Votes (nil before the tally).
    public let votes: Int?
    /// Elected at the tally.
    public let elected: Bool
}

extension ReadModels {
    /// The turnout and results of `electionId`.
    public func electionResults(id electionId: String) throws -> ElectionResults {
        let entries = try elections.entries(RowKey("election", electionId))
        guard case .called(let title, let meetingOn, _)? = entries.first?.fact else {
            throw ProjectionError.notFound(field: "electionId", problem: "no election \(electionId) in the log up to position \(position)")
        }
        var stage = ElectionStage.called
        var roll = 0, voted = 0, ballots = 0
        var positions: [(id: String, title: String, seats: Int)] = []
        var candidates: [String: [(id: String, name: String)]] = [:]
        var tally: [PositionResult] = []
        for entry in entries {
            switch entry.fact {
            case .called: break
            case .position(let id, let title, let seats): positions.append((id, title, seats))
            case .candidate(let id, let positionId, let name): candidates[positionId, default: []].append((id, name))
            case .rollFixed(let voters):
                roll = voters
                stage = .rollFixed
            case .opened: stage = .balloting
            case .participated(let voters): voted += voters
            case .ballotsRecorded(let count): ballots += count
            case .closed: stage = .closed
            case .tallied(_, _, let results):
                tally = results
                stage = .tallied
            }
        }
        let outcomes = positions.map { position in
            let result = tally.first { $0.positionId.rawValue == position.id }
            let counted = (candidates[position.id] ?? []).map { candidate in
                CandidateOutcome(
                    candidateId: candidate.id, displayName: candidate.name,
                    votes: result.map { r in r.counts.first { $0.candidateId.rawValue == candidate.id }?.votes ?? 0 },
                    elected: result?.elected.contains { $0.rawValue == candidate.id } ?? false)
            }
            return PositionOutcome(
                positionId: position.id, title: position.title, seats: position.seats, candidates: counted,
                tiedForLastSeat: result?.tiedForLastSeat.map(\.rawValue) ?? [])
        }
        return ElectionResults(
            electionId: electionId, title: title, meetingOn: meetingOn, stage: stage, rollSize: roll, voted: voted,
            ballotsRecorded: ballots, turnoutBasisPoints: roll == 0 ? 0 : voted * 10_000 / roll, positions: outcomes)
    }
}
