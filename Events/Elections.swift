/// The candidates one ballot chose for one position.
public struct PositionSelection: Sendable, Hashable, Codable {
    /// The position.
    public let positionId: PositionID
    /// The chosen candidates, sorted; at most the position's seats.
    public let candidateIds: [CandidateID]

    /// A PositionSelection with every field given.
    public init(positionId: PositionID, candidateIds: [CandidateID]) {
        self.positionId = positionId
        self.candidateIds = candidateIds
    }
}

/// One ballot's choices and the hash of its receipt code; no voter id.
public struct SecretBallot: Sendable, Hashable, Codable {
    /// Lowercase hex SHA-256 of the voter's receipt code.
    public let receiptHash: String
    /// The choices, sorted by position.
    public let selections: [PositionSelection]

    /// A SecretBallot with every field given.
    public init(receiptHash: String, selections: [PositionSelection]) {
        self.receiptHash = receiptHash
        self.selections = selections
    }
}

/// Votes for one candidate.
public struct CandidateCount: Sendable, Hashable, Codable {
    /// The candidate.
    public let candidateId: CandidateID
    /// Ballots that chose them.
    public let votes: Int

    /// A CandidateCount with every field given.
    public init(candidateId: CandidateID, votes: Int) {
        self.candidateId = candidateId
        self.votes = votes
    }
}

/// The outcome for one position.
public struct PositionResult: Sendable, Hashable, Codable {
    /// The position.
    public let positionId: PositionID
    /// Seats to fill.
    public let seats: Int
    /// Votes per candidate, most first, ties by candidate id.
    public let counts: [CandidateCount]
    /// Candidates elected outright.
    public let elected: [CandidateID]
    /// Candidates tied for the remaining seats, left to the meeting to resolve.
    public let tiedForLastSeat: [CandidateID]

    /// A PositionResult with every field given.
    public init(
        positionId: PositionID,
        seats: Int,
        counts: [CandidateCount],
        elected: [CandidateID],
        tiedForLastSeat: [CandidateID]
    ) {
        self.positionId = positionId
        self.seats = seats
        self.counts = counts
        self.elected = elected
        self.tiedForLastSeat = tiedForLastSeat
    }
}

/// An annual general meeting with a board election was called, with notice.
public struct MeetingCalled: DomainEvent {
    public static let eventType = "MeetingCalled"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "An AGM with a board election was called, with notice and a record date."

    /// The new election.
    public let electionId: ElectionID
    /// E.g. \"2025 Annual General Meeting\".
    public let title: String
    /// The day notice went to members.
    public let noticeGivenOn: CalendarDate
    /// The day of the meeting: 7 to 60 days after notice by default (BC Societies Act).
    public let meetingOn: CalendarDate
    /// Members in good standing on this day make up the voter roll.
    public let recordDate: CalendarDate
    /// Fewest ballots released together (see ``BallotsRecorded``).
    public let ballotBatchSize: Int

    /// A MeetingCalled with every field given.
    public init(
        electionId: ElectionID,
        title: String,
        noticeGivenOn: CalendarDate,
        meetingOn: CalendarDate,
        recordDate: CalendarDate,
        ballotBatchSize: Int
    ) {
        self.electionId = electionId
        self.title = title
        self.noticeGivenOn = noticeGivenOn
        self.meetingOn = meetingOn
        self.recordDate = recordDate
        self.ballotBatchSize = ballotBatchSize
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: MeetingCalled {
        MeetingCalled(
            electionId: ElectionID("e-2025"), title: "2025 Annual General Meeting", noticeGivenOn: .example("2025-05-01"),
            meetingOn: .example("2025-06-01"), recordDate: .example("2025-05-01"), ballotBatchSize: 10)
    }
}

/// A position to be filled at the election.
public struct PositionAdded: DomainEvent {
    public static let eventType = "PositionAdded"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A position with a number of seats was put to the election."

    /// The election.
    public let electionId: ElectionID
    /// The new position.
    public let positionId: PositionID
    /// E.g. Director.
    public let title: String
    /// How many are elected.
    public let seats: Int

    /// A PositionAdded with every field given.
    public init(electionId: ElectionID, positionId: PositionID, title: String, seats: Int) {
        self.electionId = electionId
        self.positionId = positionId
        self.title = title
        self.seats = seats
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: PositionAdded { PositionAdded(electionId: ElectionID("e-2025"), positionId: PositionID("directors"), title: "Director", seats: 3) }
}

/// A member was nominated for a position.
public struct CandidateNominated: DomainEvent {
    public static let eventType = "CandidateNominated"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A member was nominated for a position."

    /// The election.
    public let electionId: ElectionID
    /// The position.
    public let positionId: PositionID
    /// Identifies the candidacy on ballots.
    public let candidateId: CandidateID
    /// The member standing.
    public let memberId: MemberID
    /// The name printed on the ballot.
    public let displayName: String

    /// A CandidateNominated with every field given.
    public init(
        electionId: ElectionID,
        positionId: PositionID,
        candidateId: CandidateID,
        memberId: MemberID,
        displayName: String
    ) {
        self.electionId = electionId
        self.positionId = positionId
        self.candidateId = candidateId
        self.memberId = memberId
        self.displayName = displayName
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: CandidateNominated {
        CandidateNominated(
            electionId: ElectionID("e-2025"), positionId: PositionID("directors"), candidateId: CandidateID("cand-1"),
            memberId: MemberID("m-2"), displayName: "Li Wei")
    }
}

/// The voter roll was fixed from the members in good standing on the record date. An
/// organizational member is on it once and votes through its representative.
public struct VoterRollFixed: DomainEvent {
    public static let eventType = "VoterRollFixed"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "The voter roll was fixed from members in good standing on the record date."

