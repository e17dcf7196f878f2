import Casework
import Crypto
import Events

/// The AGM of September 2025, on the calendar every generated history shares.
enum ElectionPlan {
    static let electionId = ElectionID("e-agm-2025")
    static let noticeDay = CalendarDate(year: 2025, month: 8, day: 20)!
    static let recordDate = CalendarDate(year: 2025, month: 8, day: 29)!
    static let meetingDay = CalendarDate(year: 2025, month: 9, day: 18)!
    static let turnout = 0.6

    enum Step {
        case fixRoll
        case vote
    }
}

/// The election follows the secret-ballot path of `CaseworkService.castBallot`: each ballot is
/// checked by `BallotDecisions` and sealed (`VotersParticipated` plus `BallotSealed` in one
/// append); closing opens them, releases them shuffled in `BallotsRecorded` and tallies. The
/// ballot key and nonces come from the seeded generator so a history stays reproducible.
extension AgencySimulation {
    private var officer: ActingUser { ActingUser(userId: Staff.electionOfficer, role: .electionOfficer) }

    mutating func callElection() {
        let id = ElectionPlan.electionId
        let standing = members.filter { $0.approved && ($0.termExpiresOn ?? day) > ElectionPlan.meetingDay }
        var events: [any DomainEvent] = [
            MeetingCalled(
                electionId: id, title: "Annual General Meeting 2025", noticeGivenOn: day, meetingOn: ElectionPlan.meetingDay,
                recordDate: ElectionPlan.recordDate),
            PositionAdded(electionId: id, positionId: PositionID("directors"), title: "Director", seats: 3),
            PositionAdded(electionId: id, positionId: PositionID("treasurer"), title: "Treasurer", seats: 1),
        ]
        for (index, member) in standing.shuffled(using: &random).prefix(7).enumerated() {
            let position = PositionID(index < 5 ? "directors" : "treasurer")
            events.append(
                CandidateNominated(
                    electionId: id, positionId: position, candidateId: CandidateID("cand-\(index + 1)"), memberId: member.id,
                    displayName: member.displayName))
        }
        recordElection(events)
        schedule(.election(.fixRoll), inDays: day.days(until: ElectionPlan.recordDate))
        schedule(.election(.vote), inDays: day.days(until: ElectionPlan.meetingDay))
    }

    mutating func perform(_ step: ElectionPlan.Step) {
        switch step {
        case .fixRoll:
            let voters = members.filter { $0.approved && ($0.termExpiresOn ?? day) > day }.map(\.id).sorted()
            recordElection([VoterRollFixed(electionId: ElectionPlan.electionId, recordDate: day, voters: voters)])
        case .vote:
            recordElection([BallotingOpened(electionId: ElectionPlan.electionId)])
            castBallots()
        }
    }

    private mutating func castBallots() {
        var state = ElectionState.folded(electionEvents)
        let key = SymmetricKey(data: (0..<4).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } })
        var opened: [SecretBallot] = []
        let context = DecisionContext(today: day)
        for voter in (state.roll ?? []).sorted() where random.chance(ElectionPlan.turnout) {
            let selections = state.positions.map { position in
                let standing = state.candidates.filter { $0.positionId == position.positionId }.map(\.candidateId)
                let chosen = standing.shuffled(using: &random).prefix(Int.random(in: 0...position.seats, using: &random))
                return PositionSelection(positionId: position.positionId, candidateIds: Array(chosen))
            }
            let code = ReceiptCode.make(using: &random)
            let request = CastBallot(actor: officer, electionId: ElectionPlan.electionId, voter: voter, selections: selections)
            guard let ballot = try? BallotDecisions.cast(request, state: state, receiptHash: ReceiptCode.hash(code), context: context),
                let nonce = try? AES.GCM.Nonce(data: (0..<12).map { _ in UInt8.random(in: 0...255, using: &random) }),
                let sealed = try? BallotSeal.seal(ballot, key: key, nonce: nonce)
            else { continue }
            let events = BallotDecisions.castEvents(ElectionPlan.electionId, voter: voter, sealedBallot: sealed)
            recordElection(events)
            for event in events { state.apply(event) }
            opened.append(ballot)
        }
        let close = CloseBalloting(actor: officer, electionId: ElectionPlan.electionId)
        if let events = try? BallotDecisions.close(close, state: state, openedBallots: opened, using: &random) {
            recordElection(events)
        }
    }

    private mutating func recordElection(_ events: [any DomainEvent]) {
        electionEvents += events
        recorder.record(events, actor: Staff.electionOfficer)
    }
}
