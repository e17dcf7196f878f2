/// Gender as IRCC's iCARE asks it.
public enum Gender: String, CodedValue {
    case female, male, anotherGender, preferNotToSay
}

/// Age bands used in funder reports, computed from the date of birth at intake so reports
/// need no personal data.
public enum AgeBand: String, CodedValue {
    case age0to14, age15to24, age25to44, age45to64, age65plus

    /// The band for someone `years` old.
    public init(years: Int) {
        switch years {
        case ..<15: self = .age0to14
        case 15..<25: self = .age15to24
        case 25..<45: self = .age25to44
        case 45..<65: self = .age45to64
        default: self = .age65plus
        }
    }
}

/// Immigration category at intake.
public enum ImmigrationCategory: String, CodedValue {
    case permanentResident
    case refugeeGovernmentAssisted
    case refugeePrivatelySponsored
    /// Blended Visa Office-Referred refugee.
    case refugeeBlended
    case temporaryResident
    case citizen
    case other
}

/// Canada's official languages, for "preferred official language".
public enum OfficialLanguage: String, CodedValue {
    case english, french
}

/// The three consents taken at intake.
public enum ConsentKind: String, CodedValue {
    /// The client accepted the agency's privacy statement; refused means an anonymous client.
    case privacyStatement
    /// Identifying data may go to the funder (e.g. IRCC iCARE).
    case shareWithFunder
    /// Data may go to partner agencies, which an external referral needs.
    case shareWithPartners
}

/// How a household member is related to the client.
public enum HouseholdRelationship: String, CodedValue {
    case spouse, child, parent, sibling, otherRelative, other
}

/// Areas of settlement need.
public enum NeedDomain: String, CodedValue {
    case housing, employment, language, education, health, legal, financial, socialConnection, childcare,
        transportation
}

/// How urgent a need is.
public enum Priority: String, CodedValue {
    case high, medium, low
}

/// IRCC settlement program service components.
public enum ServiceComponent: String, CodedValue {
    case informationAndOrientation
    case needsAssessmentAndReferral
    case languageAssessment
    case languageTraining
    case employmentRelated
    case communityConnections
    case supportChildcare
    case supportTransportation
    case supportInterpretationTranslation
    case supportCrisisCounselling
}

/// How a service was delivered.
public enum ContactMode: String, CodedValue {
    case inPerson, phone, online
}

/// What came of a service.
public enum ServiceOutcome: String, CodedValue {
    case completed, partiallyCompleted, referredOn, clientDidNotAttend
}

/// Why a case was closed.
public enum CaseClosureReason: String, CodedValue {
    case goalsMet, clientMovedAway, clientWithdrew, lostContact, referredElsewhere, other
}

/// Whether a referral goes to one of the agency's own programs or to a partner agency.
public enum ReferralTargetKind: String, CodedValue {
    case internalProgram, partner
}

/// How a partner agency is funded, as partnership reports group them.
public enum PartnerFunding: String, CodedValue {
    case funderFunded, notFunded, hybrid
}

/// What a funder contract's target counts.
public enum ContractMetric: String, CodedValue {
    case uniqueClients, services, minutes
}

/// Individual or organizational membership.
public enum MembershipKind: String, CodedValue {
    /// A person.
    case individual
    /// An ethnic group, club or organization, acting through a named representative.
    case organizational
}

/// The only grounds of membership eligibility the society may record (its constitution:
/// "open to all Canadian citizens, permanent residents and others with legal status in
/// Canada regardless of their race, colour, religion, gender, or country of origin").
public enum EligibilityBasis: String, CodedValue {
    case citizen, permanentResident, otherLegalStatus
}

/// What a user may do; see `RolePolicy` in Casework for the command table.
public enum Role: String, CodedValue, Comparable {
    case worker, supervisor, accountant, administrator, electionOfficer, member

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}
