public import Events

/// Calls an AGM with a board election: notice 7–60 days before (configurable) and a record
/// date for the voter roll.
public struct CallMeeting: Command {
    public static let name = CommandName.callMeeting

    /// Who issues the command.
    public let actor: ActingUser
    /// A new election id.
    public let electionId: ElectionID
    /// E.g. 2025 Annual General Meeting.
    public let title: String
    /// The day notice goes out.
    public let noticeGivenOn: CalendarDate
    /// The day of the meeting.
    public let meetingOn: CalendarDate
    /// Standing on this day decides the voter roll.
    public let recordDate: CalendarDate

    /// A CallMeeting command.
    public init(
        actor: ActingUser,
        electionId: ElectionID,
        title: String,
        noticeGivenOn: CalendarDate,
        meetingOn: CalendarDate,
        recordDate: CalendarDate
    ) {
        self.actor = actor
        self.electionId = electionId
        self.title = title
        self.noticeGivenOn = noticeGivenOn
        self.meetingOn = meetingOn
        self.recordDate = recordDate
    }

    public var streamId: String { StreamID.election(electionId) }
}

/// Adds a position with its seats, before balloting opens.
public struct AddPosition: Command {
    public static let name = CommandName.addPosition

    /// Who issues the command.
    public let actor: ActingUser
    /// The election.
    public let electionId: ElectionID
    /// A new position id.
    public let positionId: PositionID
    /// E.g. Director.
    public let title: String
    /// Seats to fill, at least 1.
    public let seats: Int

    /// A AddPosition command.
    public init(actor: ActingUser, electionId: ElectionID, positionId: PositionID, title: String, seats: Int) {
        self.actor = actor
        self.electionId = electionId
        self.positionId = positionId
        self.title = title
        self.seats = seats
    }

    public var streamId: String { StreamID.election(electionId) }
}

/// Nominates a member in good standing for a position, before balloting opens.
public struct NominateCandidate: Command {
    public static let name = CommandName.nominateCandidate

    /// Who issues the command.
    public let actor: ActingUser
    /// The election.
    public let electionId: ElectionID
    /// The position.
    public let positionId: PositionID
    /// A new candidate id.
    public let candidateId: CandidateID
    /// The member standing.
    public let memberId: MemberID
    /// The name on the ballot.
    public let displayName: String

    /// A NominateCandidate command.
    public init(
        actor: ActingUser,
        electionId: ElectionID,
        positionId: PositionID,
        candidateId: CandidateID,
        memberId: MemberID,
        displayName: String
    ) {
        self.actor = actor
        self.electionId = electionId
        self.positionId = positionId
        self.candidateId = candidateId
        self.memberId = memberId
        self.displayName = displayName
    }

    public var streamId: String { StreamID.election(electionId) }
}

/// Fixes the voter roll from the members in good standing on the record date (once the
/// record date has passed, before balloting opens). An organizational member is listed once.
public struct FixVoterRoll: Command {
    public static let name = CommandName.fixVoterRoll

    /// Who issues the command.
    public let actor: ActingUser
    /// The election.
    public let electionId: ElectionID

    /// A FixVoterRoll command.
    public init(actor: ActingUser, electionId: ElectionID) {
        self.actor = actor
        self.electionId = electionId
    }

    public var streamId: String { StreamID.election(electionId) }
}

/// Opens balloting once the roll is fixed and every position has a candidate.
public struct OpenBalloting: Command {
    public static let name = CommandName.openBalloting

    /// Who issues the command.
    public let actor: ActingUser
    /// The election.
    public let electionId: ElectionID

    /// A OpenBalloting command.
    public init(actor: ActingUser, electionId: ElectionID) {
        self.actor = actor
        self.electionId = electionId
    }

    public var streamId: String { StreamID.election(electionId) }
}


