@testable import Casework
import EventStore
import Events
import Foundation
import HarbourTestSupport
import Synchronization
import Testing

/// Commands through `CaseworkService` into a real event store in a temporary folder.
@Suite struct ServiceIntegrationTests {
    static let noon = Timestamp(iso8601: "2025-06-15T12:00:00Z")!

    func service(_ log: any EventLog) -> CaseworkService {
        CaseworkService(log: log, timeZone: TimeZone(identifier: "UTC")!, clock: { Self.noon })
    }

    @Test func commandsAppendEventsWithTheirEnvelope() async throws {
        try await withTemporaryStore { store in
            let service = service(store)
            let correlation = UUID()
            try await service.execute(registerClient(), correlationId: correlation)
            let outcome = try await service.execute(recordService(on: "2025-05-01"))
            #expect(outcome.streamVersion == 1)
            let records = try store.readStream("client-c-1")
            #expect(records.map(\.eventType) == ["ClientRegistered", "ServiceDelivered"])
            #expect(records[0].actor == "u-worker" && records[0].correlationId == correlation)
            #expect(records[1].occurredAt == Timestamp(iso8601: "2025-05-01T00:00:00Z"), "occurred-at is the business day")
            #expect(records[1].recordedAt > records[1].occurredAt)
            #expect(try records[1].decoded().isEqual(to: recordService(on: "2025-05-01").decideEvent))
        }
    }

    @Test func duplicateCheckReadsOtherClientsFromTheLog() async throws {
        try await withTemporaryStore { store in
            let service = service(store)
            try await service.execute(registerClient("c-1"))
            await #expect(throws: DomainError.conflict("uci", "is already the UCI of client c-1; give duplicateOverrideReason to register anyway")) {
                try await service.execute(registerClient("c-2"))
            }
            await #expect(throws: DomainError.self) { try await service.execute(registerClient("c-3", givenNames: "AMINA ", uci: nil)) }
            try await service.execute(registerClient("c-4", uci: nil, override: "Twin sister"))
            let registered = try store.readStream("client-c-4")[0].decoded() as? ClientRegistered
            #expect(registered?.duplicateOverride?.matchedClientIds == [ClientID("c-1")])
        }
    }

    @Test func referralChecksTheClientsConsentInItsStream() async throws {
        try await withTemporaryStore { store in
            let service = service(store)
            try await service.execute(registerClient(consents: consents(partners: false)))
            try await service.execute(
                RegisterPartner(actor: supervisor, partnerId: PartnerID("p-1"), name: "Housing", funding: .hybrid, francophone: false, servicesOffered: [.housing]))
            let referral = MakeReferral(
                actor: worker, referralId: ReferralID("r-1"), clientId: ClientID("c-1"), madeOn: today,
                target: .partner(PartnerID("p-1")), needDomain: .housing, note: nil)
            await #expect(throws: DomainError.self) { try await service.execute(referral) }
            try await service.execute(RecordConsent(actor: worker, clientId: ClientID("c-1"), kind: .shareWithPartners, granted: true, recordedOn: today))
            try await service.execute(referral)
            #expect(try store.streamVersion("referral-r-1") == 0)
        }
    }

    @Test func conflictsAreRetriedThenReported() async throws {
        try await withTemporaryStore { store in
            try await service(store).execute(registerClient())
            let racing = RacingLog(store: store, races: 2)
            try await service(racing).execute(recordService())
            #expect(racing.attempts == 3)
            let hopeless = RacingLog(store: store, races: 100)
            await #expect(throws: DomainError.conflict("streamId", "client-c-1 kept changing while the command was decided; gave up after 3 retries")) {
                try await service(hopeless).execute(recordService(id: "s-2"))
            }
            #expect(hopeless.attempts == CaseworkService.conflictRetriesMax + 1)
        }
    }

    @Test func version1PayloadsInTheStoreAreUpcastOnLoad() async throws {
        try await withTemporaryStore { store in
            try await service(store).execute(registerClient())
            let payload = UpcasterV1.payload
            _ = try await store.append(
                [ProposedEvent(eventType: "ServiceDelivered", schemaVersion: 1, actor: "u-old", payload: Array(payload.utf8))],
                to: "client-c-1", expected: .exactly(0))
            let history = try StreamHistory(streamId: "client-c-1", records: store.readStream("client-c-1"))
            #expect((history.entries[1].event as? ServiceDelivered)?.minutes == 150)
            #expect(ClientState.folded(try history.effectiveEvents()).serviceIds == [ServiceID("s-old")])
        }
    }

    @Test func electionEndToEndKeepsBallotsSecretAndReceiptsCheckable() async throws {
        try await withTemporaryStore { store in
            let service = service(store)
            for index in 1...6 { try await enrol(MemberID("m-\(index)"), through: service) }
            try await service.execute(callMeeting(notice: "2025-06-01", meeting: "2025-06-30", record: "2025-06-10", batch: 5))
            try await service.execute(AddPosition(actor: officer, electionId: election, positionId: directors, title: "Director", seats: 2))
            for index in 1...3 {
                try await service.execute(
                    NominateCandidate(actor: officer, electionId: election, positionId: directors, candidateId: CandidateID("cand-\(index)"),
                        memberId: MemberID("m-\(index)"), displayName: "Candidate \(index)"))
            }
            try await service.execute(FixVoterRoll(actor: officer, electionId: election))
            try await service.execute(OpenBalloting(actor: officer, electionId: election))
            var receipts: [BallotReceipt] = []
            for index in 1...6 { receipts.append(try await service.castBallot(ballot("m-\(index)"))) }
            #expect(service.heldBallotCount(election) == 6, "fewer than two batches held: nothing released yet")
            await #expect(throws: DomainError.conflict("voter", "m-1 has already voted")) { try await service.castBallot(ballot("m-1")) }
            try await service.closeBalloting(CloseBalloting(actor: officer, electionId: election))
            let state = try ElectionState.load(
                from: StreamHistory(streamId: "election-e-1", records: store.readStream("election-e-1")), registry: .standard)
            #expect(state.participants.count == 6 && state.ballots.count == 6)
            #expect(receipts.allSatisfy { state.containsBallot(withReceipt: $0.code) })
            #expect(state.tally?.results.first?.elected == [CandidateID("cand-1")])
            let payloads = try store.readStream("election-e-1").filter { $0.eventType == "BallotsRecorded" }.map { String(decoding: $0.payload, as: UTF8.self) }
            #expect(payloads.allSatisfy { !$0.contains("m-") }, "no member id next to the choices")
        }
    }

    func enrol(_ member: MemberID, through service: CaseworkService) async throws {
        try await service.execute(
            ApplyForMembership(actor: administrator, memberId: member, kind: .individual, appliedOn: day("2025-01-01"),
                details: MemberDetails(displayName: member.rawValue, representativeName: nil, contact: ContactDetails()),
                eligibility: .citizen, eligibilityAttestedOn: day("2025-01-01")))
        try await service.execute(ApproveMember(actor: administrator, memberId: member, approvedOn: day("2025-01-02")))
        try await service.execute(RecordDues(actor: accountant, memberId: member, paidOn: day("2025-01-02"), amountCents: 1_000, termMonths: 12))
    }
}

