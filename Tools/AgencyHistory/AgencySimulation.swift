import EventStore
import Events
import Foundation

/// Simulates an agency day by day over two fiscal years (April 2024 to March 2026), weekdays
/// only, recording what its staff would: intake, needs, cases, services, referrals, membership,
/// one AGM election and a few corrections. Work is scheduled on an agenda of future days.
struct AgencySimulation {
    /// First day of the first fiscal year.
    static let firstDay = CalendarDate(year: 2024, month: 4, day: 1)!
    /// Weekdays in two fiscal years.
    static let plannedWeekdays = 522
    /// Average events a client brings over their journey (measured on generated histories).
    static let eventsPerClient = 10.0

    var recorder: Recorder
    /// Every decision the simulation makes (the recorder has its own generator for ids and clock).
    var random: SeededRandom
    var serviceCounts: [ClientID: Int] = [:]
    let clientsPerWeekday: Double
    let membersTotal: Int
    var staff = Staff()
    var partners: [Partner] = []
    var contracts: [FundedContract] = []
    var agenda: [Int: [Task]] = [:]
    var day = firstDay
    var weekdayIndex = 0
    private var intakeCarry = 0.0
    var clientCount = 0
    var referralCount = 0
    var members: [Member] = []
    /// The election stream so far, folded to decide each ballot as the service would.
    var electionEvents: [any DomainEvent] = []

    init(seed: UInt64, targetEvents: Int) {
        recorder = Recorder(seed: seed ^ 0x5EED_1D5)
        random = SeededRandom(seed: seed)
        clientsPerWeekday = max(0.2, Double(targetEvents) / Self.eventsPerClient / Double(Self.plannedWeekdays))
        membersTotal = min(2_000, max(40, targetEvents / 400))
    }

    /// Records the next working day's events into `recorder.output`.
    mutating func simulateNextDay() {
        while day.isWeekend { day = day.adding(days: 1) }
        recorder.open(day, expectedEvents: Int(clientsPerWeekday * Self.eventsPerClient) + 4)
        if weekdayIndex == 0 { setUpAgency() }
        for task in agenda.removeValue(forKey: day.daysSinceEpoch) ?? [] { perform(task) }
        intakeCarry += clientsPerWeekday
        while intakeCarry >= 1 {
            intakeCarry -= 1
            registerClient()
        }
        admitMembersToday()
        if day == ElectionPlan.noticeDay { callElection() }
        weekdayIndex += 1
        day = day.adding(days: 1)
    }

    /// Puts `task` on the agenda `days` from today (moved to the next weekday).
    mutating func schedule(_ task: Task, inDays days: Int) {
        var due = day.adding(days: max(1, days))
        while due.isWeekend { due = due.adding(days: 1) }
        agenda[due.daysSinceEpoch, default: []].append(task)
    }

    /// Staff accounts, partners and funder contracts, recorded on the first day.
    private mutating func setUpAgency() {
        for account in staff.accounts {
            recorder.record(
                [UserCreated(userId: account.id, username: account.username, displayName: account.displayName, roles: account.roles, memberId: nil)],
                actor: Staff.administrator)
        }
        for (index, entry) in Vocabulary.partners.enumerated() {
            let partner = Partner(id: PartnerID(String(format: "p-%03d", index + 1)), domains: entry.3, francophone: entry.2)
            partners.append(partner)
            recorder.record(
                [PartnerRegistered(partnerId: partner.id, name: entry.0, funding: entry.1, francophone: entry.2, servicesOffered: entry.3)],
                actor: Staff.administrator)
        }
        for contract in FundedContract.standard {
            contracts.append(contract)
            recorder.record([contract.signedEvent], actor: Staff.accountant)
        }
        recorder.record(
            [FunderContractAmended(
                contractId: FundedContract.standard[0].id, endsOn: FundedContract.standard[0].endsOn,
                fundedComponents: FundedContract.standard[0].components,
                targets: [ContractTarget(metric: .uniqueClients, component: nil, value: 1_400)],
                reason: "Target raised after the mid-year allocation")],
            actor: Staff.accountant)
    }
}

extension CalendarDate {
    /// Saturday or Sunday (1970-01-01 was a Thursday).
    var isWeekend: Bool { (daysSinceEpoch + 3) % 7 >= 5 }
}
