import Events
import Foundation

/// Intake and the journey it sets in motion, with the service mix agencies report:
/// information and orientation for most clients, needs assessment and referral for about
/// half, language training about a quarter, language assessment about a fifth, community
/// connections about a sixth, employment-related about a tenth.
extension AgencySimulation {
    mutating func registerClient() {
        clientCount += 1
        let origin = random.weighted(Vocabulary.origins.map { ($0, $0.weight) })
        let category = random.weighted(Vocabulary.immigrationCategories)
        let client = SimulatedClient(
            id: ClientID(String(format: "c-%06d", clientCount)), registeredOn: day,
            worker: staff.worker(speaking: origin.language, using: &random), language: origin.language,
            category: category, sharesWithPartners: random.chance(0.85), francophone: origin.language == "fr",
            personal: random.chance(0.96) ? Self.personalDetails(origin, on: day, using: &random) : nil)
        let registered = Self.registration(client, origin: origin, category: category, on: day, using: &random)
        recorder.record([registered], actor: client.worker)
        planJourney(client)
    }

    private mutating func planJourney(_ client: SimulatedClient) {
        if random.chance(0.9) {
            // Most clients get an orientation session on the day they come in.
            deliverService(client, .informationAndOrientation)
        }
        if random.chance(0.5) { schedule(.assessNeeds(client), inDays: Int.random(in: 1...10, using: &random)) }
        if random.chance(0.2) {
            schedule(.deliver(client, .languageAssessment, sessionsLeft: 1, everyDays: 0), inDays: Int.random(in: 3...30, using: &random))
        }
        if random.chance(0.25) {
            let sessions = Int.random(in: 4...10, using: &random)
            schedule(.deliver(client, .languageTraining, sessionsLeft: sessions, everyDays: 7), inDays: Int.random(in: 14...45, using: &random))
        }
        if random.chance(1.0 / 6.0) {
            schedule(.deliver(client, .communityConnections, sessionsLeft: Int.random(in: 1...3, using: &random), everyDays: 21), inDays: Int.random(in: 7...60, using: &random))
        }
        if random.chance(0.1) {
            schedule(.deliver(client, .employmentRelated, sessionsLeft: Int.random(in: 1...4, using: &random), everyDays: 14), inDays: Int.random(in: 14...90, using: &random))
        }
        if client.personal != nil, random.chance(0.03) { schedule(.updateDetails(client), inDays: Int.random(in: 30...200, using: &random)) }
        if client.sharesWithPartners, random.chance(0.02) {
            schedule(.withdrawPartnerConsent(client), inDays: Int.random(in: 60...300, using: &random))
        }
    }

