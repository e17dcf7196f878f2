@testable import Casework
import Events

let election = ElectionID("e-1")
let directors = PositionID("directors")

func callMeeting(notice: String = "2025-05-01", meeting: String = "2025-06-01", record: String = "2025-05-01") -> CallMeeting {
    CallMeeting(
        actor: officer, electionId: election, title: "AGM", noticeGivenOn: day(notice), meetingOn: day(meeting),
        recordDate: day(record))
}

/// An open election with `voters` on the roll, two director seats and three candidates.
func openElection(voters: Int) -> [any DomainEvent] {
    [
        MeetingCalled(
            electionId: election, title: "AGM", noticeGivenOn: day("2025-05-01"), meetingOn: day("2025-06-01"),
            recordDate: day("2025-05-01")),
        PositionAdded(electionId: election, positionId: directors, title: "Director", seats: 2),
        CandidateNominated(electionId: election, positionId: directors, candidateId: CandidateID("cand-1"), memberId: MemberID("m-1"), displayName: "A"),
        CandidateNominated(electionId: election, positionId: directors, candidateId: CandidateID("cand-2"), memberId: MemberID("m-2"), displayName: "B"),
        CandidateNominated(electionId: election, positionId: directors, candidateId: CandidateID("cand-3"), memberId: MemberID("m-3"), displayName: "C"),
        VoterRollFixed(electionId: election, recordDate: day("2025-05-01"), voters: (1...max(voters, 1)).prefix(voters).map { MemberID("m-\($0)") }.sorted()),
        BallotingOpened(electionId: election),
    ]
}

func ballot(_ voter: String, _ candidates: [String] = ["cand-1"], by actor: ActingUser = officer) -> CastBallot {
    CastBallot(
        actor: actor, electionId: election, voter: MemberID(voter),
        selections: [PositionSelection(positionId: directors, candidateIds: candidates.map(CandidateID.init))])
}

/// A member in good standing from 2024-01-20 for a year at a time, paid through 2026-01-20.
func memberInGoodStanding(_ id: String, kind: MembershipKind = .individual) -> MemberState {
    MemberState.folded([
        MembershipApplied(
            memberId: MemberID(id), kind: kind, appliedOn: day("2024-01-10"),
            details: MemberDetails(displayName: id, representativeName: kind == .organizational ? "Rep" : nil, contact: ContactDetails()),
            eligibility: .citizen, eligibilityAttestedOn: day("2024-01-10")),
        MemberApproved(memberId: MemberID(id), approvedOn: day("2024-01-20")),
        DuesPaid(memberId: MemberID(id), paidOn: day("2024-01-20"), amountCents: 2_000, termMonths: 24,
            termStartsOn: day("2024-01-20"), termExpiresOn: day("2026-01-20")),
    ])
}