enum UpcasterV1 {
    static let payload = #"""
        {"clientId":"c-1","component":"informationAndOrientation","deliveredOn":"2025-04-01","hours":2.5,\#
        "interpreterUsed":false,"language":"ar","mode":"inPerson","outcome":"completed","serviceId":"s-old","workerId":"u-old"}
        """#
}

/// An event log where another writer appends to the stream just before each of the first
/// `races` appends, so those appends meet `wrongExpectedVersion`.
final class RacingLog: EventLog {
    let store: EventStore
    let races: Int
    private let count = Mutex(0)

    init(store: EventStore, races: Int) {
        self.store = store
        self.races = races
    }

    var attempts: Int { count.withLock { $0 } }

    func append(_ events: [ProposedEvent], to stream: String, expected: ExpectedVersion) async throws -> AppendResult {
        let attempt = count.withLock { value -> Int in
            value += 1
            return value
        }
        if attempt <= races {
            let view = try EventCoding.encode(ClientFileViewed(clientId: ClientID("c-1"), purpose: .supervision))
            _ = try await store.append([ProposedEvent(eventType: "ClientFileViewed", actor: "u-other", payload: view)], to: stream)
        }
        return try await store.append(events, to: stream, expected: expected)
    }

    func events(inStream stream: String) throws -> [RecordedEvent] { try store.events(inStream: stream) }
    func events(inCategory category: String) throws -> [RecordedEvent] { try store.events(inCategory: category) }
}
