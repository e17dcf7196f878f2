@testable import Casework
import Events
import Foundation
import Testing

/// Seeded random command sequences: each failure names its seed so it can be replayed.
@Suite struct PropertyTests {
    static let sequencesCount = 400

    /// Written out independently of `ReferralStatus.transitions`, so a change to the table
    /// that breaks the state machine fails here.
    static let referralEdges: Set<String> = ["made>accepted", "made>declined", "made>cancelled", "accepted>completed", "accepted>cancelled"]

    @Test func referralsNeverTakeAnInvalidTransition() throws {
        for seed in 0..<UInt64(Self.sequencesCount) {
            var generator = SplitMix64(seed: seed)
            var history: [any DomainEvent] = [ReferralMade.example]
            let id = ReferralMade.example.referralId
            for _ in 0..<Int.random(in: 1...10, using: &generator) {
                let before = ReferralState.folded(history).status
                let (target, command) = randomReferralCommand(id, using: &generator)
                let allowed = Self.referralEdges.contains("\(before.rawValue)>\(target.rawValue)")
                do {
                    history += try decide(command)(history)
                    #expect(allowed, "seed \(seed): \(before) -> \(target) was accepted")
                    #expect(ReferralState.folded(history).status == target, "seed \(seed)")
                } catch let error as DomainError {
                    #expect(!allowed, "seed \(seed): \(before) -> \(target) was refused: \(error)")
                    #expect(error.field == "status" && error.kind == .conflict, "seed \(seed): \(error)")
                }
            }
        }
    }

