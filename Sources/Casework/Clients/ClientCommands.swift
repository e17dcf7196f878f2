public import Events

/// Registers a newcomer at intake. A client who refuses the privacy statement is registered
/// anonymously: no name, UCI, contact or household names may be given, and the date of birth is
/// used only for the age band and not kept.
public struct RegisterClient: Command {
    public static let name = CommandName.registerClient

    /// Who issues the command.
    public let actor: ActingUser
    /// The new client's id.
    public let clientId: ClientID
    /// The intake date.
    public let registeredOn: CalendarDate
    /// Given names; empty for an anonymous client.
    public let givenNames: String
    /// Family name; empty for an anonymous client.
    public let familyName: String
    /// Date of birth: not in the future, not before 1900.
    public let dateOfBirth: CalendarDate
    /// IRCC UCI, 8 or 10 digits.
    public let uci: String?
    /// How to reach the client.
    public let contact: ContactDetails
    /// Family members in the household.
    public let householdMembers: [HouseholdMember]
    /// Gender.
    public let gender: Gender
    /// Immigration category.
    public let immigrationCategory: ImmigrationCategory
    /// Arrival in Canada.
    public let arrivalDate: CalendarDate?
    /// Preferred official language.
    public let preferredOfficialLanguage: OfficialLanguage
    /// ISO 639 codes.
    public let languagesSpoken: [String]
    /// ISO 3166-1 alpha-2 code.
    public let countryOfBirth: String
    /// The three consents.
    public let consents: IntakeConsents
    /// Why to register although the duplicate check matched; recorded.
    public let duplicateOverrideReason: FreeText?

    /// A RegisterClient command.
    public init(
        actor: ActingUser,
        clientId: ClientID,
        registeredOn: CalendarDate,
        givenNames: String,
        familyName: String,
        dateOfBirth: CalendarDate,
        uci: String? = nil,
        contact: ContactDetails,
        householdMembers: [HouseholdMember],
        gender: Gender,
        immigrationCategory: ImmigrationCategory,
        arrivalDate: CalendarDate? = nil,
        preferredOfficialLanguage: OfficialLanguage,
        languagesSpoken: [String],
        countryOfBirth: String,
        consents: IntakeConsents,
        duplicateOverrideReason: FreeText? = nil
    ) {
        self.actor = actor
        self.clientId = clientId
        self.registeredOn = registeredOn
        self.givenNames = givenNames
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.uci = uci
        self.contact = contact
        self.householdMembers = householdMembers
        self.gender = gender
        self.immigrationCategory = immigrationCategory
        self.arrivalDate = arrivalDate
        self.preferredOfficialLanguage = preferredOfficialLanguage
        self.languagesSpoken = languagesSpoken
        self.countryOfBirth = countryOfBirth
        self.consents = consents
        self.duplicateOverrideReason = duplicateOverrideReason
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Replaces a named client's identifying details. Refused for an anonymous client, who can
/// never be named. Checks the UCI against other clients (a UCI belongs to one person); names
/// and date of birth were already checked, or knowingly overridden, at intake.
public struct UpdateClientDetails: Command {
    public static let name = CommandName.updateClientDetails

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// The new details.
    public let personal: PersonalDetails

    /// A UpdateClientDetails command.
    public init(actor: ActingUser, clientId: ClientID, personal: PersonalDetails) {
        self.actor = actor
        self.clientId = clientId
        self.personal = personal
    }

    public var streamId: String { StreamID.client(clientId) }
}

/// Records a consent given or withdrawn after intake.
public struct RecordConsent: Command {
    public static let name = CommandName.recordConsent

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// Which consent.
    public let kind: ConsentKind
    /// True when given, false when withdrawn.
    public let granted: Bool
    /// The day the client decided.
    public let recordedOn: CalendarDate

    /// A RecordConsent command.
    public init(actor: ActingUser, clientId: ClientID, kind: ConsentKind, granted: Bool, recordedOn: CalendarDate) {
        self.actor = actor
        self.clientId = clientId
        self.kind = kind
        self.granted = granted
        self.recordedOn = recordedOn
    }

    public var streamId: String { StreamID.client(clientId) }
}


