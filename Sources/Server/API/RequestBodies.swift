import EventStore
import Casework
import Events
import Foundation

/// Ids and dates a body may leave out: a new id (the idempotency key when there is one, so a
/// retry names the same record) and today's date in the agency's zone.
struct Defaults {
    let idempotencyKey: UUID?
    let today: CalendarDate

    /// A fresh identifier, or the idempotency key's.
    func newId() -> String { (idempotencyKey ?? UUIDv7.make()).uuidString.lowercased() }
}

/// The intake body: the profile IRCC asks for, and the three consents as yes/no.
struct IntakeBody: Decodable {
    struct Consents: Decodable {
        let privacyStatement: Bool
        let shareWithFunder: Bool
        let shareWithPartners: Bool
    }

    let clientId: String?
    let registeredOn: CalendarDate?
    let givenNames: String
    let familyName: String
    let dateOfBirth: CalendarDate
    let uci: String?
    let contact: ContactDetails?
    let householdMembers: [HouseholdMember]?
    let gender: Gender
    let immigrationCategory: ImmigrationCategory
    let arrivalDate: CalendarDate?
    let preferredOfficialLanguage: OfficialLanguage
    let languagesSpoken: [String]?
    let countryOfBirth: String
    let consents: Consents
    let duplicateOverrideReason: String?

    func command(actor: ActingUser, defaults: Defaults) -> RegisterClient {
        let on = registeredOn ?? defaults.today
        func decision(_ granted: Bool) -> ConsentDecision { ConsentDecision(granted: granted, recordedOn: on, takenBy: actor.userId) }
        return RegisterClient(
            actor: actor, clientId: ClientID(clientId ?? defaults.newId()), registeredOn: on, givenNames: givenNames,
            familyName: familyName, dateOfBirth: dateOfBirth, uci: uci, contact: contact ?? ContactDetails(),
            householdMembers: householdMembers ?? [], gender: gender, immigrationCategory: immigrationCategory,
            arrivalDate: arrivalDate, preferredOfficialLanguage: preferredOfficialLanguage, languagesSpoken: languagesSpoken ?? [],
            countryOfBirth: countryOfBirth,
            consents: IntakeConsents(
                privacyStatement: decision(consents.privacyStatement), shareWithFunder: decision(consents.shareWithFunder),
                shareWithPartners: decision(consents.shareWithPartners)),
            duplicateOverrideReason: duplicateOverrideReason.map { FreeText($0) })
    }
}

/// A service delivered to a client.
struct ServiceBody: Decodable {
    let serviceId: String?
    let component: ServiceComponent
    let deliveredOn: CalendarDate
    let minutes: Int
    let mode: ContactMode
    let language: String
    let interpreterUsed: Bool?
    let workerId: String?
    let contractId: String?
    let outcome: ServiceOutcome
    let note: String?

    func command(actor: ActingUser, clientId: ClientID, defaults: Defaults) -> RecordService {
        RecordService(
            actor: actor, clientId: clientId, serviceId: ServiceID(serviceId ?? defaults.newId()), component: component,
            deliveredOn: deliveredOn, minutes: minutes, mode: mode, language: language, interpreterUsed: interpreterUsed ?? false,
            workerId: workerId.map { UserID($0) } ?? actor.userId, contractId: contractId.map { ContractID($0) }, outcome: outcome,
            note: note.map { FreeText($0) })
    }
}

/// A follow-up on a client's case.
struct FollowUpBody: Decodable {
    let followUpId: String?
    let dueOn: CalendarDate
    let purpose: String

    func command(actor: ActingUser, clientId: ClientID, defaults: Defaults) -> ScheduleFollowUp {
        ScheduleFollowUp(
            actor: actor, clientId: clientId, followUpId: FollowUpID(followUpId ?? defaults.newId()), dueOn: dueOn,
            purpose: FreeText(purpose))
    }
}

/// A referral of a client to a program or partner.
struct ReferralBody: Decodable {
    let referralId: String?
    let clientId: String
    let madeOn: CalendarDate?
    let target: ReferralTarget
    let needDomain: NeedDomain
    let note: String?

    func command(actor: ActingUser, defaults: Defaults) -> MakeReferral {
        MakeReferral(
            actor: actor, referralId: ReferralID(referralId ?? defaults.newId()), clientId: ClientID(clientId),
            madeOn: madeOn ?? defaults.today, target: target, needDomain: needDomain, note: note.map { FreeText($0) })
    }
}

/// A step in a referral's life: the day (default today), and a note or reason.
struct ReferralStepBody: Decodable {
    let on: CalendarDate?
    let note: String?
    let reason: String?
}
