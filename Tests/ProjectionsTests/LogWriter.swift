import EventStore
import Events
import Foundation

/// A calendar date from ISO text (test fixtures only: a typo should crash loudly).
func day(_ text: String) -> CalendarDate { CalendarDate(iso8601: text)! }

/// Where an event landed, for corrections and traceability checks.
struct Logged {
    let position: UInt64
    let eventId: UUID
    let streamId: String
    let eventType: String
}

/// Appends typed domain events straight to a store, as the import path does.
struct LogWriter {
    let store: EventStore

    @discardableResult
    func record(_ event: any DomainEvent, actor: String = "u-w1", at occurredAt: Timestamp = .now()) async throws -> Logged {
        let proposed = ProposedEvent(
            eventType: event.eventType, schemaVersion: event.schemaVersion, occurredAt: occurredAt, actor: actor,
            payload: try EventCoding.encode(any: event))
        let result = try await store.append([proposed], to: event.streamId)
        return Logged(position: result.positions[0], eventId: proposed.eventId, streamId: event.streamId, eventType: event.eventType)
    }

    /// Records a correction of `original` with `replacement` (of the same type).
    @discardableResult
    func correct(_ original: Logged, with replacement: any DomainEvent, actor: String = "u-sup") async throws -> Logged {
        try await record(
            EventCorrected(
                stream: original.streamId, originalEventId: original.eventId, originalEventType: original.eventType,
                reason: "Entered wrong", replacementSchemaVersion: replacement.schemaVersion,
                replacement: try EventCoding.jsonValue(of: replacement)),
            actor: actor)
    }

    /// Records a void of `original`.
    @discardableResult
    func void(_ original: Logged, actor: String = "u-sup") async throws -> Logged {
        try await record(
            EventVoided(stream: original.streamId, originalEventId: original.eventId, originalEventType: original.eventType, reason: "Never happened"),
            actor: actor)
    }
}

/// Builders for the events fixtures use most, with defaults for fields the tests ignore.
enum Make {
    static let consents = IntakeConsents(
        privacyStatement: ConsentDecision(granted: true, recordedOn: day("2025-04-01"), takenBy: UserID("u-w1")),
        shareWithFunder: ConsentDecision(granted: true, recordedOn: day("2025-04-01"), takenBy: UserID("u-w1")),
        shareWithPartners: ConsentDecision(granted: true, recordedOn: day("2025-04-01"), takenBy: UserID("u-w1")))

    static func client(
        _ id: String, on date: CalendarDate, born: CalendarDate?, gender: Gender = .female, band: AgeBand = .age25to44,
        category: ImmigrationCategory = .permanentResident, language: OfficialLanguage = .english
    ) -> ClientRegistered {
        ClientRegistered(
            clientId: ClientID(id), registeredOn: date,
            personal: born.map {
                PersonalDetails(givenNames: "Given \(id)", familyName: "Family", dateOfBirth: $0, contact: ContactDetails(), householdMembers: [])
            },
            profile: ClientProfile(
                gender: gender, ageBand: band, immigrationCategory: category, preferredOfficialLanguage: language,
                languagesSpoken: [], countryOfBirth: "SY", householdSize: 1),
            consents: consents)
    }

    static func service(
        _ client: String, _ serviceId: String, _ component: ServiceComponent, on date: CalendarDate, minutes: Int,
        contract: String? = "k-1", worker: String = "u-w1"
    ) -> ServiceDelivered {
        ServiceDelivered(
            clientId: ClientID(client), serviceId: ServiceID(serviceId), component: component, deliveredOn: date, minutes: minutes,
            mode: .inPerson, language: "en", interpreterUsed: false, workerId: UserID(worker), contractId: contract.map(ContractID.init),
            outcome: .completed)
    }

    static func contract(_ id: String = "k-1") -> FunderContractSigned {
        FunderContractSigned(
            contractId: ContractID(id), funder: "IRCC", program: "Settlement Program", agreementNumber: "SP-1",
            startsOn: day("2025-04-01"), endsOn: day("2028-03-31"), fundedComponents: ServiceComponent.allCases, targets: [])
    }

    static func partner(_ id: String, _ funding: PartnerFunding) -> PartnerRegistered {
        PartnerRegistered(partnerId: PartnerID(id), name: "Partner \(id)", funding: funding, francophone: false, servicesOffered: [.housing])
    }

    static func referral(_ id: String, client: String, on date: CalendarDate, partner: String?, domain: NeedDomain = .housing) -> ReferralMade {
        ReferralMade(
            referralId: ReferralID(id), clientId: ClientID(client), madeOn: date,
            target: partner.map { ReferralTarget(kind: .partner, partnerId: PartnerID($0)) }
                ?? ReferralTarget(kind: .internalProgram, programName: "Youth"),
            needDomain: domain, note: nil)
    }
}
