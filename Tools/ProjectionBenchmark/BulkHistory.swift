import EventStore
import Events
import Foundation

/// A seeded history with the mix an agency's log has (services dominate; intakes open and
/// assign a case; needs, referrals and their outcomes, follow-ups, file views, membership, and
/// a few corrections and voids), issued as multi-stream appends of `eventsPerBatch` events.
struct BulkHistory {
    private var random: SplitMix
    private var day = CalendarDate(year: 2023, month: 4, day: 1)!
    private var clients = 0
    private var referrals = 0
    private var members = 0
    private var servicesLogged: [(stream: String, id: UUID, event: ServiceDelivered)] = []
    private var produced = 0
    let total: Int
    static let workers = (1...40).map { "u-w\($0)" }

    init(seed: UInt64, events: Int) {
        random = SplitMix(state: seed)
        total = events
    }

    /// The next batch, or nil when the history is complete.
    mutating func nextBatch(eventsPerBatch: Int) throws -> [StreamAppend]? {
        guard produced < total else { return nil }
        var appends: [StreamAppend] = []
        var count = 0
        if produced == 0 { count += try setUp(into: &appends) }
        while count < eventsPerBatch, produced + count < total {
            if Int.random(in: 0..<700, using: &random) == 0 { day = day.adding(days: 1) }
            let events = try nextEvents()
            for (stream, event) in events.prefix(total - produced - count) {
                appends.append(StreamAppend(stream: stream, events: [event], expected: .any))
                count += 1
            }
        }
        produced += count
        return appends
    }

    private mutating func setUp(into appends: inout [StreamAppend]) throws -> Int {
        let setup: [any DomainEvent] = [
            FunderContractSigned(
                contractId: ContractID("k-ircc"), funder: "IRCC", program: "Settlement", agreementNumber: "SP-1",
                startsOn: CalendarDate(year: 2023, month: 4, day: 1)!, endsOn: CalendarDate(year: 2028, month: 3, day: 31)!,
                fundedComponents: ServiceComponent.allCases, targets: []),
            PartnerRegistered(partnerId: PartnerID("p-1"), name: "Housing Society", funding: .funderFunded, francophone: false, servicesOffered: [.housing]),
            PartnerRegistered(partnerId: PartnerID("p-2"), name: "Food Bank", funding: .notFunded, francophone: false, servicesOffered: [.financial]),
            PartnerRegistered(partnerId: PartnerID("p-3"), name: "Centre francophone", funding: .hybrid, francophone: true, servicesOffered: [.employment]),
        ]
        for event in setup { appends.append(StreamAppend(stream: event.streamId, events: [try proposed(event, actor: "u-admin")], expected: .any)) }
        return setup.count
    }

    private mutating func nextEvents() throws -> [(String, ProposedEvent)] {
        let worker = Self.workers[Int.random(in: 0..<Self.workers.count, using: &random)]
        let roll = clients == 0 ? 0 : Int.random(in: 0..<100, using: &random)
        var events: [any DomainEvent] = []
        let client = ClientID(String(format: "c-%06d", Int.random(in: max(1, clients - 3_000)...max(1, clients), using: &random)))
        switch roll {
        case ..<5:
            clients += 1
            let id = ClientID(String(format: "c-%06d", clients))
            events = [registration(id), CaseOpened(clientId: id, openedOn: day), CaseAssigned(clientId: id, workerId: UserID(worker))]
        case ..<55: return [try service(client, worker: worker)]
        case ..<65: events = [ClientFileViewed(clientId: client, purpose: .casework)]
        case ..<70: events = [NeedsAssessed(clientId: client, assessedOn: day, needs: [IdentifiedNeed(domain: NeedDomain.allCases.randomElement(using: &random)!, priority: .medium)])]
        case ..<76:
            referrals += 1
            let partner = ["p-1", "p-2", "p-3", nil].randomElement(using: &random)!
            events = [ReferralMade(
                referralId: ReferralID("r-\(referrals)"), clientId: client, madeOn: day,
                target: partner.map { ReferralTarget(kind: .partner, partnerId: PartnerID($0)) } ?? ReferralTarget(kind: .internalProgram, programName: "Youth"),
                needDomain: NeedDomain.allCases.randomElement(using: &random)!, note: nil)]
        case ..<81 where referrals > 0:
            let id = ReferralID("r-\(Int.random(in: max(1, referrals - 500)...referrals, using: &random))")
            events = [Bool.random(using: &random) ? ReferralAccepted(referralId: id, acceptedOn: day) : ReferralCompleted(referralId: id, completedOn: day)]
        case ..<87: events = [FollowUpScheduled(clientId: client, followUpId: FollowUpID("f-\(day)"), dueOn: day.adding(days: 14), purpose: "Check in")]
        case ..<91: events = [FollowUpCompleted(clientId: client, followUpId: FollowUpID("f-\(day)"), completedOn: day)]
        case ..<96: events = membership()
        default: return try correctionOrVoid()
        }
        return try events.map { ($0.streamId, try proposed($0, actor: worker)) }
    }

