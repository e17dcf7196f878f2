import EventStore
import Events
import Foundation

/// SplitMix64: a small seeded generator so every history replays exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Appends a seeded random agency history touching every read model: clients (some
/// anonymous), cases, follow-ups, services under two contracts, referrals and outcomes, needs,
/// members and dues, an election, file views — and corrections and voids of services,
/// registrations and referrals.
struct RandomHistory {
    var random: SeededGenerator
    let log: LogWriter
    var clients: [String] = []
    var services: [(Logged, ServiceDelivered)] = []
    var referrals: [String] = []
    var registrations: [(Logged, ClientRegistered)] = []
    var today = day("2025-03-01")

    init(seed: UInt64, store: EventStore) {
        random = SeededGenerator(state: seed)
        log = LogWriter(store: store)
    }

    mutating func record(events count: Int) async throws {
        try await log.record(Make.contract("k-1"))
        try await log.record(Make.contract("k-2"))
        try await log.record(Make.partner("p-1", .funderFunded))
        try await log.record(Make.partner("p-2", .hybrid))
        for _ in 0..<count { try await step() }
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    private var worker: String { "u-w\(Int(today.daysSinceEpoch % 3))" }

    private mutating func step() async throws {
        if Int.random(in: 0..<4, using: &random) == 0 { today = today.adding(days: Int.random(in: 1...9, using: &random)) }
        let roll = clients.isEmpty ? 0 : Int.random(in: 0..<100, using: &random)
        switch roll {
        case ..<10: try await register()
        case ..<40: try await serve()
        case ..<48: try await caseEvent()
        case ..<58: try await referralEvent()
        case ..<64: try await assess()
        case ..<72: try await membership()
        case ..<76: try await log.record(ClientFileViewed(clientId: ClientID(pick(clients)), purpose: .casework), actor: worker)
        case ..<84: try await correctService()
        case ..<88: try await voidService()
        case ..<91: try await correctRegistration()
        default: try await election()
        }
    }
}

extension RandomHistory {
    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func register() async throws {
        let id = "c-\(clients.count + 1)"
        let born = chance(85) ? today.adding(days: -Int.random(in: 3_000...25_000, using: &random)) : nil
        let event = Make.client(
            id, on: today, born: born, gender: pick(Gender.allCases), band: pick(AgeBand.allCases),
            category: pick(ImmigrationCategory.allCases), language: pick(OfficialLanguage.allCases))
        registrations.append((try await log.record(event, actor: worker), event))
        clients.append(id)
        try await log.record(CaseOpened(clientId: ClientID(id), openedOn: today), actor: worker)
        try await log.record(CaseAssigned(clientId: ClientID(id), workerId: UserID(worker)), actor: worker)
    }

    mutating func serve() async throws {
        let client = pick(clients)
        let event = Make.service(
            client, "s-\(services.count + 1)", pick(ServiceComponent.allCases), on: today, minutes: 15 * Int.random(in: 1...8, using: &random),
            contract: pick(["k-1", "k-1", "k-2", nil]), worker: worker)
        services.append((try await log.record(event, actor: worker), event))
    }

    mutating func caseEvent() async throws {
        let client = ClientID(pick(clients))
        switch Int.random(in: 0..<5, using: &random) {
        case 0: try await log.record(CaseTransferred(clientId: client, fromWorkerId: UserID(worker), toWorkerId: UserID("u-w\(Int.random(in: 0..<3, using: &random))"), reason: "Load"))
        case 1: try await log.record(FollowUpScheduled(clientId: client, followUpId: FollowUpID("f-\(today)"), dueOn: today.adding(days: 7), purpose: "Check in"))
        case 2: try await log.record(FollowUpCompleted(clientId: client, followUpId: FollowUpID("f-\(today)"), completedOn: today))
        case 3: try await log.record(CaseClosed(clientId: client, closedOn: today, reason: .goalsMet))
        default: try await log.record(CaseReopened(clientId: client, reopenedOn: today, reason: "Back"))
        }
    }

    mutating func referralEvent() async throws {
        if referrals.isEmpty || chance(50) {
            let id = "r-\(referrals.count + 1)"
            referrals.append(id)
            try await log.record(Make.referral(id, client: pick(clients), on: today, partner: pick(["p-1", "p-2", nil]), domain: pick(NeedDomain.allCases)))
        } else {
            let id = ReferralID(pick(referrals))
            switch Int.random(in: 0..<4, using: &random) {
            case 0: try await log.record(ReferralAccepted(referralId: id, acceptedOn: today))
            case 1: try await log.record(ReferralDeclined(referralId: id, declinedOn: today, reason: "Full"))
            case 2: try await log.record(ReferralCompleted(referralId: id, completedOn: today))
            default: try await log.record(ReferralCancelled(referralId: id, cancelledOn: today, reason: "Moved"))
            }
        }
    }

    mutating func assess() async throws {
        let needs = (0..<Int.random(in: 1...3, using: &random)).map { _ in IdentifiedNeed(domain: pick(NeedDomain.allCases), priority: .high) }
        try await log.record(NeedsAssessed(clientId: ClientID(pick(clients)), assessedOn: today, needs: needs))
    }

    mutating func membership() async throws {
        let member = MemberID("m-\(Int.random(in: 1...8, using: &random))")
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            try await log.record(MembershipApplied(
                memberId: member, kind: .individual, appliedOn: today, details: MemberDetails(displayName: "Member \(member)", contact: ContactDetails()),
                eligibility: .citizen, eligibilityAttestedOn: today))
        case 1: try await log.record(MemberApproved(memberId: member, approvedOn: today))
        case 2:
            try await log.record(DuesPaid(memberId: member, paidOn: today, amountCents: 2_000, termMonths: 12, termStartsOn: today, termExpiresOn: today.adding(months: 12)))
        default: try await log.record(MembershipLapsed(memberId: member, lapsedOn: today))
        }
    }

    mutating func correctService() async throws {
        guard !services.isEmpty else { return }
        let (original, event) = pick(services)
        let moved = Make.service(
            event.clientId.rawValue, event.serviceId.rawValue, pick(ServiceComponent.allCases), on: event.deliveredOn.adding(days: Int.random(in: -40...40, using: &random)),
            minutes: event.minutes + 15, contract: pick(["k-1", "k-2", nil]), worker: event.workerId.rawValue)
        try await log.correct(original, with: moved)
    }

    mutating func voidService() async throws {
        guard !services.isEmpty else { return }
        try await log.void(services.remove(at: Int.random(in: 0..<services.count, using: &random)).0)
    }

    mutating func correctRegistration() async throws {
        guard !registrations.isEmpty else { return }
        let (original, event) = pick(registrations)
        let born = today.adding(days: -Int.random(in: 3_000...25_000, using: &random))
        try await log.correct(original, with: Make.client(event.clientId.rawValue, on: event.registeredOn, born: born, gender: pick(Gender.allCases)))
    }

    mutating func election() async throws {
        let election = ElectionID("e-1")
        switch Int.random(in: 0..<4, using: &random) {
        case 0: try await log.record(MeetingCalled(electionId: election, title: "AGM", noticeGivenOn: today, meetingOn: today.adding(days: 30), recordDate: today))
        case 1: try await log.record(PositionAdded(electionId: election, positionId: PositionID("directors"), title: "Director", seats: 2))
        case 2: try await log.record(VoterRollFixed(electionId: election, recordDate: today, voters: [MemberID("m-1"), MemberID("m-2"), MemberID("m-3")]))
        default: try await log.record(VotersParticipated(electionId: election, voters: [MemberID("m-1")]))
        }
    }
}
