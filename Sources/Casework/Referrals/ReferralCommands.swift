public import Events

/// Refers a client to an internal program or a partner agency. An external referral needs
/// the client's consent to share with partners.
public struct MakeReferral: Command {
    public static let name = CommandName.makeReferral

    /// Who issues the command.
    public let actor: ActingUser
    /// A new referral id.
    public let referralId: ReferralID
    /// The client.
    public let clientId: ClientID
    /// The day it is made.
    public let madeOn: CalendarDate
    /// Where it goes.
    public let target: ReferralTarget
    /// The need it addresses.
    public let needDomain: NeedDomain
    /// What the receiver should know.
    public let note: FreeText?

    /// A MakeReferral command.
    public init(
        actor: ActingUser,
        referralId: ReferralID,
        clientId: ClientID,
        madeOn: CalendarDate,
        target: ReferralTarget,
        needDomain: NeedDomain,
        note: FreeText? = nil
    ) {
        self.actor = actor
        self.referralId = referralId
        self.clientId = clientId
        self.madeOn = madeOn
        self.target = target
        self.needDomain = needDomain
        self.note = note
    }

    public var streamId: String { StreamID.referral(referralId) }
}

/// Records that the receiver accepted a referral.
public struct AcceptReferral: Command {
    public static let name = CommandName.acceptReferral

    /// Who issues the command.
    public let actor: ActingUser
    /// The referral.
    public let referralId: ReferralID
    /// The day.
    public let acceptedOn: CalendarDate

    /// A AcceptReferral command.
    public init(actor: ActingUser, referralId: ReferralID, acceptedOn: CalendarDate) {
        self.actor = actor
        self.referralId = referralId
        self.acceptedOn = acceptedOn
    }

    public var streamId: String { StreamID.referral(referralId) }
}

/// Records that the receiver declined a referral.
public struct DeclineReferral: Command {
    public static let name = CommandName.declineReferral

    /// Who issues the command.
    public let actor: ActingUser
    /// The referral.
    public let referralId: ReferralID
    /// The day.
    public let declinedOn: CalendarDate
    /// Why.
    public let reason: String

    /// A DeclineReferral command.
    public init(actor: ActingUser, referralId: ReferralID, declinedOn: CalendarDate, reason: String) {
        self.actor = actor
        self.referralId = referralId
        self.declinedOn = declinedOn
        self.reason = reason
    }

    public var streamId: String { StreamID.referral(referralId) }
}

/// Records that an accepted referral was completed.
public struct CompleteReferral: Command {
    public static let name = CommandName.completeReferral

    /// Who issues the command.
    public let actor: ActingUser
    /// The referral.
    public let referralId: ReferralID
    /// The day.
    public let completedOn: CalendarDate
    /// What came of it.
    public let note: FreeText?

    /// A CompleteReferral command.
    public init(actor: ActingUser, referralId: ReferralID, completedOn: CalendarDate, note: FreeText? = nil) {
        self.actor = actor
        self.referralId = referralId
        self.completedOn = completedOn
        self.note = note
    }

    public var streamId: String { StreamID.referral(referralId) }
}

/// Withdraws a referral that is not yet declined or completed.
public struct CancelReferral: Command {
    public static let name = CommandName.cancelReferral

    /// Who issues the command.
    public let actor: ActingUser
    /// The referral.
    public let referralId: ReferralID
    /// The day.
    public let cancelledOn: CalendarDate
    /// Why.
    public let reason: String

    /// A CancelReferral command.
    public init(actor: ActingUser, referralId: ReferralID, cancelledOn: CalendarDate, reason: String) {
        self.actor = actor
        self.referralId = referralId
        self.cancelledOn = cancelledOn
        self.reason = reason
    }

    public var streamId: String { StreamID.referral(referralId) }
}


