@testable import Casework
import Events
import Testing

@Suite struct MembershipTests {
    let member = MemberID("m-1")

    func apply(kind: MembershipKind = .individual, representative: String? = nil) -> ApplyForMembership {
        ApplyForMembership(
            actor: administrator, memberId: member, kind: kind, appliedOn: day("2024-01-10"),
            details: MemberDetails(displayName: "Li Wei", representativeName: representative, contact: ContactDetails()),
            eligibility: .permanentResident, eligibilityAttestedOn: day("2024-01-10"))
    }

    func approved() throws -> [any DomainEvent] {
        var history = try decide(apply())
        history += try decide(ApproveMember(actor: administrator, memberId: member, approvedOn: day("2024-01-20")), after: history)
        return history
    }

    func pay(_ date: String, months: Int = 12) -> RecordDues {
        RecordDues(actor: accountant, memberId: member, paidOn: day(date), amountCents: 2_000, termMonths: months)
    }

    @Test func organizationalMemberNeedsARepresentativeAndIndividualHasNone() {
        expectRefused(.validation, field: "details.representativeName", problem: "is empty") {
            _ = try decide(apply(kind: .organizational))
        }
        expectRefused(.validation, field: "details.representativeName", problem: "must be empty for an individual member") {
            _ = try decide(apply(kind: .individual, representative: "Someone"))
        }
    }

    @Test func applicationIsDecidedOnce() throws {
        let history = try approved()
        expectRefused(.conflict, field: "memberId", problem: "was already approved on 2024-01-20") {
            _ = try decide(RejectMember(actor: administrator, memberId: member, rejectedOn: today, reason: "x"), after: history)
        }
    }

    @Test func renewalExtendsFromTheLaterOfTermEndAndPayment() throws {
        var history = try approved()
        history += try decide(pay("2024-01-20"), after: history)
        let early = try #require(try decide(pay("2024-12-01"), after: history).first as? DuesPaid)
        #expect(early.termStartsOn == day("2025-01-20"))
        #expect(early.termExpiresOn == day("2026-01-20"))
        let late = try #require(try decide(pay("2025-05-01"), after: history).first as? DuesPaid)
        #expect(late.termStartsOn == day("2025-05-01"))
    }

    @Test func duesRulesNameTheField() throws {
        let history = try approved()
        expectRefused(.validation, field: "termMonths", problem: "is 61, outside 1...60") { _ = try decide(pay("2024-02-01", months: 61), after: history) }
        expectRefused(.validation, field: "paidOn", problem: "is in the future") { _ = try decide(pay("2025-07-01"), after: history) }
        expectRefused(.validation, field: "amountCents", problem: "must be positive (got 0)") {
            _ = try decide(RecordDues(actor: accountant, memberId: member, paidOn: today, amountCents: 0, termMonths: 12), after: history)
        }
    }

    @Test func standingMovesThroughGraceToLapsed() throws {
        var history = try approved()
        history += try decide(pay("2024-01-20"), after: history)
        let state = MemberState.folded(history)
        #expect(state.standing(on: day("2024-01-15"), graceMonths: 6) == .pendingApproval)
        #expect(state.standing(on: day("2025-01-19"), graceMonths: 6) == .goodStanding)
        #expect(state.standing(on: day("2025-01-20"), graceMonths: 6) == .inGrace)
        #expect(state.standing(on: day("2025-07-19"), graceMonths: 6) == .inGrace)
        #expect(state.standing(on: day("2025-07-20"), graceMonths: 6) == .lapsed)
        #expect(state.standing(on: day("2025-03-01"), graceMonths: 1) == .lapsed)
    }

    @Test func lapseIsRecordedOnlyWhenLapsedAndOnce() throws {
        var history = try approved()
        history += try decide(pay("2024-01-20"), after: history)
        expectRefused(.conflict, field: "memberId", problem: "has not lapsed: standing today is inGrace") {
            _ = try decide(RecordLapse(actor: administrator, memberId: member), after: history)
        }
        let later = DecisionContext(today: day("2025-08-01"))
        let lapse = try decide(RecordLapse(actor: administrator, memberId: member), after: history, in: later)
        #expect((lapse.first as? MembershipLapsed)?.lapsedOn == day("2025-07-20"))
        expectRefused(.conflict, field: "memberId", problem: "lapse on 2025-07-20 is already recorded") {
            _ = try decide(RecordLapse(actor: administrator, memberId: member), after: history + lapse, in: later)
        }
    }

    @Test func graceIsConfigurable() throws {
        var history = try approved()
        history += try decide(pay("2024-01-20"), after: history)
        let strict = DecisionContext(today: today, policy: CaseworkPolicy(membershipGraceMonths: 1))
        let lapse = try decide(RecordLapse(actor: administrator, memberId: member), after: history, in: strict)
        #expect((lapse.first as? MembershipLapsed)?.lapsedOn == day("2025-02-20"))
    }
}
