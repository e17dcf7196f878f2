/// Where a referral goes: one of the agency's own programs, or a partner agency.
public struct ReferralTarget: Sendable, Hashable, Codable {
    /// Internal program or partner.
    public let kind: ReferralTargetKind
    /// The internal program's name, for an internal referral.
    public let programName: String?
    /// The partner agency, for an external referral.
    public let partnerId: PartnerID?

    /// A ReferralTarget with every field given.
    public init(kind: ReferralTargetKind, programName: String? = nil, partnerId: PartnerID? = nil) {
        self.kind = kind
        self.programName = programName
        self.partnerId = partnerId
    }

    /// A referral to the agency's own program `name`.
    public static func internalProgram(_ name: String) -> ReferralTarget {
        ReferralTarget(kind: .internalProgram, programName: name, partnerId: nil)
    }

    /// A referral to partner agency `id`.
    public static func partner(_ id: PartnerID) -> ReferralTarget {
        ReferralTarget(kind: .partner, programName: nil, partnerId: id)
    }
}

/// A client was referred to an internal program or a partner agency.
public struct ReferralMade: DomainEvent {
    public static let eventType = "ReferralMade"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A client was referred to an internal program or a partner agency."

    /// The new referral.
    public let referralId: ReferralID
    /// The client referred.
    public let clientId: ClientID
    /// The day it was made.
    public let madeOn: CalendarDate
    /// Where it goes.
    public let target: ReferralTarget
    /// The need it addresses.
    public let needDomain: NeedDomain
    /// What the receiving program should know (personal data).
    public let note: FreeText?

    /// A ReferralMade with every field given.
    public init(
        referralId: ReferralID,
        clientId: ClientID,
        madeOn: CalendarDate,
        target: ReferralTarget,
        needDomain: NeedDomain,
        note: FreeText? = nil
    ) {
        self.referralId = referralId
        self.clientId = clientId
        self.madeOn = madeOn
        self.target = target
        self.needDomain = needDomain
        self.note = note
    }

    public var streamId: String { StreamID.referral(referralId) }

    public static var example: ReferralMade {
        ReferralMade(
            referralId: ReferralID("r-1"), clientId: ClientID("c-0001"), madeOn: .example("2025-03-05"),
            target: .partner(PartnerID("p-housing")), needDomain: .housing, note: "Needs a 2-bedroom unit")
    }
}

/// The receiving program accepted the referral.
public struct ReferralAccepted: DomainEvent {
    public static let eventType = "ReferralAccepted"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "The receiving program accepted the referral."

    /// The referral.
    public let referralId: ReferralID
    /// The day it was accepted.
    public let acceptedOn: CalendarDate

    /// A ReferralAccepted with every field given.
    public init(referralId: ReferralID, acceptedOn: CalendarDate) {
        self.referralId = referralId
        self.acceptedOn = acceptedOn
    }

    public var streamId: String { StreamID.referral(referralId) }

    public static var example: ReferralAccepted { ReferralAccepted(referralId: ReferralID("r-1"), acceptedOn: .example("2025-03-07")) }
}

/// The receiving program declined the referral.
public struct ReferralDeclined: DomainEvent {
    public static let eventType = "ReferralDeclined"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "The receiving program declined the referral."

    /// The referral.
    public let referralId: ReferralID
    /// The day it was declined.
    public let declinedOn: CalendarDate
    /// Why (e.g. no capacity, not eligible).
    public let reason: String

    /// A ReferralDeclined with every field given.
    public init(referralId: ReferralID, declinedOn: CalendarDate, reason: String) {
        self.referralId = referralId
        self.declinedOn = declinedOn
        self.reason = reason
    }

    public var streamId: String { StreamID.referral(referralId) }

    public static var example: ReferralDeclined { ReferralDeclined(referralId: ReferralID("r-1"), declinedOn: .example("2025-03-07"), reason: "No capacity") }
}

/// The accepted referral's service was delivered.
public struct ReferralCompleted: DomainEvent {
    public static let eventType = "ReferralCompleted"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "The accepted referral's service was delivered."

    /// The referral.
    public let referralId: ReferralID
    /// The day it was completed.
    public let completedOn: CalendarDate
    /// What came of it (personal data).
    public let note: FreeText?

    /// A ReferralCompleted with every field given.
    public init(referralId: ReferralID, completedOn: CalendarDate, note: FreeText? = nil) {
        self.referralId = referralId
        self.completedOn = completedOn
        self.note = note
    }

    public var streamId: String { StreamID.referral(referralId) }

    public static var example: ReferralCompleted { ReferralCompleted(referralId: ReferralID("r-1"), completedOn: .example("2025-04-10"), note: "Lease signed") }
}

/// The referral was withdrawn before it was completed.
public struct ReferralCancelled: DomainEvent {
    public static let eventType = "ReferralCancelled"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "The referral was withdrawn before it was completed."

    /// The referral.
    public let referralId: ReferralID
    /// The day it was cancelled.
    public let cancelledOn: CalendarDate
    /// Why (e.g. client moved away).
    public let reason: String

    /// A ReferralCancelled with every field given.
    public init(referralId: ReferralID, cancelledOn: CalendarDate, reason: String) {
        self.referralId = referralId
        self.cancelledOn = cancelledOn
        self.reason = reason
    }

    public var streamId: String { StreamID.referral(referralId) }

    public static var example: ReferralCancelled { ReferralCancelled(referralId: ReferralID("r-1"), cancelledOn: .example("2025-03-20"), reason: "Client moved") }
}

extension ReferralMade: OwnedByDataSubject {
    /// A referral's notes are the client's personal data: its stream's key belongs to the client.
    public var dataOwner: String { StreamID.client(clientId) }
}
