@testable import Casework
import Events
import Testing

@Suite struct ClientIntakeTests {
    @Test func registersANamedClientWithProfileDerivedFromIntake() throws {
        let events = try decide(registerClient(), facts: DuplicateMatches())
        let registered = try #require(events.first as? ClientRegistered)
        #expect(registered.personal?.value?.givenNames == "Amina")
        #expect(registered.profile.ageBand == .age25to44)
        #expect(registered.profile.householdSize == 1)
        #expect(registered.duplicateOverride == nil)
    }

    @Test func dateOfBirthInTheFutureIsRefused() {
        expectRefused(.validation, field: "dateOfBirth", problem: "is in the future (2030-01-01)") {
            _ = try decide(registerClient(dateOfBirth: "2030-01-01"), facts: DuplicateMatches())
        }
    }

    @Test func dateOfBirthBefore1900IsRefused() {
        expectRefused(.validation, field: "dateOfBirth", problem: "is before the earliest accepted date of birth (1899-12-31") {
            _ = try decide(registerClient(dateOfBirth: "1899-12-31"), facts: DuplicateMatches())
        }
    }

    @Test(arguments: ["1234567", "123456789", "12345678901", "1234567a"])
    func uciMustBe8Or10Digits(_ uci: String) {
        expectRefused(.validation, field: "uci", problem: "must be 8 or 10 digits (got '\(uci)')") {
            _ = try decide(registerClient(uci: uci), facts: DuplicateMatches())
        }
    }

    @Test func tenDigitUCIIsAccepted() throws {
        _ = try decide(registerClient(uci: "1234567890"), facts: DuplicateMatches())
    }

    @Test func arrivalBeforeBirthIsRefused() {
        expectRefused(.validation, field: "arrivalDate", problem: "is before the date of birth") {
            _ = try decide(registerClient(arrival: "1980-01-01"), facts: DuplicateMatches())
        }
    }

    @Test func sameUCIIsRefusedWithoutOverride() {
        expectRefused(.conflict, field: "uci", problem: "is already the UCI of client c-0; give duplicateOverrideReason") {
            _ = try decide(registerClient(), facts: DuplicateMatches(byUCI: [ClientID("c-0")]))
        }
    }

    @Test func sameNamesAndBirthAreRefusedWithoutOverride() {
        expectRefused(.conflict, field: "givenNames", problem: "familyName and dateOfBirth match client c-0") {
            _ = try decide(registerClient(uci: nil), facts: DuplicateMatches(byNamesAndBirth: [ClientID("c-0")]))
        }
    }

    @Test func overrideIsRecordedWithTheMatches() throws {
        let command = registerClient(override: "Cousin with the same name; different parents")
        let events = try decide(command, facts: DuplicateMatches(byUCI: [], byNamesAndBirth: [ClientID("c-0")]))
        let registered = try #require(events.first as? ClientRegistered)
        #expect(registered.duplicateOverride?.matchedClientIds == [ClientID("c-0")])
        #expect(registered.duplicateOverride?.reason.text == "Cousin with the same name; different parents")
    }

    @Test func nameKeyIgnoresCaseAccentsAndSpaces() {
        #expect(NameKey.of(givenNames: "José  María", familyName: "NÚÑEZ") == NameKey.of(givenNames: "jose maria", familyName: "nunez"))
        #expect(NameKey.of(givenNames: "Ana", familyName: "Lee") != NameKey.of(givenNames: "Anna", familyName: "Lee"))
    }

    @Test func anonymousClientKeepsNoIdentifyingData() throws {
        let command = registerClient(givenNames: "", familyName: "", uci: nil, consents: consents(privacy: false, funder: false, partners: false))
        let anonymous = RegisterClient(
            actor: worker, clientId: command.clientId, registeredOn: command.registeredOn, givenNames: "", familyName: "",
            dateOfBirth: command.dateOfBirth, uci: nil, contact: ContactDetails(), householdMembers: [], gender: .male,
            immigrationCategory: .temporaryResident, arrivalDate: nil, preferredOfficialLanguage: .french,
            languagesSpoken: ["fr"], countryOfBirth: "CD", consents: command.consents, duplicateOverrideReason: nil)
        let registered = try #require(try decide(anonymous, facts: DuplicateMatches()).first as? ClientRegistered)
        #expect(registered.personal == nil)
        #expect(registered.profile.ageBand == .age25to44)
        #expect(ClientState.folded([registered]).isAnonymous)
    }

