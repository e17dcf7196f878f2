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

    @Test func viewsGoToTheAccessStreamAndLeaveTheClientsVersionAlone() async throws {
        try await withTemporaryStore { store in
            let service = service(store)
            try await service.execute(registerClient("c-1"))
            let before = try store.streamVersion("client-c-1")
            try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-1"), purpose: .casework))
            try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-1"), purpose: .supervision))
            #expect(try store.streamVersion("client-c-1") == before)
            #expect(try store.readStream("access-c-1").map(\.eventType) == ["ClientFileViewed", "ClientFileViewed"])
            await #expect(throws: DomainError.self) {
                try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-404"), purpose: .casework))
            }
            #expect(try store.readStream("access-c-404").isEmpty)
        }
    }

    @Test func aViewReadsOnlyTheAccessStreamsVersionAndDecodesNothingOfIt() async throws {
        try await withTemporaryStore { store in
            // A payload no decoder accepts: a view that decoded the stream's last event would fail.
            _ = try await store.append([ProposedEvent(eventType: "ClientFileViewed", actor: "u-other", payload: Array("{".utf8))], to: "access-c-1")
            let history = try FactReader(log: store, clients: LogDirectory(log: store), members: LogDirectory(log: store), users: LogDirectory(log: store))
                .history(of: "access-c-1", for: AccessLogState.self)
            #expect(history.version == 0)
            #expect(history.entries.isEmpty)
            let service = service(store)
            try await service.execute(registerClient("c-1"))
            try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-1"), purpose: .casework))
            #expect(try store.readStream("access-c-1").map(\.streamVersion) == [0, 1])
        }
    }

    /// A log that counts which streams were read, and how.
    final class CountingLog: EventLog {
        let store: EventStore
        let reads = Mutex<[String]>([])
        init(_ store: EventStore) { self.store = store }
        func append(_ events: [ProposedEvent], to stream: String, expected: ExpectedVersion) async throws -> AppendResult {
            try await store.append(events, to: stream, expected: expected)
        }
        func events(inStream stream: String) throws -> [RecordedEvent] { note("events \(stream)"); return try store.events(inStream: stream) }
        func events(inCategory category: String) throws -> [RecordedEvent] { note("category \(category)"); return try store.events(inCategory: category) }
        func event(withId eventId: UUID) throws -> RecordedEvent? { note("id"); return try store.event(withId: eventId) }
        func firstEvent(inStream stream: String) throws -> RecordedEvent? { note("first \(stream)"); return try store.firstEvent(inStream: stream) }
        func lastEvent(inStream stream: String) throws -> RecordedEvent? { note("last \(stream)"); return try store.lastEvent(inStream: stream) }
        func version(ofStream stream: String) throws -> UInt64? { note("version \(stream)"); return try store.version(ofStream: stream) }
        func note(_ read: String) { reads.withLock { $0.append(read) } }
        func taken() -> [String] { reads.withLock { reads in defer { reads.removeAll() }; return reads } }
    }

    @Test func aViewReadsNothingOfTheAccessStreamAndTheRegistrationOnce() async throws {
        try await withTemporaryStore { store in
            let log = CountingLog(store)
            let service = service(log)
            try await service.execute(registerClient("c-1"))
            _ = log.taken()
            try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-1"), purpose: .casework))
            #expect(log.taken() == ["first client-c-1"])
            // Registered stays registered: the second view reads nothing at all.
            try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-1"), purpose: .casework))
            #expect(log.taken() == [])
            #expect(try store.readStream("access-c-1").map(\.streamVersion) == [0, 1])
            // An unregistered client is looked for every time, and never remembered.
            for _ in 0..<2 {
                await #expect(throws: DomainError.self) {
                    try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-404"), purpose: .casework))
                }
                #expect(log.taken() == ["first client-c-404"])
            }
            // A pinned version is read and checked.
            let pinned = WriteConditions(idempotencyKey: nil, expectedVersion: 0)
            await #expect(throws: WriteConditionError.self) {
                try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-1"), purpose: .casework), conditions: pinned)
            }
            #expect(log.taken() == ["version access-c-1"])
            let current = WriteConditions(idempotencyKey: nil, expectedVersion: 1)
            try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-1"), purpose: .casework), conditions: current)
            #expect(try store.readStream("access-c-1").map(\.streamVersion) == [0, 1, 2])
        }
    }

    @Test func concurrentViewsOfOneFileAllAppendWithoutConflicts() async throws {
        try await withTemporaryStore { store in
            let service = service(store)
            try await service.execute(registerClient("c-1"))
            // More concurrent views than the conflict retries could absorb if each expected the
            // access stream's version: none reads the stream, so none can lose a race on it.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await service.execute(RecordFileView(actor: worker, clientId: ClientID("c-1"), purpose: .casework)) }
                }
                try await group.waitForAll()
            }
            #expect(try store.readStream("access-c-1").map(\.streamVersion) == Array(0..<40))
        }
    }

    @Test func electionEndToEndKeepsBallotsSecretAndReceiptsCheckable() async throws {
        try await withTemporaryStore { store in
            let service = service(store)
            try await setUpOpenElection(voters: 6, through: service)
            var receipts: [BallotReceipt] = []
            for index in 1...6 { receipts.append(try await service.castBallot(ballot("m-\(index)"))) }
            await #expect(throws: DomainError.conflict("voter", "m-1 has already voted")) { try await service.castBallot(ballot("m-1")) }
            let sealed = try electionState(store)
            #expect(sealed.participants.count == 6 && sealed.sealedBallots.count == 6 && sealed.ballots.isEmpty)
            let keyFile = BallotKeyDirectory.beside(store).location(of: election)
            #expect(FileManager.default.fileExists(atPath: keyFile))
            let sealedPayloads = try payloads(of: "BallotSealed", in: store)
            #expect(sealedPayloads.count == 6 && sealedPayloads.allSatisfy { !$0.contains("cand-") }, "choices are not in clear before close")
            #expect(Set(try store.readStream("election-e-1").filter { $0.eventType == "BallotSealed" }.map(\.payload.count)).count == 1,
                "every sealed ballot has the same size")

            try await service.closeBalloting(CloseBalloting(actor: officer, electionId: election))
            let state = try electionState(store)
            #expect(state.participants.count == 6 && state.ballots.count == 6)
            #expect(receipts.allSatisfy { state.containsBallot(withReceipt: $0.code) })
            #expect(state.tally?.results.first?.elected == [CandidateID("cand-1")])
            #expect(try payloads(of: "BallotsRecorded", in: store).allSatisfy { !$0.contains("m-") }, "no member id next to the choices")
            #expect(!FileManager.default.fileExists(atPath: keyFile), "the ballot key is destroyed at close")
        }
    }

    @Test func castBallotsSurviveARestartAndAreTalliedAfterIt() async throws {
        try await withTemporaryStore { store, directory in
            try await setUpOpenElection(voters: 4, through: service(store))
            let receipt = try await service(store).castBallot(ballot("m-1"))
            _ = try await service(store).castBallot(ballot("m-2", ["cand-2"]))
            await store.close()
            let reopened = try EventStore.open(directory: directory.child("store"))
            let fresh = service(reopened)
            await #expect(throws: DomainError.conflict("voter", "m-2 has already voted")) { try await fresh.castBallot(ballot("m-2")) }
            try await fresh.closeBalloting(CloseBalloting(actor: officer, electionId: election))
            let state = try electionState(reopened)
            #expect(state.ballots.count == 2 && state.containsBallot(withReceipt: receipt.code))
            #expect(state.tally?.ballotsCounted == 2)
            await reopened.close()
        }
    }

    @Test func closingWithoutTheBallotKeyFailsClearlyAndChangesNothing() async throws {
        try await withTemporaryStore { store in
            let service = service(store)
            try await setUpOpenElection(voters: 3, through: service)
            _ = try await service.castBallot(ballot("m-1"))
            let keys = BallotKeyDirectory.beside(store)
            try FileManager.default.moveItem(atPath: keys.location(of: election), toPath: keys.location(of: election) + ".away")
            let head = store.headPosition
            await #expect(throws: BallotKeyError.keyMissing(election: election, location: keys.location(of: election))) {
                try await service.closeBalloting(CloseBalloting(actor: officer, electionId: election))
            }
            #expect(store.headPosition == head)
            try FileManager.default.moveItem(atPath: keys.location(of: election) + ".away", toPath: keys.location(of: election))
            try await service.closeBalloting(CloseBalloting(actor: officer, electionId: election))
            #expect(try electionState(store).tally?.ballotsCounted == 1)
        }
    }

    func setUpOpenElection(voters: Int, through service: CaseworkService) async throws {
        for index in 1...voters { try await enrol(MemberID("m-\(index)"), through: service) }
        try await service.execute(callMeeting(notice: "2025-06-01", meeting: "2025-06-30", record: "2025-06-10"))
        try await service.execute(AddPosition(actor: officer, electionId: election, positionId: directors, title: "Director", seats: 2))
        for index in 1...3 {
            try await service.execute(
                NominateCandidate(actor: officer, electionId: election, positionId: directors, candidateId: CandidateID("cand-\(index)"),
                    memberId: MemberID("m-\(index)"), displayName: "Candidate \(index)"))
        }
        try await service.execute(FixVoterRoll(actor: officer, electionId: election))
        try await service.execute(OpenBalloting(actor: officer, electionId: election))
    }

    func electionState(_ store: EventStore) throws -> ElectionState {
        try ElectionState.load(from: StreamHistory(streamId: "election-e-1", records: store.readStream("election-e-1")), registry: .standard)
    }

    func payloads(of eventType: String, in store: EventStore) throws -> [String] {
        try store.readStream("election-e-1").filter { $0.eventType == eventType }.map { String(decoding: $0.payload, as: UTF8.self) }
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
    func event(withId eventId: UUID) throws -> RecordedEvent? { try store.event(withId: eventId) }
}