    /// Needs assessment with its service, a case, a plan, referrals and follow-ups.
    mutating func assessNeeds(_ client: SimulatedClient) {
        let domains = Array(NeedDomain.allCases.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random)))
        let needs = domains.map { IdentifiedNeed(domain: $0, priority: random.pick(Priority.allCases), note: nil) }
        let goals = domains.enumerated().map { index, domain in
            PlanGoal(goalId: GoalID("g-\(index + 1)"), domain: domain, description: FreeText("Progress on \(domain.rawValue)"), targetDate: day.adding(months: 6))
        }
        recorder.record([NeedsAssessed(clientId: client.id, assessedOn: day, needs: needs)], actor: client.worker)
        deliverService(client, .needsAssessmentAndReferral)
        recorder.record(
            [CaseOpened(clientId: client.id, openedOn: day), CaseAssigned(clientId: client.id, workerId: client.worker),
             SettlementPlanSet(clientId: client.id, agreedOn: day, goals: goals)],
            actor: client.worker)
        for domain in domains.prefix(2) where random.chance(0.6) { refer(client, for: domain) }
        let followUps = Int.random(in: 1...3, using: &random)
        for index in 1...followUps {
            let followUp = FollowUpID("f-\(index)")
            let due = day.adding(days: 14 * index)
            recorder.record([FollowUpScheduled(clientId: client.id, followUpId: followUp, dueOn: due, purpose: "Check on the settlement plan")], actor: client.worker)
            schedule(.completeFollowUp(client, followUp), inDays: 14 * index)
        }
        schedule(.closeCase(client), inDays: 60 + Int.random(in: 0...120, using: &random))
    }

    /// A referral to a partner offering the need (Francophone partners for French speakers),
    /// or to an internal program when the client does not share with partners.
    private mutating func refer(_ client: SimulatedClient, for domain: NeedDomain) {
        referralCount += 1
        let referralId = ReferralID(String(format: "r-%06d", referralCount))
        let offering = partners.filter { $0.domains.contains(domain) }
        let preferred = offering.filter { $0.francophone == client.francophone }
        let target: ReferralTarget
        if client.sharesWithPartners, let partner = (preferred.isEmpty ? offering : preferred).first {
            target = ReferralTarget(kind: .partner, programName: nil, partnerId: partner.id)
        } else {
            target = ReferralTarget(kind: .internalProgram, programName: "In-house \(domain.rawValue) support", partnerId: nil)
        }
        recorder.record(
            [ReferralMade(referralId: referralId, clientId: client.id, madeOn: day, target: target, needDomain: domain, note: nil)],
            actor: client.worker)
        schedule(.answerReferral(referralId, accept: random.chance(0.85)), inDays: Int.random(in: 2...10, using: &random))
    }

    /// One ServiceDelivered, charged to the contract that covers it; now and then marked for correction.
    mutating func deliverService(_ client: SimulatedClient, _ component: ServiceComponent) {
        let serviceNumber = clientServiceNumber(client)
        let minutes = component == .languageTraining ? random.pick([90, 120, 180]) : random.pick([15, 30, 45, 60, 90])
        let service = ServiceDelivered(
            clientId: client.id, serviceId: ServiceID("s-\(serviceNumber)"), component: component, deliveredOn: day,
            minutes: minutes, mode: random.weighted([(ContactMode.inPerson, 70), (.phone, 15), (.online, 15)]),
            language: client.language, interpreterUsed: client.language != "en" && random.chance(0.2),
            workerId: client.worker, contractId: FundedContract.charging(component, on: day, for: client.category),
            outcome: random.weighted([(ServiceOutcome.completed, 85), (.partiallyCompleted, 8), (.referredOn, 4), (.clientDidNotAttend, 3)]),
            note: nil)
        let correct = random.chance(0.004)
        let ids = recorder.record([service], actor: client.worker)
        if correct { schedule(.correctService(stream: client.stream, eventId: ids[0], original: service), inDays: 3) }
    }

    /// Service ids count up within each client's stream.
    private mutating func clientServiceNumber(_ client: SimulatedClient) -> Int {
        serviceCounts[client.id, default: 0] += 1
        return serviceCounts[client.id]!
    }

    private static func registration(
        _ client: SimulatedClient, origin: Vocabulary.Origin, category: ImmigrationCategory, on day: CalendarDate,
        using random: inout SeededRandom
    ) -> ClientRegistered {
        let consent = { (granted: Bool) in ConsentDecision(granted: granted, recordedOn: day, takenBy: client.worker) }
        let household = client.personal.map { $0.householdMembers.count + 1 } ?? Int.random(in: 1...5, using: &random)
        let profile = ClientProfile(
            gender: random.weighted([(Gender.female, 52), (.male, 45), (.anotherGender, 1), (.preferNotToSay, 2)]),
            ageBand: random.weighted([(AgeBand.age15to24, 15), (.age25to44, 55), (.age45to64, 22), (.age65plus, 8)]),
            immigrationCategory: category,
            arrivalDate: category == .citizen ? nil : day.adding(days: -Int.random(in: 3...900, using: &random)),
            preferredOfficialLanguage: client.francophone ? .french : .english,
            languagesSpoken: origin.language == "en" ? ["en"] : [origin.language, "en"],
            countryOfBirth: origin.country, householdSize: household)
        return ClientRegistered(
            clientId: client.id, registeredOn: day, personal: client.personal, profile: profile,
            consents: IntakeConsents(
                privacyStatement: consent(client.personal != nil), shareWithFunder: consent(random.chance(0.9)),
                shareWithPartners: consent(client.sharesWithPartners)))
    }

    static func personalDetails(_ origin: Vocabulary.Origin, on day: CalendarDate, using random: inout SeededRandom) -> PersonalDetails {
        let family = random.pick(origin.familyNames)
        let children = Int.random(in: 0...3, using: &random)
        let household = (0..<children).map { index in
            HouseholdMember(
                givenNames: random.pick(origin.givenNames), familyName: family, relationship: .child,
                dateOfBirth: day.adding(days: -365 * (2 + 4 * index) - Int.random(in: 0...300, using: &random)))
        }
        return PersonalDetails(
            givenNames: random.pick(origin.givenNames), familyName: family,
            dateOfBirth: day.adding(days: -365 * Int.random(in: 19...66, using: &random) - Int.random(in: 0...364, using: &random)),
            uci: random.chance(0.7) ? String(format: "%08d", Int.random(in: 10_000_000...99_999_999, using: &random)) : nil,
            contact: ContactDetails(
                phone: String(format: "250-555-%04d", Int.random(in: 0...9_999, using: &random)), email: nil,
                address: "\(Int.random(in: 1...3_999, using: &random)) \(random.pick(Vocabulary.streets))"),
            householdMembers: household)
    }
}
