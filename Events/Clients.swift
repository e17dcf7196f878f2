

/// Everything that identifies a client, kept together so the privacy layer can seal it as one
/// unit with the client's key (AES-GCM) and crypto-shred it on erasure. Reports never need it.
public struct PersonalDetails: Sendable, Hashable, Codable {
    /// Given names as on the client's documents.
    public let givenNames: String
    /// Family name as on the client's documents.
    public let familyName: String
    /// Date of birth; the age band in ``ClientProfile`` is derived from it at intake.
    public let dateOfBirth: CalendarDate
    /// IRCC Unique Client Identifier, 8 or 10 digits, when the client has one.
    public let uci: String?
    /// How to reach the client.
    public let contact: ContactDetails
    /// The family members the client lives with.
    public let householdMembers: [HouseholdMember]

    /// A PersonalDetails with every field given.
    public init(
        givenNames: String,
        familyName: String,
        dateOfBirth: CalendarDate,
        uci: String? = nil,
        contact: ContactDetails,
        householdMembers: [HouseholdMember]
    ) {
        self.givenNames = givenNames
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.uci = uci
        self.contact = contact
        self.householdMembers = householdMembers
    }
}

/// How to reach a client or member; personal data.
public struct ContactDetails: Sendable, Hashable, Codable {
    /// Phone number as given.
    public let phone: String?
    /// Email address as given.
    public let email: String?
    /// Postal address as given.
    public let address: String?

    /// A ContactDetails with every field given.
    public init(phone: String? = nil, email: String? = nil, address: String? = nil) {
        self.phone = phone
        self.email = email
        self.address = address
    }
}

/// A family member in the client's household; personal data.
public struct HouseholdMember: Sendable, Hashable, Codable {
    /// Given names.
    public let givenNames: String
    /// Family name.
    public let familyName: String
    /// How they are related to the client.
    public let relationship: HouseholdRelationship
    /// Date of birth, when known.
    public let dateOfBirth: CalendarDate?

    /// A HouseholdMember with every field given.
    public init(
        givenNames: String,
        familyName: String,
        relationship: HouseholdRelationship,
        dateOfBirth: CalendarDate? = nil
    ) {
        self.givenNames = givenNames
        self.familyName = familyName
        self.relationship = relationship
        self.dateOfBirth = dateOfBirth
    }
}

/// The non-identifying facts of a client that funder reports group by. Kept in clear so
/// reports work without keys and keep counting a client whose personal details were erased.
public struct ClientProfile: Sendable, Hashable, Codable {
    /// Gender as iCARE asks it.
    public let gender: Gender
    /// Age band on the intake date.
    public let ageBand: AgeBand
    /// Immigration category at intake.
    public let immigrationCategory: ImmigrationCategory
    /// Arrival in Canada; absent for a citizen born here.
    public let arrivalDate: CalendarDate?
    /// Preferred official language.
    public let preferredOfficialLanguage: OfficialLanguage
    /// Languages spoken, as ISO 639 codes (e.g. `ar`, `uk`, `ti`).
    public let languagesSpoken: [String]
    /// Country of birth as an ISO 3166-1 alpha-2 code.
    public let countryOfBirth: String
    /// People in the household, the client included.
    public let householdSize: Int

    /// A ClientProfile with every field given.
    public init(
        gender: Gender,
        ageBand: AgeBand,
        immigrationCategory: ImmigrationCategory,
        arrivalDate: CalendarDate? = nil,
        preferredOfficialLanguage: OfficialLanguage,
        languagesSpoken: [String],
        countryOfBirth: String,
        householdSize: Int
    ) {
        self.gender = gender
        self.ageBand = ageBand
        self.immigrationCategory = immigrationCategory
        self.arrivalDate = arrivalDate
        self.preferredOfficialLanguage = preferredOfficialLanguage
        self.languagesSpoken = languagesSpoken
        self.countryOfBirth = countryOfBirth
        self.householdSize = householdSize
    }
}

/// One consent as the client gave or refused it, with when and who recorded it.
public struct ConsentDecision: Sendable, Hashable, Codable {
    /// True when the client consented.
    public let granted: Bool
    /// The day the consent was given or refused.
    public let recordedOn: CalendarDate
    /// The worker who took it.
    public let takenBy: UserID

    /// A ConsentDecision with every field given.
    public init(granted: Bool, recordedOn: CalendarDate, takenBy: UserID) {
        self.granted = granted
        self.recordedOn = recordedOn
        self.takenBy = takenBy
    }
}

/// The three consents taken at intake.
public struct IntakeConsents: Sendable, Hashable, Codable {
    /// The privacy statement; refused makes the client anonymous.
    public let privacyStatement: ConsentDecision
    /// Sharing identifying data with the funder.
    public let shareWithFunder: ConsentDecision
    /// Sharing with partner agencies (external referrals need it).
    public let shareWithPartners: ConsentDecision

    /// A IntakeConsents with every field given.
    public init(
        privacyStatement: ConsentDecision,
        shareWithFunder: ConsentDecision,
        shareWithPartners: ConsentDecision
    ) {
        self.privacyStatement = privacyStatement
        self.shareWithFunder = shareWithFunder
        self.shareWithPartners = shareWithPartners
    }

