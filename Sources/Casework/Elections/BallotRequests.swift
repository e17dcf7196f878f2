public import Events

/// Casts one ballot. Not a ``Command``: the service seals the ballot with the election's key
/// (see `BallotSealed`), so it is decided by ``BallotDecisions`` instead.
public struct CastBallot: AuthorizedRequest {
    public static let name = CommandName.castBallot

    /// Who casts it: the member themself, or an election officer entering a paper ballot.
    public let actor: ActingUser
    /// The election.
    public let electionId: ElectionID
    /// The member voting (an organizational member through its representative).
    public let voter: MemberID
    /// The choices; a position left out is an abstention.
    public let selections: [PositionSelection]

    /// A CastBallot request.
    public init(actor: ActingUser, electionId: ElectionID, voter: MemberID, selections: [PositionSelection]) {
        self.actor = actor
        self.electionId = electionId
        self.voter = voter
        self.selections = selections
    }

    public var streamId: String { StreamID.election(electionId) }
}

/// Closes balloting: opens and releases every sealed ballot, records the close and the tally,
/// then destroys the election's ballot key.
public struct CloseBalloting: AuthorizedRequest {
    public static let name = CommandName.closeBalloting

    /// Who closes it.
    public let actor: ActingUser
    /// The election.
    public let electionId: ElectionID

    /// A CloseBalloting request.
    public init(actor: ActingUser, electionId: ElectionID) {
        self.actor = actor
        self.electionId = electionId
    }

    public var streamId: String { StreamID.election(electionId) }
}

/// What a voter gets back: the code that proves their ballot is in the tally.
public struct BallotReceipt: Sendable, Hashable {
    /// The election.
    public let electionId: ElectionID
    /// The receipt code, shown once to the voter and stored nowhere (only its hash is).
    public let code: String
}
