@testable import Casework
import Events
import Testing

@Suite struct NeedsAndCaseTests {
    let client = ClientID("c-1")

    func assess(_ needs: [IdentifiedNeed], on date: String = "2025-03-04") -> AssessNeeds {
        AssessNeeds(actor: worker, clientId: client, assessedOn: day(date), needs: needs)
    }

    @Test func needsListOneEntryPerDomain() throws {
        let history = try registeredClient()
        expectRefused(.validation, field: "needs", problem: "lists housing more than once") {
            _ = try decide(
                assess([IdentifiedNeed(domain: .housing, priority: .high), IdentifiedNeed(domain: .housing, priority: .low)]),
                after: history)
        }
    }

    @Test func assessmentCannotPrecedeIntake() throws {
        expectRefused(.validation, field: "assessedOn", problem: "is before the intake date") {
            _ = try decide(assess([IdentifiedNeed(domain: .housing, priority: .high)], on: "2025-03-01"), after: try registeredClient())
        }
    }

    @Test func reassessmentNeedsAFirstAssessmentAndReplacesNeeds() throws {
        let history = try registeredClient()
        let reassess = ReassessNeeds(
            actor: worker, clientId: client, assessedOn: day("2025-06-01"), needs: [IdentifiedNeed(domain: .employment, priority: .high)])
        expectRefused(.conflict, field: "clientId", problem: "has never been assessed") { _ = try decide(reassess, after: history) }
        let assessed = history + (try decide(assess([IdentifiedNeed(domain: .housing, priority: .high)]), after: history))
        expectRefused(.conflict, field: "clientId", problem: "was already assessed on 2025-03-04: record a reassessment") {
            _ = try decide(assess([IdentifiedNeed(domain: .language, priority: .low)]), after: assessed)
        }
        let after = assessed + (try decide(reassess, after: assessed))
        #expect(ClientState.folded(after).needs?.map(\.domain) == [.employment])
    }

    @Test func planGoalsMustAddressAssessedNeeds() throws {
        var history = try registeredClient()
        history += try decide(assess([IdentifiedNeed(domain: .housing, priority: .high)]), after: history)
        let goal = PlanGoal(goalId: GoalID("g-1"), domain: .legal, description: "See a lawyer", targetDate: day("2025-09-01"))
        expectRefused(.validation, field: "goals[0].domain", problem: "is legal, which the latest assessment did not identify") {
            _ = try decide(SetSettlementPlan(actor: worker, clientId: client, agreedOn: day("2025-03-05"), goals: [goal]), after: history)
        }
        let early = PlanGoal(goalId: GoalID("g-1"), domain: .housing, description: "Lease", targetDate: day("2025-03-01"))
        expectRefused(.validation, field: "goals[0].targetDate", problem: "is before the day the plan is agreed") {
            _ = try decide(SetSettlementPlan(actor: worker, clientId: client, agreedOn: day("2025-03-05"), goals: [early]), after: history)
        }
    }

    @Test func goalAchievedOnlyOnce() throws {
        var history = try registeredClient()
        history += try decide(assess([IdentifiedNeed(domain: .housing, priority: .high)]), after: history)
        let goal = PlanGoal(goalId: GoalID("g-1"), domain: .housing, description: "Lease", targetDate: day("2025-09-01"))
        history += try decide(SetSettlementPlan(actor: worker, clientId: client, agreedOn: day("2025-03-05"), goals: [goal]), after: history)
        let achieve = RecordGoalAchieved(actor: worker, clientId: client, goalId: GoalID("g-1"), achievedOn: day("2025-05-01"))
        history += try decide(achieve, after: history)
        expectRefused(.conflict, field: "goalId", problem: "was already achieved") { _ = try decide(achieve, after: history) }
        expectRefused(.notFound, field: "goalId", problem: "is not a goal of the current plan (g-9)") {
            _ = try decide(RecordGoalAchieved(actor: worker, clientId: client, goalId: GoalID("g-9"), achievedOn: today), after: history)
        }
    }

    @Test func caseLifecycleFollowsItsRules() throws {
        var history = try registeredClient()
        let open = OpenCase(actor: worker, clientId: client, openedOn: day("2025-03-03"))
        expectRefused(.conflict, field: "clientId", problem: "has no open case (case is none)") {
            _ = try decide(AssignCase(actor: supervisor, clientId: client, workerId: worker.userId), after: history)
        }
        history += try decide(open, after: history)
        expectRefused(.conflict, field: "clientId", problem: "already has a case (open)") { _ = try decide(open, after: history) }
        expectRefused(.conflict, field: "toWorkerId", problem: "the case is unassigned: assign it") {
            _ = try decide(TransferCase(actor: supervisor, clientId: client, toWorkerId: UserID("u-2"), reason: "load"), after: history)
        }
        history += try decide(AssignCase(actor: supervisor, clientId: client, workerId: worker.userId), after: history)
        expectRefused(.conflict, field: "workerId", problem: "already assigned to u-worker: transfer it") {
            _ = try decide(AssignCase(actor: supervisor, clientId: client, workerId: UserID("u-2")), after: history)
        }
        expectRefused(.validation, field: "toWorkerId", problem: "is already the case's worker") {
            _ = try decide(TransferCase(actor: supervisor, clientId: client, toWorkerId: worker.userId, reason: "x"), after: history)
        }
        history += try decide(TransferCase(actor: supervisor, clientId: client, toWorkerId: UserID("u-2"), reason: "Arabic"), after: history)
        #expect(ClientState.folded(history).caseWorker == UserID("u-2"))
        expectRefused(.validation, field: "note", problem: "is required when the reason is 'other'") {
            _ = try decide(CloseCase(actor: worker, clientId: client, closedOn: today, reason: .other, note: nil), after: history)
        }
        history += try decide(CloseCase(actor: worker, clientId: client, closedOn: today, reason: .goalsMet, note: nil), after: history)
        expectRefused(.conflict, field: "clientId", problem: "already has a case (closed): reopen it") { _ = try decide(open, after: history) }
        history += try decide(ReopenCase(actor: worker, clientId: client, reopenedOn: today, reason: "Lost job"), after: history)
        #expect(ClientState.folded(history).caseStatus == .open)
    }

    @Test func followUpsAreDueTodayOrLaterAndCompletedOnce() throws {
        var history = try registeredClient()
        history += try decide(OpenCase(actor: worker, clientId: client, openedOn: day("2025-03-03")), after: history)
        expectRefused(.validation, field: "dueOn", problem: "is in the past (2025-06-14)") {
            _ = try decide(
                ScheduleFollowUp(actor: worker, clientId: client, followUpId: FollowUpID("f-1"), dueOn: day("2025-06-14"), purpose: "Call"),
                after: history)
        }
        history += try decide(
            ScheduleFollowUp(actor: worker, clientId: client, followUpId: FollowUpID("f-1"), dueOn: today, purpose: "Call"), after: history)
        let complete = CompleteFollowUp(actor: worker, clientId: client, followUpId: FollowUpID("f-1"), completedOn: today)
        history += try decide(complete, after: history)
        expectRefused(.conflict, field: "followUpId", problem: "is already completed") { _ = try decide(complete, after: history) }
    }
}
