import EventStore
import Events
import Foundation
import HarbourTestSupport
import Projections
import Testing

@Suite struct ReadModelTests {
    @Test func followingTheLiveLogKeepsTheCaseloadCurrent() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            let host = try ProjectionHost.open(store: store)
            await host.start()
            try await log.record(Make.client("c-1", on: day("2025-05-01"), born: day("1990-01-01")))
            try await log.record(CaseOpened(clientId: ClientID("c-1"), openedOn: day("2025-05-01")))
            try await log.record(CaseAssigned(clientId: ClientID("c-1"), workerId: UserID("u-ana")))
            try await log.record(FollowUpScheduled(clientId: ClientID("c-1"), followUpId: FollowUpID("f-1"), dueOn: day("2025-05-10"), purpose: "Call"))
            try await log.record(Make.referral("r-1", client: "c-1", on: day("2025-05-02"), partner: "p-x"))
            let last = try await log.record(Make.service("c-1", "s-1", .informationAndOrientation, on: day("2025-05-03"), minutes: 30))
            try await host.waitUntilApplied(last.position)
            let caseload = try await host.models.caseload(worker: "u-ana", today: day("2025-05-12"))
            #expect(caseload.openCases == 1)
            let entry = try #require(caseload.cases.first)
            #expect(entry.lastContactOn == day("2025-05-03"))
            #expect(entry.overdueFollowUps.map(\.followUpId) == ["f-1"])
            #expect(entry.overdueFollowUps.map(\.daysOverdue) == [2])
            #expect(entry.pendingReferrals.map(\.referralId) == ["r-1"])
            #expect(entry.pendingReferrals.map(\.to) == ["p-x"] && entry.pendingReferrals.map(\.ageDays) == [10])
            #expect(entry.pendingReferrals.map(\.stage) == [.made])