    /// The election.
    public let electionId: ElectionID
    /// The record date the standing was taken at.
    public let recordDate: CalendarDate
    /// The members who may vote, sorted.
    public let voters: [MemberID]

    /// A VoterRollFixed with every field given.
    public init(electionId: ElectionID, recordDate: CalendarDate, voters: [MemberID]) {
        self.electionId = electionId
        self.recordDate = recordDate
        self.voters = voters
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: VoterRollFixed { VoterRollFixed(electionId: ElectionID("e-2025"), recordDate: .example("2025-05-01"), voters: [MemberID("m-1"), MemberID("m-2")]) }
}

/// Ballots may be cast from now until balloting closes.
public struct BallotingOpened: DomainEvent {
    public static let eventType = "BallotingOpened"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "Balloting opened."

    /// The election.
    public let electionId: ElectionID

    /// A BallotingOpened with every field given.
    public init(electionId: ElectionID) {
        self.electionId = electionId
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: BallotingOpened { BallotingOpened(electionId: ElectionID("e-2025")) }
}

/// These voters cast a ballot, released as one batch together with its ``BallotsRecorded``.
/// Sorted by member id and carrying no receipt, so nothing orders or links it to the choices.
public struct VotersParticipated: DomainEvent {
    public static let eventType = "VotersParticipated"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A batch of voters cast ballots (who voted, never what they chose)."

    /// The election.
    public let electionId: ElectionID
    /// The batch's voters, sorted.
    public let voters: [MemberID]

    /// A VotersParticipated with every field given.
    public init(electionId: ElectionID, voters: [MemberID]) {
        self.electionId = electionId
        self.voters = voters
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: VotersParticipated { VotersParticipated(electionId: ElectionID("e-2025"), voters: [MemberID("m-1"), MemberID("m-2")]) }
}

/// The choices of a batch of ballots, with no voter in sight.
/// 
/// **The secret ballot.** A cast ballot is never written on its own. The casework service holds
/// cast ballots in memory and releases them in batches: once at least twice the election's
/// `ballotBatchSize` are waiting it releases a random `ballotBatchSize` of them, and at close it
/// releases all the rest, so every batch (but one of a tiny election) holds at least
/// `ballotBatchSize` ballots. A release is one atomic append to the election stream of two events:
/// ``VotersParticipated`` (who voted in this batch, sorted by member id) and this event (what
/// they chose, in a cryptographically random order). Neither event carries a time per ballot,
/// the two lists are in unrelated orders, and nothing here names a voter: someone holding the
/// data file learns only that each of the batch's voters cast one of the batch's ballots.
/// Because both events land in one append, a ballot is never recorded without its voter being
/// marked as having voted, nor the other way round. The cost: ballots waiting in memory are lost
/// if the server stops; their voters are then not marked as having voted and can vote again.
/// 
/// Each voter is given a random receipt code; the ballot stores only its SHA-256 hash, so the
/// voter (and nobody else) can find their ballot among the tallied ones.
public struct BallotsRecorded: DomainEvent {
    public static let eventType = "BallotsRecorded"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A shuffled batch of secret ballots (what was chosen, never by whom)."

    /// The election.
    public let electionId: ElectionID
    /// The batch's ballots, shuffled.
    public let ballots: [SecretBallot]

    /// A BallotsRecorded with every field given.
    public init(electionId: ElectionID, ballots: [SecretBallot]) {
        self.electionId = electionId
        self.ballots = ballots
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: BallotsRecorded {
        BallotsRecorded(
            electionId: ElectionID("e-2025"),
            ballots: [
                SecretBallot(
                    receiptHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    selections: [
                        PositionSelection(positionId: PositionID("directors"), candidateIds: [CandidateID("cand-1")])
                    ])
            ])
    }
}

/// No more ballots; every held ballot was released before this.
public struct BallotingClosed: DomainEvent {
    public static let eventType = "BallotingClosed"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "Balloting closed."

    /// The election.
    public let electionId: ElectionID

    /// A BallotingClosed with every field given.
    public init(electionId: ElectionID) {
        self.electionId = electionId
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: BallotingClosed { BallotingClosed(electionId: ElectionID("e-2025")) }
}

/// The released ballots were counted.
public struct ElectionTallied: DomainEvent {
    public static let eventType = "ElectionTallied"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "The ballots were counted and the results recorded."

    /// The election.
    public let electionId: ElectionID
    /// Ballots counted.
    public let ballotsCounted: Int
    /// Voters on the roll, for turnout.
    public let votersOnRoll: Int
    /// The outcome per position.
    public let results: [PositionResult]

    /// A ElectionTallied with every field given.
    public init(electionId: ElectionID, ballotsCounted: Int, votersOnRoll: Int, results: [PositionResult]) {
        self.electionId = electionId
        self.ballotsCounted = ballotsCounted
        self.votersOnRoll = votersOnRoll
        self.results = results
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: ElectionTallied {
        ElectionTallied(
            electionId: ElectionID("e-2025"), ballotsCounted: 1, votersOnRoll: 2,
            results: [
                PositionResult(
                    positionId: PositionID("directors"), seats: 3,
                    counts: [CandidateCount(candidateId: CandidateID("cand-1"), votes: 1)],
                    elected: [CandidateID("cand-1")], tiedForLastSeat: [])
            ])
    }
}
