public import Events

/// Records an application to join the society, with its attested eligibility.
public struct ApplyForMembership: Command {
    public static let name = CommandName.applyForMembership

    /// Who issues the command.
    public let actor: ActingUser
    /// A new member id.
    public let memberId: MemberID
    /// Individual or organizational.
    public let kind: MembershipKind
    /// The day of the application.
    public let appliedOn: CalendarDate
    /// Name, representative, contact.
    public let details: MemberDetails
    /// Citizen, permanent resident or other legal status: the only ground recorded.
    public let eligibility: EligibilityBasis
    /// The day it was attested.
    public let eligibilityAttestedOn: CalendarDate

    /// A ApplyForMembership command.
    public init(
        actor: ActingUser,
        memberId: MemberID,
        kind: MembershipKind,
        appliedOn: CalendarDate,
        details: MemberDetails,
        eligibility: EligibilityBasis,
        eligibilityAttestedOn: CalendarDate
    ) {
        self.actor = actor
        self.memberId = memberId
        self.kind = kind
        self.appliedOn = appliedOn
        self.details = details
        self.eligibility = eligibility
        self.eligibilityAttestedOn = eligibilityAttestedOn
    }

    public var streamId: String { StreamID.member(memberId) }
}

/// Approves a pending application.
public struct ApproveMember: Command {
    public static let name = CommandName.approveMember

    /// Who issues the command.
    public let actor: ActingUser
    /// The applicant.
    public let memberId: MemberID
    /// The day.
    public let approvedOn: CalendarDate

    /// A ApproveMember command.
    public init(actor: ActingUser, memberId: MemberID, approvedOn: CalendarDate) {
        self.actor = actor
        self.memberId = memberId
        self.approvedOn = approvedOn
    }

    public var streamId: String { StreamID.member(memberId) }
}

/// Rejects a pending application.
public struct RejectMember: Command {
    public static let name = CommandName.rejectMember

    /// Who issues the command.
    public let actor: ActingUser
    /// The applicant.
    public let memberId: MemberID
    /// The day.
    public let rejectedOn: CalendarDate
    /// Why.
    public let reason: String

    /// A RejectMember command.
    public init(actor: ActingUser, memberId: MemberID, rejectedOn: CalendarDate, reason: String) {
        self.actor = actor
        self.memberId = memberId
        self.rejectedOn = rejectedOn
        self.reason = reason
    }

    public var streamId: String { StreamID.member(memberId) }
}

/// Records a dues payment; the term it buys starts at the later of the current term's end and
/// the payment date.
public struct RecordDues: Command {
    public static let name = CommandName.recordDues

    /// Who issues the command.
    public let actor: ActingUser
    /// The member.
    public let memberId: MemberID
    /// The day of payment.
    public let paidOn: CalendarDate
    /// Amount in cents.
    public let amountCents: Int
    /// Months bought.
    public let termMonths: Int

    /// A RecordDues command.
    public init(actor: ActingUser, memberId: MemberID, paidOn: CalendarDate, amountCents: Int, termMonths: Int) {
        self.actor = actor
        self.memberId = memberId
        self.paidOn = paidOn
        self.amountCents = amountCents
        self.termMonths = termMonths
    }

    public var streamId: String { StreamID.member(memberId) }
}

/// Names a new representative for an organizational member.
public struct ChangeRepresentative: Command {
    public static let name = CommandName.changeRepresentative

    /// Who issues the command.
    public let actor: ActingUser
    /// The organizational member.
    public let memberId: MemberID
    /// The new representative.
    public let representativeName: String

    /// A ChangeRepresentative command.
    public init(actor: ActingUser, memberId: MemberID, representativeName: String) {
        self.actor = actor
        self.memberId = memberId
        self.representativeName = representativeName
    }

    public var streamId: String { StreamID.member(memberId) }
}

/// Records that a member's membership has lapsed (only once it has, by the paid terms).
public struct RecordLapse: Command {
    public static let name = CommandName.recordLapse

    /// Who issues the command.
    public let actor: ActingUser
    /// The member.
    public let memberId: MemberID

    /// A RecordLapse command.
    public init(actor: ActingUser, memberId: MemberID) {
        self.actor = actor
        self.memberId = memberId
    }

    public var streamId: String { StreamID.member(memberId) }
}