            let transfer = try await log.record(CaseTransferred(clientId: ClientID("c-1"), fromWorkerId: UserID("u-ana"), toWorkerId: UserID("u-ben"), reason: "Leave"))
            try await host.waitUntilApplied(transfer.position)
            #expect(try await host.models.caseload(worker: "u-ana", today: day("2025-05-12")).openCases == 0)
            #expect(try await host.models.caseload(worker: "u-ben", today: day("2025-05-12")).openCases == 1)
            #expect(await host.status().allSatisfy { $0.lag == 0 && $0.checkpoint == transfer.position })
            await #expect(throws: ProjectionError.self) { try await host.models.caseload(worker: "u-ben", today: day("2025-05-12"), pageSize: 0) }
            await host.close()
        }
    }

    @Test func theRegisterGivesStandingAsOfAnyDateAndWhoIsLapsing() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            let org = MemberDetails(displayName: "Eritrean Community Association", representativeName: "Selam", contact: ContactDetails())
            try await log.record(MembershipApplied(memberId: MemberID("m-1"), kind: .organizational, appliedOn: day("2025-01-10"), details: org, eligibility: .otherLegalStatus, eligibilityAttestedOn: day("2025-01-10")))
            try await log.record(MemberApproved(memberId: MemberID("m-1"), approvedOn: day("2025-01-20")))
            try await log.record(DuesPaid(memberId: MemberID("m-1"), paidOn: day("2025-01-20"), amountCents: 2_000, termMonths: 12, termStartsOn: day("2025-01-20"), termExpiresOn: day("2026-01-20")))
            try await log.record(MembershipApplied(memberId: MemberID("m-2"), kind: .individual, appliedOn: day("2025-03-01"), details: MemberDetails(displayName: "Li Wei", contact: ContactDetails()), eligibility: .citizen, eligibilityAttestedOn: day("2025-03-01")))
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let models = await host.models
            let february = try models.membershipRegister(asOf: day("2025-02-01"))
            #expect(february.members.map(\.memberId) == ["m-1"])
            #expect(february.members[0].standing == .goodStanding && !february.members[0].lapsingSoon)
            #expect(february.members[0].representative == "Selam" && february.members[0].memberSince == day("2025-01-20"))
            let january2026 = try models.membershipRegister(asOf: day("2026-01-05"), lapsingWithinDays: 30)
            #expect(january2026.members.map(\.standing) == [.goodStanding, .pending])
            #expect(january2026.members[0].lapsingSoon)
            let march2026 = try models.membershipRegister(asOf: day("2026-03-01"))
            #expect(march2026.members[0].standing == .notInGoodStanding)
            #expect(throws: ProjectionError.self) { try models.membershipRegister(asOf: day("2026-03-01"), lapsingWithinDays: -1) }
            await host.close()
        }
    }

    @Test func electionResultsCountTurnoutWithoutLinkingVotersToChoices() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            let e = ElectionID("e-1")
            try await log.record(MeetingCalled(electionId: e, title: "AGM 2025", noticeGivenOn: day("2025-05-01"), meetingOn: day("2025-06-01"), recordDate: day("2025-05-01")))
            try await log.record(PositionAdded(electionId: e, positionId: PositionID("dir"), title: "Director", seats: 1))
            try await log.record(CandidateNominated(electionId: e, positionId: PositionID("dir"), candidateId: CandidateID("k-1"), memberId: MemberID("m-1"), displayName: "Li"))
            try await log.record(CandidateNominated(electionId: e, positionId: PositionID("dir"), candidateId: CandidateID("k-2"), memberId: MemberID("m-2"), displayName: "Sam"))
            try await log.record(VoterRollFixed(electionId: e, recordDate: day("2025-05-01"), voters: ["m-1", "m-2", "m-3", "m-4"].map(MemberID.init)))
            try await log.record(BallotingOpened(electionId: e))
            try await log.record(VotersParticipated(electionId: e, voters: [MemberID("m-1"), MemberID("m-3")]))
            try await log.record(BallotsRecorded(electionId: e, ballots: [
                SecretBallot(receiptHash: "a", selections: [PositionSelection(positionId: PositionID("dir"), candidateIds: [CandidateID("k-1")])]),
                SecretBallot(receiptHash: "b", selections: [PositionSelection(positionId: PositionID("dir"), candidateIds: [CandidateID("k-1")])]),
            ]))
            try await log.record(BallotingClosed(electionId: e))
            try await log.record(ElectionTallied(electionId: e, ballotsCounted: 2, votersOnRoll: 4, results: [
                PositionResult(positionId: PositionID("dir"), seats: 1, counts: [CandidateCount(candidateId: CandidateID("k-1"), votes: 2), CandidateCount(candidateId: CandidateID("k-2"), votes: 0)], elected: [CandidateID("k-1")], tiedForLastSeat: [])
            ]))
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let results = try await host.models.electionResults(id: "e-1")
            #expect(results.rollSize == 4 && results.voted == 2 && results.ballotsRecorded == 2 && results.turnoutBasisPoints == 5_000)
            #expect(results.stage == .tallied)
            #expect(results.positions[0].candidates.map(\.votes) == [2, 0])
            #expect(results.positions[0].candidates.map(\.elected) == [true, false])
            // The stored rows hold counts only: no member id appears in the election's row.
            let stored = String(describing: try await host.models.elections.allRows())
            #expect(!stored.contains("m-3") && !stored.contains("receipt"))
            await host.close()
        }
    }

    @Test func partnershipGapsShowUnmetNeedsAndDuplication() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            try await log.record(Make.partner("p-1", .funderFunded))
            try await log.record(Make.partner("p-2", .notFunded))
            try await log.record(NeedsAssessed(clientId: ClientID("c-1"), assessedOn: day("2025-05-01"), needs: [IdentifiedNeed(domain: .housing, priority: .high), IdentifiedNeed(domain: .language, priority: .low)]))
            try await log.record(NeedsAssessed(clientId: ClientID("c-2"), assessedOn: day("2025-05-01"), needs: [IdentifiedNeed(domain: .housing, priority: .high)]))
            try await log.record(Make.referral("r-1", client: "c-1", on: day("2025-05-02"), partner: "p-1"))
            try await log.record(Make.referral("r-2", client: "c-1", on: day("2025-05-03"), partner: "p-2"))
            try await log.record(Make.service("c-2", "s-1", .languageTraining, on: day("2025-05-04"), minutes: 60))
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let gaps = try await host.models.partnershipGaps(over: try ReportPeriod(start: day("2025-05-01"), end: day("2025-05-31")))
            let housing = try #require(gaps.domains.first { $0.domain == .housing })
            #expect(housing.clientsWithNeed == 2 && housing.referred == 1 && housing.unmet == 1 && housing.referredToSeveralPartners == 1)
            let language = try #require(gaps.domains.first { $0.domain == .language })
            #expect(language.clientsWithNeed == 1 && language.unmet == 1 && language.served == 0)
            #expect(gaps.partners.map(\.partnerId) == ["p-1", "p-2"])
            #expect(gaps.partners[0].referralsByDomain == [.housing: 1])
            await host.close()
        }
    }

    @Test func theAuditTrailFiltersAndPages() async throws {
        try await withTemporaryStore { store in
            let log = LogWriter(store: store)
            try await log.record(Make.client("c-1", on: day("2025-05-01"), born: day("1990-01-01")), actor: "u-ana")
            try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .audit), actor: "u-auditor")
            try await log.record(Make.client("c-2", on: day("2025-05-01"), born: nil), actor: "u-ana")
            try await log.record(ClientFileViewed(clientId: ClientID("c-1"), purpose: .casework), actor: "u-ana")
            try await log.record(Make.referral("r-1", client: "c-1", on: day("2025-05-02"), partner: nil), actor: "u-ana")
            try await log.record(ReferralAccepted(referralId: ReferralID("r-1"), acceptedOn: day("2025-05-03")), actor: "u-ben")
            let host = try ProjectionHost.open(store: store)
            try await host.catchUp()
            let models = await host.models
            #expect(try models.auditTrail(filter: AuditFilter(clientId: "c-1")).entries.map(\.position) == [1, 2, 4, 5, 6])
            #expect(try models.auditTrail(filter: AuditFilter(clientId: "c-1", actor: "u-ana")).entries.map(\.position) == [1, 4, 5])
            #expect(try models.auditTrail(filter: AuditFilter(eventType: "ClientFileViewed")).entries.map(\.actor) == ["u-auditor", "u-ana"])
            let first = try models.auditTrail(filter: AuditFilter(), pageSize: 4)
            #expect(first.entries.map(\.position) == [1, 2, 3, 4] && first.nextAfter == 4)
            let second = try models.auditTrail(filter: AuditFilter(), after: 4, pageSize: 4)
            #expect(second.entries.map(\.position) == [5, 6] && second.nextAfter == nil)
            #expect(throws: ProjectionError.self) { try models.clientFile(clientId: "c-404") }
            await host.close()
        }
    }
}