    func randomReferralCommand(_ id: ReferralID, using generator: inout SplitMix64) -> (ReferralStatus, any Command) {
        let date = ReferralMade.example.madeOn
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return (.accepted, AcceptReferral(actor: worker, referralId: id, acceptedOn: date))
        case 1: return (.declined, DeclineReferral(actor: worker, referralId: id, declinedOn: date, reason: "Full"))
        case 2: return (.completed, CompleteReferral(actor: worker, referralId: id, completedOn: date, note: nil))
        default: return (.cancelled, CancelReferral(actor: worker, referralId: id, cancelledOn: date, reason: "Moved"))
        }
    }

    func decide(_ command: any Command) -> ([any DomainEvent]) throws -> [any DomainEvent] {
        { history in try Self.open(command, history) }
    }

    static func open<C: Command>(_ command: C, _ history: [any DomainEvent]) throws -> [any DomainEvent] {
        guard let state = ReferralState.folded(history) as? C.State, let facts = () as? C.Facts else { return [] }
        return try Decider.decide(command, state: state, facts: facts, context: context)
    }

    @Test func ballotsAreOnePerVoterOnTheRollAndReleasedOnlyAtClose() throws {
        for seed in 0..<UInt64(Self.sequencesCount) {
            var generator = SplitMix64(seed: seed)
            try runElection(seed: seed, using: &generator)
        }
    }

    func runElection(seed: UInt64, using generator: inout SplitMix64) throws {
        let rollSize = Int.random(in: 1...30, using: &generator)
        var history = openElection(voters: rollSize)
        let roll = Set((1...rollSize).map { MemberID("m-\($0)") })
        var opened: [SecretBallot] = []
        var accepted = Set<MemberID>()
        for attempt in 0..<Int.random(in: 0...90, using: &generator) {
            let voter = MemberID("m-\(Int.random(in: 1...40, using: &generator))")
            let state = ElectionState.folded(history)
            let shouldAccept = roll.contains(voter) && !accepted.contains(voter)
            do {
                let ballot = try BallotDecisions.cast(
                    ballot(voter.rawValue), state: state, receiptHash: "\(seed)-\(attempt)", context: context)
                #expect(shouldAccept, "seed \(seed): accepted \(voter)")
                accepted.insert(voter)
                opened.append(ballot)
                history += BallotDecisions.castEvents(election, voter: voter, sealedBallot: Data("\(seed)-\(attempt)".utf8))
            } catch {
                #expect(!shouldAccept, "seed \(seed): refused \(voter): \(error)")
            }
        }
        let casts = history.count
        history += try BallotDecisions.close(
            CloseBalloting(actor: officer, electionId: election), state: ElectionState.folded(history), openedBallots: opened, using: &generator)
        checkSecrecyAndCount(history, seed: seed, roll: roll, accepted: accepted, opened: opened, casts: casts)
    }

    func checkSecrecyAndCount(
        _ history: [any DomainEvent], seed: UInt64, roll: Set<MemberID>, accepted: Set<MemberID>, opened: [SecretBallot], casts: Int
    ) {
        let voters = history.compactMap { $0 as? VotersParticipated }.flatMap(\.voters)
        #expect(voters.count == Set(voters).count, "seed \(seed): a voter was recorded twice")
        #expect(Set(voters).isSubset(of: roll), "seed \(seed): a voter not on the roll was recorded")
        #expect(Set(voters) == accepted, "seed \(seed)")
        #expect(history.filter { $0 is BallotSealed }.count == voters.count, "seed \(seed)")
        #expect(!history.prefix(casts).contains { $0 is BallotsRecorded }, "seed \(seed): a ballot was in clear before close")
        let recorded = history.compactMap { $0 as? BallotsRecorded }.flatMap(\.ballots)
        #expect(recorded.sorted { $0.receiptHash < $1.receiptHash } == opened.sorted { $0.receiptHash < $1.receiptHash }, "seed \(seed)")
        #expect((history.last as? ElectionTallied)?.ballotsCounted == accepted.count, "seed \(seed)")
    }

    @Test func membershipStandingMatchesADayByDayComputation() throws {
        let later = DecisionContext(today: day("2031-01-01"))
        for seed in 0..<UInt64(Self.sequencesCount) {
            var generator = SplitMix64(seed: seed)
            let member = MemberID("m-1")
            let applied = day("2020-01-01").adding(days: Int.random(in: 0...300, using: &generator))
            let approved = applied.adding(days: Int.random(in: 0...60, using: &generator))
            var history: [any DomainEvent] = [
                MembershipApplied(memberId: member, kind: .individual, appliedOn: applied,
                    details: MemberDetails(displayName: "x", representativeName: nil, contact: ContactDetails()),
                    eligibility: .citizen, eligibilityAttestedOn: applied),
                MemberApproved(memberId: member, approvedOn: approved),
            ]
            var payments: [(paidOn: CalendarDate, months: Int)] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let payment = (applied.adding(days: Int.random(in: 0...2_500, using: &generator)), Int.random(in: 1...24, using: &generator))
                payments.append(payment)
                history += try Casework.Decider.decide(
                    RecordDues(actor: accountant, memberId: member, paidOn: payment.0, amountCents: 1_000, termMonths: payment.1),
                    state: MemberState.folded(history), facts: (), context: later)
            }
            let state = MemberState.folded(history)
            let grace = Int.random(in: 0...12, using: &generator)
            for _ in 0..<25 {
                let date = applied.adding(days: Int.random(in: -30...4_000, using: &generator))
                let expected = directStanding(on: date, approved: approved, payments: payments, graceMonths: grace)
                #expect(state.standing(on: date, graceMonths: grace) == expected, "seed \(seed) on \(date)")
            }
        }
    }

    /// The standing computed the slow way: lay the paid terms out on the calendar day by day,
    /// then look back from `date` for the last covered day.
    func directStanding(on date: CalendarDate, approved: CalendarDate, payments: [(paidOn: CalendarDate, months: Int)], graceMonths: Int)
        -> MembershipStanding
    {
        guard date >= approved else { return .pendingApproval }
        var covered = Set<Int>()
        var coveredUntil: CalendarDate?
        for payment in payments {
            let start = max(coveredUntil ?? payment.paidOn, payment.paidOn)
            let end = start.adding(months: payment.months)
            var cursor = start
            while cursor < end { covered.insert(cursor.daysSinceEpoch); cursor = cursor.adding(days: 1) }
            coveredUntil = max(coveredUntil ?? end, end)
        }
        if covered.contains(date.daysSinceEpoch) { return .goodStanding }
        guard let lastCovered = covered.filter({ $0 < date.daysSinceEpoch }).max() else { return .unpaid }
        let lapsesOn = CalendarDate(daysSinceEpoch: lastCovered + 1).adding(months: graceMonths)
        return date < lapsesOn ? .inGrace : .lapsed
    }
}
