@testable import Casework
import Events
import Foundation
import Testing

@Suite struct ElectionTests {
    @Test func noticeMustBe7To60Days() {
        expectRefused(.validation, field: "meetingOn", problem: "is 6 days after notice; it must be 7 to 60") {
            _ = try decide(callMeeting(notice: "2025-05-26"))
        }
        expectRefused(.validation, field: "meetingOn", problem: "is 61 days after notice") {
            _ = try decide(callMeeting(notice: "2025-04-01"))
        }
        let wider = DecisionContext(today: today, policy: CaseworkPolicy(meetingNoticeDaysMax: 90))
        #expect(throws: Never.self) { try decide(callMeeting(notice: "2025-04-01", record: "2025-04-01"), in: wider) }
    }

    @Test func rollTakesMembersInGoodStandingOnTheRecordDateOnce() throws {
        let history: [any DomainEvent] = try decide(callMeeting())
        var lapsed = memberInGoodStanding("m-3")
        lapsed = MemberState.folded([
            MembershipApplied(memberId: MemberID("m-3"), kind: .individual, appliedOn: day("2023-01-01"),
                details: MemberDetails(displayName: "x", representativeName: nil, contact: ContactDetails()),
                eligibility: .otherLegalStatus, eligibilityAttestedOn: day("2023-01-01")),
            MemberApproved(memberId: MemberID("m-3"), approvedOn: day("2023-01-02")),
            DuesPaid(memberId: MemberID("m-3"), paidOn: day("2023-01-02"), amountCents: 1, termMonths: 12,
                termStartsOn: day("2023-01-02"), termExpiresOn: day("2024-01-02")),
        ])
        let members = [memberInGoodStanding("m-2", kind: .organizational), memberInGoodStanding("m-1"), lapsed]
        let events = try decide(FixVoterRoll(actor: officer, electionId: election), after: history, facts: members)
        #expect((events.first as? VoterRollFixed)?.voters == [MemberID("m-1"), MemberID("m-2")])
        expectRefused(.conflict, field: "electionId", problem: "already has a fixed voter roll") {
            _ = try decide(FixVoterRoll(actor: officer, electionId: election), after: history + events, facts: members)
        }
    }

    @Test func rollWaitsForTheRecordDate() throws {
        let history: [any DomainEvent] = try decide(callMeeting(notice: "2025-06-10", meeting: "2025-07-10", record: "2025-06-20"))
        expectRefused(.conflict, field: "electionId", problem: "the record date 2025-06-20 has not come yet") {
            _ = try decide(FixVoterRoll(actor: officer, electionId: election), after: history, facts: [])
        }
    }

    @Test func candidateMustBeInGoodStanding() throws {
        let history: [any DomainEvent] = try decide(callMeeting()) + [PositionAdded(electionId: election, positionId: directors, title: "Director", seats: 2)]
        let nominate = NominateCandidate(
            actor: officer, electionId: election, positionId: directors, candidateId: CandidateID("cand-1"), memberId: MemberID("m-9"),
            displayName: "X")
        expectRefused(.conflict, field: "memberId", problem: "m-9 is not a member in good standing (notAMember)") {
            _ = try decide(nominate, after: history, facts: MemberState())
        }
    }

    @Test func nothingChangesOnceBallotingOpens() {
        expectRefused(.conflict, field: "electionId", problem: "balloting has already opened") {
            _ = try decide(AddPosition(actor: officer, electionId: election, positionId: PositionID("treasurer"), title: "T", seats: 1), after: openElection(voters: 3))
        }
    }

    @Test func openingNeedsCandidatesForEveryPosition() throws {
        var history = Array(openElection(voters: 3).dropLast())
        history.append(PositionAdded(electionId: election, positionId: PositionID("treasurer"), title: "Treasurer", seats: 1))
        expectRefused(.conflict, field: "positionId", problem: "treasurer has no candidates") {
            _ = try decide(OpenBalloting(actor: officer, electionId: election), after: history)
        }
    }

    @Test func ballotOnlyFromAVoterOnTheRoll() {
        let state = ElectionState.folded(openElection(voters: 3))
        expectRefused(.conflict, field: "voter", problem: "m-9 is not on the voter roll") {
            _ = try BallotDecisions.cast(ballot("m-9"), state: state, receiptHash: "h", context: context)
        }
    }

    @Test func secondBallotIsRefused() throws {
        let state = ElectionState.folded(openElection(voters: 3))
        _ = try BallotDecisions.cast(ballot("m-1"), state: state, receiptHash: "h1", context: context)
        let released = ElectionState.folded(openElection(voters: 3) + [VotersParticipated(electionId: election, voters: [MemberID("m-1")])])
        expectRefused(.conflict, field: "voter", problem: "m-1 has already voted") {
            _ = try BallotDecisions.cast(ballot("m-1"), state: released, receiptHash: "h3", context: context)
        }
    }

    @Test func ballotsOnlyWhileOpen() {
        let notOpen = ElectionState.folded(Array(openElection(voters: 3).dropLast()))
        expectRefused(.conflict, field: "electionId", problem: "balloting has not opened") {
            _ = try BallotDecisions.cast(ballot("m-1"), state: notOpen, receiptHash: "h", context: context)
        }
        let closed = ElectionState.folded(openElection(voters: 3) + [BallotingClosed(electionId: election)])
        expectRefused(.conflict, field: "electionId", problem: "balloting has closed") {
            _ = try BallotDecisions.cast(ballot("m-1"), state: closed, receiptHash: "h", context: context)
        }
    }

