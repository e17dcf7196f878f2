/// Who a member is and how to reach them; personal data, sealed as one unit by the privacy layer.
/// For an organizational member `displayName` is the organization and `representativeName` the
/// person who acts and votes for it.
public struct MemberDetails: Sendable, Hashable, Codable {
    /// The person's or organization's name.
    public let displayName: String
    /// The named representative of an organizational member.
    public let representativeName: String?
    /// How to reach the member.
    public let contact: ContactDetails

    /// A MemberDetails with every field given.
    public init(displayName: String, representativeName: String? = nil, contact: ContactDetails) {
        self.displayName = displayName
        self.representativeName = representativeName
        self.contact = contact
    }
}

/// Someone applied to join the society. Eligibility is attested as one of three grounds and
/// nothing else: the society admits members "regardless of their race, colour, religion, gender,
/// or country of origin", so this event has no field where another criterion could be recorded.
public struct MembershipApplied: DomainEvent {
    public static let eventType = "MembershipApplied"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "Someone applied to join the society, attesting their eligibility."

    /// The applicant.
    public let memberId: MemberID
    /// Individual or organizational.
    public let kind: MembershipKind
    /// The day of the application.
    public let appliedOn: CalendarDate
    /// Name, representative and contact (personal data).
    public let details: MemberDetails
    /// The attested ground: citizen, permanent resident or other legal status.
    public let eligibility: EligibilityBasis
    /// The day the applicant attested it.
    public let eligibilityAttestedOn: CalendarDate

    /// A MembershipApplied with every field given.
    public init(
        memberId: MemberID,
        kind: MembershipKind,
        appliedOn: CalendarDate,
        details: MemberDetails,
        eligibility: EligibilityBasis,
        eligibilityAttestedOn: CalendarDate
    ) {
        self.memberId = memberId
        self.kind = kind
        self.appliedOn = appliedOn
        self.details = details
        self.eligibility = eligibility
        self.eligibilityAttestedOn = eligibilityAttestedOn
    }

    public var streamId: String { StreamID.member(memberId) }

    public static var example: MembershipApplied {
        MembershipApplied(
            memberId: MemberID("m-1"), kind: .organizational, appliedOn: .example("2025-01-10"),
            details: MemberDetails(
                displayName: "Eritrean Community Association", representativeName: "Selam Tesfaye",
                contact: ContactDetails(phone: "250-555-0102", email: "eca@example.org", address: nil)),
            eligibility: .otherLegalStatus, eligibilityAttestedOn: .example("2025-01-10"))
    }
}

/// The board approved an application.
public struct MemberApproved: DomainEvent {
    public static let eventType = "MemberApproved"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "The board approved a membership application."

    /// The member.
    public let memberId: MemberID
    /// The day it was approved.
    public let approvedOn: CalendarDate

    /// A MemberApproved with every field given.
    public init(memberId: MemberID, approvedOn: CalendarDate) {
        self.memberId = memberId
        self.approvedOn = approvedOn
    }

    public var streamId: String { StreamID.member(memberId) }

    public static var example: MemberApproved { MemberApproved(memberId: MemberID("m-1"), approvedOn: .example("2025-01-20")) }
}

/// The board rejected an application.
public struct MemberRejected: DomainEvent {
    public static let eventType = "MemberRejected"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "The board rejected a membership application."

    /// The applicant.
    public let memberId: MemberID
    /// The day it was rejected.
    public let rejectedOn: CalendarDate
    /// Why, in the board's words.
    public let reason: String

    /// A MemberRejected with every field given.
    public init(memberId: MemberID, rejectedOn: CalendarDate, reason: String) {
        self.memberId = memberId
        self.rejectedOn = rejectedOn
        self.reason = reason
    }

    public var streamId: String { StreamID.member(memberId) }

    public static var example: MemberRejected { MemberRejected(memberId: MemberID("m-1"), rejectedOn: .example("2025-01-20"), reason: "Application incomplete") }
}

/// Dues were paid for a term. The term is computed when the payment is recorded: a renewal
/// extends from the later of the current term's end and the payment date, so paying early
/// loses no time and paying late buys no backdated cover.
public struct DuesPaid: DomainEvent {
    public static let eventType = "DuesPaid"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "Dues were paid, buying a term from the later of the current term's end and the payment date."

    /// The member.
    public let memberId: MemberID
    /// The day of payment.
    public let paidOn: CalendarDate
    /// Amount paid, in cents.
    public let amountCents: Int
    /// Length of the term bought.
    public let termMonths: Int
    /// First day the payment covers.
    public let termStartsOn: CalendarDate
    /// First day it no longer covers.
    public let termExpiresOn: CalendarDate

    /// A DuesPaid with every field given.
    public init(
        memberId: MemberID,
        paidOn: CalendarDate,
        amountCents: Int,
        termMonths: Int,
        termStartsOn: CalendarDate,
        termExpiresOn: CalendarDate
    ) {
        self.memberId = memberId
        self.paidOn = paidOn
        self.amountCents = amountCents
        self.termMonths = termMonths
        self.termStartsOn = termStartsOn
        self.termExpiresOn = termExpiresOn
    }

    public var streamId: String { StreamID.member(memberId) }

    public static var example: DuesPaid {
        DuesPaid(
            memberId: MemberID("m-1"), paidOn: .example("2025-01-20"), amountCents: 2_000, termMonths: 12,
            termStartsOn: .example("2025-01-20"), termExpiresOn: .example("2026-01-20"))
    }
}

/// An organizational member named a new representative.
public struct RepresentativeChanged: DomainEvent {
    public static let eventType = "RepresentativeChanged"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "An organizational member named a new representative."

    /// The organizational member.
    public let memberId: MemberID
    /// The new representative (personal data).
    public let representativeName: String

    /// A RepresentativeChanged with every field given.
    public init(memberId: MemberID, representativeName: String) {
        self.memberId = memberId
        self.representativeName = representativeName
    }

    public var streamId: String { StreamID.member(memberId) }

    public static var example: RepresentativeChanged { RepresentativeChanged(memberId: MemberID("m-1"), representativeName: "Yonas Bereket") }
}

/// Recorded once a member's last term ended more than the grace period ago. Standing is always
/// derived from the paid terms; this event makes the lapse visible in the register and its audit.
public struct MembershipLapsed: DomainEvent {
    public static let eventType = "MembershipLapsed"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A member's dues went unpaid past the grace period."

    /// The member.
    public let memberId: MemberID
    /// The first day of the lapse: the last term's end plus the grace period.
    public let lapsedOn: CalendarDate

    /// A MembershipLapsed with every field given.
    public init(memberId: MemberID, lapsedOn: CalendarDate) {
        self.memberId = memberId
        self.lapsedOn = lapsedOn
    }

    public var streamId: String { StreamID.member(memberId) }

    public static var example: MembershipLapsed { MembershipLapsed(memberId: MemberID("m-1"), lapsedOn: .example("2026-07-20")) }
}
