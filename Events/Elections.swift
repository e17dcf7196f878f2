public import Foundation

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
    public static let schemaVersion: UInt16 = 2
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

    /// A MeetingCalled with every field given.
    public init(
        electionId: ElectionID,
        title: String,
        noticeGivenOn: CalendarDate,
        meetingOn: CalendarDate,
        recordDate: CalendarDate
    ) {
        self.electionId = electionId
        self.title = title
        self.noticeGivenOn = noticeGivenOn
        self.meetingOn = meetingOn
        self.recordDate = recordDate
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: MeetingCalled {
        MeetingCalled(
            electionId: ElectionID("e-2025"), title: "2025 Annual General Meeting", noticeGivenOn: .example("2025-05-01"),
            meetingOn: .example("2025-06-01"), recordDate: .example("2025-05-01"))
    }

    /// v1 carried `ballotBatchSize`, the fewest ballots released together while ballots were
    /// held in memory. Ballots are now sealed into the log as they are cast and released all
    /// together at close (see ``BallotSealed``), so the size means nothing any more.
    public static let upcasters = [
        Upcaster(from: 1, change: "ballotBatchSize dropped: ballots are sealed when cast and all released at close") { payload in
            payload.removeValue(forKey: "ballotBatchSize")
        }
    ]
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

/// These voters cast a ballot. Appended with each cast, in the same append as the voter's
/// ``BallotSealed``, so a ballot is never recorded without its voter marked as having voted
/// (one ballot per voter), nor the other way round. Carries no receipt and no choice.
public struct VotersParticipated: DomainEvent {
    public static let eventType = "VotersParticipated"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "Voters cast ballots (who voted, never what they chose)."

    /// The election.
    public let electionId: ElectionID
    /// The voters, sorted.
    public let voters: [MemberID]

    /// A VotersParticipated with every field given.
    public init(electionId: ElectionID, voters: [MemberID]) {
        self.electionId = electionId
        self.voters = voters
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: VotersParticipated { VotersParticipated(electionId: ElectionID("e-2025"), voters: [MemberID("m-1"), MemberID("m-2")]) }
}

/// One cast ballot, sealed until balloting closes.
///
/// **The secret ballot.** A cast is one durable append of two events: ``VotersParticipated``
/// (who voted) and this event, the ballot (``SecretBallot``, padded to a fixed size so its
/// length says nothing) sealed with AES-256-GCM under the election's ballot key. The key is
/// kept apart from the log (the casework service's ballot key store, never in the data file
/// of the log or its backups' log) and is destroyed as soon as the ballots are released at
/// close. Only then is what was chosen written in clear, in ``BallotsRecorded``, all ballots
/// together in a cryptographically random order. So the voter gets their receipt only once
/// their ballot is durable, and nobody holding the log — before close without the key, after
/// close at all — can link a voter to a choice.
public struct BallotSealed: DomainEvent {
    public static let eventType = "BallotSealed"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A cast ballot, sealed under the election's ballot key until balloting closes."

    /// The election.
    public let electionId: ElectionID
    /// AES-256-GCM combined box (nonce ‖ ciphertext ‖ tag) of the padded ballot.
    public let sealedBallot: Data

    /// A BallotSealed with every field given.
    public init(electionId: ElectionID, sealedBallot: Data) {
        self.electionId = electionId
        self.sealedBallot = sealedBallot
    }

    public var streamId: String { StreamID.election(electionId) }

    public static var example: BallotSealed {
        BallotSealed(electionId: ElectionID("e-2025"), sealedBallot: Data(repeating: 0xA5, count: 28 + 512))
    }
}

/// What was chosen, with no voter in sight: every ballot of the election, released at close in
/// a cryptographically random order (see ``BallotSealed`` for the whole secret-ballot design).
/// Each voter is given a random receipt code; the ballot stores only its SHA-256 hash, so the
/// voter (and nobody else) can find their ballot among the tallied ones.
public struct BallotsRecorded: DomainEvent {
    public static let eventType = "BallotsRecorded"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "Every ballot, shuffled and released at close (what was chosen, never by whom)."

    /// The election.
    public let electionId: ElectionID
    /// The ballots, shuffled.
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

/// No more ballots; every sealed ballot was released (``BallotsRecorded``) in the same append.
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