    @Test func aMemberVotesOnlyInTheirOwnName() throws {
        let state = ElectionState.folded(openElection(voters: 3))
        let member = ActingUser(userId: UserID("u-m1"), role: .member, memberId: MemberID("m-1"))
        expectRefused(.forbidden, field: "voter", problem: "a member may cast only their own ballot") {
            _ = try BallotDecisions.cast(ballot("m-2", by: member), state: state, receiptHash: "h", context: context)
        }
        _ = try BallotDecisions.cast(ballot("m-1", by: member), state: state, receiptHash: "h", context: context)
        expectRefused(.forbidden, field: "actor", problem: "may not castBallot") {
            _ = try BallotDecisions.cast(ballot("m-1", by: worker), state: state, receiptHash: "h", context: context)
        }
    }

    @Test func selectionsRespectSeatsAndCandidates() {
        let state = ElectionState.folded(openElection(voters: 3))
        expectRefused(.validation, field: "selections[0].candidateIds", problem: "chooses 3 for 2 seat(s)") {
            _ = try BallotDecisions.cast(ballot("m-1", ["cand-1", "cand-2", "cand-3"]), state: state, receiptHash: "h", context: context)
        }
        expectRefused(.validation, field: "selections[0].candidateIds", problem: "cand-9 is not a candidate for directors") {
            _ = try BallotDecisions.cast(ballot("m-1", ["cand-9"]), state: state, receiptHash: "h", context: context)
        }
        expectRefused(.validation, field: "selections[0].candidateIds", problem: "lists cand-1 more than once") {
            _ = try BallotDecisions.cast(ballot("m-1", ["cand-1", "cand-1"]), state: state, receiptHash: "h", context: context)
        }
    }

    @Test func aCastIsTheVoterAndTheSealedBallotInOneAppend() throws {
        let events = BallotDecisions.castEvents(election, voter: MemberID("m-1"), sealedBallot: Data([1, 2, 3]))
        #expect(events.map(\.eventType) == ["VotersParticipated", "BallotSealed"])
        #expect((events[0] as? VotersParticipated)?.voters == [MemberID("m-1")])
        #expect((events[1] as? BallotSealed)?.sealedBallot == Data([1, 2, 3]))
    }

    @Test func closeReleasesEveryBallotShuffledAndTalliesWithTies() throws {
        var history = openElection(voters: 6)
        var opened: [SecretBallot] = []
        for (voter, picks) in [("m-1", ["cand-1", "cand-2"]), ("m-2", ["cand-1", "cand-3"]), ("m-3", ["cand-2"]), ("m-4", ["cand-3"])] {
            let ballot = try BallotDecisions.cast(ballot(voter, picks), state: ElectionState.folded(history), receiptHash: voter, context: context)
            history += BallotDecisions.castEvents(election, voter: MemberID(voter), sealedBallot: Data(voter.utf8))
            opened.append(ballot)
        }
        let state = ElectionState.folded(history)
        var generator = SplitMix64(seed: 1)
        let close = CloseBalloting(actor: officer, electionId: election)
        let events = try BallotDecisions.close(close, state: state, openedBallots: opened, using: &generator)
        #expect(events.map(\.eventType) == ["BallotsRecorded", "BallotingClosed", "ElectionTallied"])
        let recorded = try #require(events.first as? BallotsRecorded)
        #expect(Set(recorded.ballots) == Set(opened))
        let tally = try #require(events.last as? ElectionTallied)
        #expect(tally.ballotsCounted == 4 && tally.votersOnRoll == 6)
        let result = try #require(tally.results.first)
        #expect(result.counts.map(\.votes) == [2, 2, 2])
        #expect(result.elected.isEmpty)
        #expect(result.tiedForLastSeat == [CandidateID("cand-1"), CandidateID("cand-2"), CandidateID("cand-3")])
        expectRefused(.conflict, field: "electionId", problem: "balloting has already closed") {
            _ = try BallotDecisions.close(close, state: ElectionState.folded(history + events), openedBallots: [], using: &generator)
        }
        expectRefused(.conflict, field: "electionId", problem: "has 3 ballots but 4 voters marked as having voted") {
            _ = try BallotDecisions.close(close, state: state, openedBallots: Array(opened.dropLast()), using: &generator)
        }
    }

    @Test func clearWinnersAreElected() {
        let ballots = [["cand-1", "cand-2"], ["cand-1", "cand-2"], ["cand-1", "cand-3"]].enumerated().map { index, picks in
            SecretBallot(receiptHash: "h\(index)", selections: [PositionSelection(positionId: directors, candidateIds: picks.map(CandidateID.init))])
        }
        let tally = Tally.count(state: ElectionState.folded(openElection(voters: 3)), extraBallots: ballots)
        #expect(tally.results.first?.elected == [CandidateID("cand-1"), CandidateID("cand-2")])
        #expect(tally.results.first?.tiedForLastSeat == [])
    }

    @Test func receiptCodesHashLooselyTypedAndDiffer() {
        var generator = SplitMix64(seed: 3)
        let code = ReceiptCode.make(using: &generator)
        #expect(code.count == 23)
        // SHA-256 of "ABC" (the code is uppercased before hashing).
        #expect(ReceiptCode.hash("abc") == "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78")
        #expect(ReceiptCode.hash(code) == ReceiptCode.hash(code.lowercased().replacingOccurrences(of: "-", with: " ")))
        #expect(ReceiptCode.hash(code) != ReceiptCode.hash(ReceiptCode.make(using: &generator)))
    }
}
