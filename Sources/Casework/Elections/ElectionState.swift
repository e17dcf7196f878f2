public import Events
public import Foundation

/// An election as its stream tells it.
public struct ElectionState: AggregateState {
    /// The meeting call (nil before).
    public private(set) var called: MeetingCalled?
    /// Positions in the order added.
    public private(set) var positions: [PositionAdded] = []
    /// Candidates in the order nominated.
    public private(set) var candidates: [CandidateNominated] = []
    /// The voter roll once fixed.
    public private(set) var roll: Set<MemberID>?
    /// True once balloting opened.
    public private(set) var isOpen = false
    /// True once balloting closed.
    public private(set) var isClosed = false
    /// Voters recorded as having voted.
    public private(set) var participants: Set<MemberID> = []
    /// Ballots cast and still sealed (until close releases them).
    public private(set) var sealedBallots: [Data] = []
    /// Ballots released at close, in their shuffled order.
    public private(set) var ballots: [SecretBallot] = []
    /// The result, once tallied.
    public private(set) var tally: ElectionTallied?

    public init() {}

    /// True when balloting is open and not closed.
    public var acceptsBallots: Bool { isOpen && !isClosed }

    /// The position named `id`.
    public func position(_ id: PositionID) -> PositionAdded? { positions.first { $0.positionId == id } }

    /// True when a recorded ballot carries the hash of `receiptCode`: the voter's check that
    /// their ballot is in the tally.
    public func containsBallot(withReceipt receiptCode: String) -> Bool {
        let hash = ReceiptCode.hash(receiptCode)
        return ballots.contains { $0.receiptHash == hash }
    }

    public mutating func apply(_ event: any DomainEvent) {
        switch event {
        case let event as MeetingCalled: called = event
        case let event as PositionAdded: positions.append(event)
        case let event as CandidateNominated: candidates.append(event)
        case let event as VoterRollFixed: roll = Set(event.voters)
        case is BallotingOpened: isOpen = true
        case let event as VotersParticipated: participants.formUnion(event.voters)
        case let event as BallotSealed: sealedBallots.append(event.sealedBallot)
        case let event as BallotsRecorded: ballots += event.ballots
        case is BallotingClosed: isClosed = true
        case let event as ElectionTallied: tally = event
        default: break
        }
    }

    /// Throws unless the meeting was called; returns the call.
    func requireCalled(_ id: ElectionID) throws(DomainError) -> MeetingCalled {
        guard let called else { throw .notFound("electionId", "names no election (\(id))") }
        return called
    }

    /// Throws unless the election is still being set up (balloting not yet opened).
    func requireSetUp(_ id: ElectionID) throws(DomainError) -> MeetingCalled {
        let called = try requireCalled(id)
        guard !isOpen else { throw .conflict("electionId", "balloting has already opened; the election can no longer change") }
        return called
    }
}