    private mutating func registration(_ id: ClientID) -> ClientRegistered {
        let born = day.adding(days: -Int.random(in: 2_000...28_000, using: &random))
        let decision = ConsentDecision(granted: true, recordedOn: day, takenBy: UserID("u-w1"))
        return ClientRegistered(
            clientId: id, registeredOn: day,
            personal: Int.random(in: 0..<25, using: &random) == 0 ? nil
                : PersonalDetails(givenNames: "Given", familyName: "Family", dateOfBirth: born, contact: ContactDetails(), householdMembers: []),
            profile: ClientProfile(
                gender: Gender.allCases.randomElement(using: &random)!, ageBand: AgeBand(years: day.year - born.year),
                immigrationCategory: ImmigrationCategory.allCases.randomElement(using: &random)!,
                preferredOfficialLanguage: Int.random(in: 0..<10, using: &random) == 0 ? .french : .english, languagesSpoken: ["ar"],
                countryOfBirth: "SY", householdSize: 3),
            consents: IntakeConsents(privacyStatement: decision, shareWithFunder: decision, shareWithPartners: decision))
    }

    private mutating func service(_ client: ClientID, worker: String) throws -> (String, ProposedEvent) {
        let event = ServiceDelivered(
            clientId: client, serviceId: ServiceID("s-\(produced)-\(Int.random(in: 0..<1_000_000, using: &random))"),
            component: ServiceComponent.allCases.randomElement(using: &random)!, deliveredOn: day, minutes: 15 * Int.random(in: 1...8, using: &random),
            mode: .inPerson, language: "en", interpreterUsed: false, workerId: UserID(worker),
            contractId: Int.random(in: 0..<10, using: &random) == 0 ? nil : ContractID("k-ircc"), outcome: .completed)
        let proposed = try proposed(event, actor: worker)
        servicesLogged.append((event.streamId, proposed.eventId, event))
        if servicesLogged.count > 5_000 { servicesLogged.removeFirst(1_000) }
        return (event.streamId, proposed)
    }

    private mutating func membership() -> [any DomainEvent] {
        if members < 20 || Bool.random(using: &random) {
            members += 1
            let id = MemberID("m-\(members)")
            return [
                MembershipApplied(memberId: id, kind: .individual, appliedOn: day, details: MemberDetails(displayName: "Member \(members)", contact: ContactDetails()), eligibility: .permanentResident, eligibilityAttestedOn: day),
                MemberApproved(memberId: id, approvedOn: day),
            ]
        }
        let id = MemberID("m-\(Int.random(in: 1...members, using: &random))")
        return [DuesPaid(memberId: id, paidOn: day, amountCents: 2_000, termMonths: 12, termStartsOn: day, termExpiresOn: day.adding(months: 12))]
    }

    private mutating func correctionOrVoid() throws -> [(String, ProposedEvent)] {
        guard let (stream, id, original) = servicesLogged.popLast() else { return [] }
        let event: any DomainEvent
        if Bool.random(using: &random) {
            let replacement = ServiceDelivered(
                clientId: original.clientId, serviceId: original.serviceId, component: original.component, deliveredOn: original.deliveredOn,
                minutes: original.minutes + 15, mode: original.mode, language: original.language, interpreterUsed: false,
                workerId: original.workerId, contractId: original.contractId, outcome: original.outcome)
            event = EventCorrected(
                stream: stream, originalEventId: id, originalEventType: ServiceDelivered.eventType, reason: "Minutes mistyped",
                replacementSchemaVersion: ServiceDelivered.schemaVersion, replacement: try EventCoding.jsonValue(of: replacement))
        } else {
            event = EventVoided(stream: stream, originalEventId: id, originalEventType: ServiceDelivered.eventType, reason: "Duplicate entry")
        }
        return [(stream, try proposed(event, actor: "u-sup"))]
    }

    private func proposed(_ event: any DomainEvent, actor: String) throws -> ProposedEvent {
        ProposedEvent(eventType: event.eventType, schemaVersion: event.schemaVersion, actor: actor, payload: try EventCoding.encode(any: event))
    }
}

/// SplitMix64, for a reproducible history.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