    /// The decision for `kind`.
    public subscript(kind: ConsentKind) -> ConsentDecision {
        switch kind {
        case .privacyStatement: privacyStatement
        case .shareWithFunder: shareWithFunder
        case .shareWithPartners: shareWithPartners
        }
    }
}

/// Recorded when a worker registers a client although the duplicate check matched others.
public struct DuplicateOverride: Sendable, Hashable, Codable {
    /// Why this is a different person (personal data: may describe them).
    public let reason: FreeText
    /// The existing clients the check matched.
    public let matchedClientIds: [ClientID]

    /// A DuplicateOverride with every field given.
    public init(reason: FreeText, matchedClientIds: [ClientID]) {
        self.reason = reason
        self.matchedClientIds = matchedClientIds
    }
}

/// A newcomer was registered at intake. `personal` is nil for an anonymous client (one who
/// refused the privacy statement): no name, date of birth or UCI is kept, and such a client
/// can never become a named one.
public struct ClientRegistered: DomainEvent {
    public static let eventType = "ClientRegistered"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A newcomer was registered at intake (anonymous when the privacy statement was refused)."

    /// The new client.
    public let clientId: ClientID
    /// The intake date; no service can be dated before it.
    public let registeredOn: CalendarDate
    /// Identifying details, sealed with the client's key; nil for an anonymous client.
    public let personal: Sealed<PersonalDetails>?
    /// Non-identifying facts for reports.
    public let profile: ClientProfile
    /// The consents taken at intake.
    public let consents: IntakeConsents
    /// Present when the duplicate check was overridden.
    public let duplicateOverride: DuplicateOverride?

    /// A ClientRegistered with every field given.
    public init(
        clientId: ClientID,
        registeredOn: CalendarDate,
        personal: PersonalDetails? = nil,
        profile: ClientProfile,
        consents: IntakeConsents,
        duplicateOverride: DuplicateOverride? = nil
    ) {
        self.clientId = clientId
        self.registeredOn = registeredOn
        self.personal = personal.map { .clear($0) }
        self.profile = profile
        self.consents = consents
        self.duplicateOverride = duplicateOverride
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: ClientRegistered {
        ClientRegistered(
            clientId: ClientID("c-0001"), registeredOn: .example("2025-03-03"),
            personal: PersonalDetails(
                givenNames: "Amina", familyName: "Haddad", dateOfBirth: .example("1988-07-14"), uci: "12345678",
                contact: ContactDetails(phone: "250-555-0101", email: "amina@example.org", address: "1 Main St"),
                householdMembers: [
                    HouseholdMember(
                        givenNames: "Omar", familyName: "Haddad", relationship: .child, dateOfBirth: .example("2015-02-01"))
                ]),
            profile: ClientProfile(
                gender: .female, ageBand: .age25to44, immigrationCategory: .refugeeGovernmentAssisted,
                arrivalDate: .example("2025-02-20"), preferredOfficialLanguage: .english, languagesSpoken: ["ar", "en"],
                countryOfBirth: "SY", householdSize: 2),
            consents: .example,
            duplicateOverride: DuplicateOverride(reason: "Different person, same name", matchedClientIds: [ClientID("c-0000")]))
    }
}

/// A named client's identifying details were replaced (moved house, corrected spelling).
public struct ClientDetailsUpdated: DomainEvent {
    public static let eventType = "ClientDetailsUpdated"
    public static let schemaVersion: UInt16 = 2
    public static let upcasters = [Upcaster.personalFieldsSealable(from: 1)]
    public static let summary = "A named client's identifying details were replaced."

    /// The client.
    public let clientId: ClientID
    /// The new details, replacing the old ones whole; sealed with the client's key.
    public let personal: Sealed<PersonalDetails>

    /// A ClientDetailsUpdated with every field given.
    public init(clientId: ClientID, personal: PersonalDetails) {
        self.clientId = clientId
        self.personal = .clear(personal)
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: ClientDetailsUpdated { ClientDetailsUpdated(clientId: ClientID("c-0001"), personal: ClientRegistered.example.personal!.value!) }
}

/// A client gave or withdrew one consent after intake.
public struct ConsentRecorded: DomainEvent {
    public static let eventType = "ConsentRecorded"
    public static let schemaVersion: UInt16 = 1
    public static let summary = "A client gave or withdrew a consent after intake."

    /// The client.
    public let clientId: ClientID
    /// Which consent.
    public let kind: ConsentKind
    /// The new decision.
    public let decision: ConsentDecision

    /// A ConsentRecorded with every field given.
    public init(clientId: ClientID, kind: ConsentKind, decision: ConsentDecision) {
        self.clientId = clientId
        self.kind = kind
        self.decision = decision
    }

    public var streamId: String { StreamID.client(clientId) }

    public static var example: ConsentRecorded {
        ConsentRecorded(
            clientId: ClientID("c-0001"), kind: .shareWithPartners,
            decision: ConsentDecision(granted: false, recordedOn: .example("2025-04-01"), takenBy: UserID("u-worker")))
    }
}
