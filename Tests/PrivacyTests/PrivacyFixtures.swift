import Casework
import Events

/// Commands and actors the privacy tests share.
enum PrivacyFixtures {
    static let worker = ActingUser(userId: UserID("u-w"), role: .worker)
    static let administrator = ActingUser(userId: UserID("u-admin"), role: .administrator)
    static let today = CalendarDate(iso8601: "2025-03-03")!

    /// A named client registered on ``today`` with every consent granted.
    static func register(_ id: String) -> RegisterClient {
        let granted = ConsentDecision(granted: true, recordedOn: today, takenBy: worker.userId)
        return RegisterClient(
            actor: worker, clientId: ClientID(id), registeredOn: today, givenNames: "Amina", familyName: "Haddad \(id)",
            dateOfBirth: CalendarDate(iso8601: "1988-07-14")!, uci: nil, contact: ContactDetails(phone: "250-555-0101"),
            householdMembers: [], gender: .female, immigrationCategory: .refugeeGovernmentAssisted, arrivalDate: nil,
            preferredOfficialLanguage: .english, languagesSpoken: ["ar"], countryOfBirth: "SY",
            consents: IntakeConsents(privacyStatement: granted, shareWithFunder: granted, shareWithPartners: granted),
            duplicateOverrideReason: nil)
    }
}
