public import Events

/// Per election: roll size, turnout and results. Voter ids are counted and dropped, and
/// ballots are counted without their selections, so nothing here can join a voter to a
/// choice. Rows: `election/<id>`.
public enum ElectionsProjection: FactProjection {
    /// What the election read model keeps of an event.
    public enum Fact: Codable, Sendable, Equatable {
        case called(title: String, meetingOn: CalendarDate, recordDate: CalendarDate)
        case position(id: String, title: String, seats: Int)
        case candidate(id: String, positionId: String, displayName: String)
        case rollFixed(voters: Int)
        case opened
        case participated(voters: Int)
        case ballotsRecorded(count: Int)
        case closed
        case tallied(ballotsCounted: Int, votersOnRoll: Int, results: [PositionResult])
    }

    public static let name = "elections"
    public static let payloadTypes: Set<String> = [
        MeetingCalled.eventType, PositionAdded.eventType, CandidateNominated.eventType, VoterRollFixed.eventType,
        BallotingOpened.eventType, VotersParticipated.eventType, BallotsRecorded.eventType, BallotingClosed.eventType,
        ElectionTallied.eventType, EventCorrected.eventType, EventVoided.eventType,
    ]

    public static func placements(of event: ProjectionEvent) -> [(RowKey, Fact)] {
        func election(_ id: ElectionID, _ fact: Fact) -> [(RowKey, Fact)] { [(RowKey("election", id.rawValue), fact)] }
        switch event.event {
        case let e as MeetingCalled: return election(e.electionId, .called(title: e.title, meetingOn: e.meetingOn, recordDate: e.recordDate))
        case let e as PositionAdded: return election(e.electionId, .position(id: e.positionId.rawValue, title: e.title, seats: e.seats))
        case let e as CandidateNominated:
            return election(e.electionId, .candidate(id: e.candidateId.rawValue, positionId: e.positionId.rawValue, displayName: e.displayName))
        case let e as VoterRollFixed: return election(e.electionId, .rollFixed(voters: e.voters.count))
        case let e as BallotingOpened: return election(e.electionId, .opened)
        case let e as VotersParticipated: return election(e.electionId, .participated(voters: e.voters.count))
        case let e as BallotsRecorded: return election(e.electionId, .ballotsRecorded(count: e.ballots.count))
        case let e as BallotingClosed: return election(e.electionId, .closed)
        case let e as ElectionTallied:
            return election(e.electionId, .tallied(ballotsCounted: e.ballotsCounted, votersOnRoll: e.votersOnRoll, results: e.results))
        default: return []
        }
    }
}