    @Test func anonymousClientMayNotBeGivenAName() {
        expectRefused(.validation, field: "givenNames", problem: "must be empty: the client refused the privacy statement") {
            _ = try decide(registerClient(consents: consents(privacy: false, funder: false, partners: false)), facts: DuplicateMatches())
        }
    }

    @Test func sharingCannotBeGrantedWhenPrivacyIsRefused() {
        let command = registerClient(givenNames: "", familyName: "", uci: nil, consents: consents(privacy: false, funder: true, partners: false))
        let stripped = RegisterClient(
            actor: worker, clientId: command.clientId, registeredOn: command.registeredOn, givenNames: "", familyName: "",
            dateOfBirth: command.dateOfBirth, uci: nil, contact: ContactDetails(), householdMembers: [], gender: .female,
            immigrationCategory: .citizen, arrivalDate: nil, preferredOfficialLanguage: .english, languagesSpoken: ["en"],
            countryOfBirth: "CA", consents: command.consents, duplicateOverrideReason: nil)
        expectRefused(.validation, field: "consents.shareWithFunder", problem: "cannot be granted when the privacy statement is refused") {
            _ = try decide(stripped, facts: DuplicateMatches())
        }
    }

    @Test func anonymousClientCanNeverBeNamedLater() throws {
        let anonymousEvent = ClientRegistered(
            clientId: ClientID("c-1"), registeredOn: day("2025-03-03"), personal: nil,
            profile: ClientRegistered.example.profile, consents: consents(privacy: false, funder: false, partners: false))
        expectRefused(.conflict, field: "clientId", problem: "anonymous client (privacy statement refused) and can never be named") {
            _ = try decide(
                UpdateClientDetails(actor: worker, clientId: ClientID("c-1"), personal: ClientRegistered.example.personal!.value!),
                after: [anonymousEvent], facts: DuplicateMatches())
        }
        expectRefused(.conflict, field: "kind", problem: "privacyStatement cannot be granted: the client is anonymous") {
            _ = try decide(
                RecordConsent(actor: worker, clientId: ClientID("c-1"), kind: .privacyStatement, granted: true, recordedOn: today),
                after: [anonymousEvent])
        }
    }

    @Test func registeringTwiceIsAConflict() throws {
        let history = try registeredClient()
        expectRefused(.conflict, field: "clientId", problem: "is already registered (c-1)") {
            _ = try decide(registerClient(), after: history, facts: DuplicateMatches())
        }
    }

    @Test func consentChangeMustChangeSomething() throws {
        let history = try registeredClient()
        expectRefused(.conflict, field: "granted", problem: "shareWithPartners is already granted") {
            _ = try decide(
                RecordConsent(actor: worker, clientId: ClientID("c-1"), kind: .shareWithPartners, granted: true, recordedOn: today),
                after: history)
        }
        let withdrawn = try decide(
            RecordConsent(actor: worker, clientId: ClientID("c-1"), kind: .shareWithPartners, granted: false, recordedOn: today),
            after: history)
        #expect(!ClientState.folded(history + withdrawn).hasConsented(to: .shareWithPartners))
    }

    @Test func updateRefusesAUCIOfAnotherClient() throws {
        let history = try registeredClient()
        expectRefused(.conflict, field: "uci", problem: "is already the UCI of client c-9") {
            _ = try decide(
                UpdateClientDetails(actor: worker, clientId: ClientID("c-1"), personal: ClientRegistered.example.personal!.value!),
                after: history, facts: DuplicateMatches(byUCI: [ClientID("c-9")]))
        }
    }

    @Test func onlyCaseworkRolesMayRegister() {
        expectRefused(.forbidden, field: "actor", problem: "u-acct may not registerClient: it needs the role supervisor or worker") {
            _ = try decide(registerClient(actor: accountant), facts: DuplicateMatches())
        }
    }
}
