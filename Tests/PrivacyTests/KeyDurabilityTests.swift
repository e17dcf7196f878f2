import AgencyHistory
import Casework
import EventStore
import Events
import Foundation
import HarbourTestSupport
@_spi(Testing) import Privacy
import Testing

/// Keys are created without a durable commit each and stored together before the append that
/// first uses them: no sealed field may ever reach the log before its key is on disk.
@Suite struct KeyDurabilityTests {
    /// A sealed box reached the log while its key was still only in memory.
    struct KeyNotStored: Error, CustomStringConvertible {
        let keyId: String
        let stream: String
        var description: String { "a box sealed with \(keyId) was appended to \(stream) before the key was stored" }
    }

    /// The store, refusing any append that carries a box whose key is not stored yet.
    struct KeyCheckingLog: EventLog {
        let store: EventStore
        let ring: KeyRing

        func append(_ events: [ProposedEvent], to stream: String, expected: ExpectedVersion) async throws -> AppendResult {
            _ = try KeyDurabilityTests.check(events, stream: stream, ring: ring)
            return try await store.append(events, to: stream, expected: expected)
        }

        func events(inStream stream: String) throws -> [RecordedEvent] { try store.events(inStream: stream) }
        func events(inCategory category: String) throws -> [RecordedEvent] { try store.events(inCategory: category) }
        func event(withId eventId: UUID) throws -> RecordedEvent? { try store.event(withId: eventId) }
    }

    static func check(_ events: [ProposedEvent], stream: String, ring: KeyRing) throws -> Int {
        var boxes = 0
        for event in events {
            for box in try SealedPayloads.boxes(in: event.payload) {
                guard try ring.isStored(box.keyId) else { throw KeyNotStored(keyId: box.keyId, stream: stream) }
                boxes += 1
            }
        }
        return boxes
    }

    @Test("the casework service stores a new stream's key before the append that uses it, a referral's under its client")
    func caseworkStoresKeysBeforeAppending() async throws {
        try await withTemporaryStore { store in
            let ring = try KeyRing.open(dataDirectory: store.directory, master: MasterKey.generate())
            let service = CaseworkService(log: KeyCheckingLog(store: store, ring: ring), timeZone: .gmt, keys: ring)
            try await service.execute(PrivacyFixtures.register("c-1"))
            try await service.execute(
                MakeReferral(
                    actor: PrivacyFixtures.worker, referralId: ReferralID("r-1"), clientId: ClientID("c-1"), madeOn: PrivacyFixtures.today,
                    target: .internalProgram("Housing help"), needDomain: .housing, note: "Needs a ground-floor flat"))
            #expect(try ring.isStored("client-c-1"))
            #expect(try ring.isStored("referral-r-1"))
            let referral = try #require(try store.readStream("referral-r-1").first)
            #expect(try SealedPayloads.boxes(in: referral.payload).map(\.keyId) == ["referral-r-1"])
            try ring.destroyKeys(ownedBy: "client-c-1")
            #expect(try ring.isStored("referral-r-1") == false, "the referral's key is its client's")
        }
    }

    @Test("a key made but never appended with is not stored, and dies with its owner's erasure")
    func pendingKeysAreNotStoredUntilMadeDurable() throws {
        let data = try TemporaryDirectory()
        defer { data.remove() }
        let ring = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        let box = try ring.seal(Data("Amina".utf8), keyId: "client-c-1", owner: "client-c-1")
        _ = try ring.seal(Data("Omar".utf8), keyId: "client-c-2", owner: "client-c-2")
        #expect(try ring.isStored("client-c-1") == false)
        #expect(try ring.open(box) == Data("Amina".utf8))
        #expect(try ring.keyCount() == 2)
        try ring.destroyKeys(ownedBy: "client-c-1")
        try ring.makeKeysDurable()
        #expect(try ring.isStored("client-c-1") == false)
        #expect(try ring.isStored("client-c-2"))
        #expect(try ring.open(box) == nil)
    }

    @Test("a generated sealed history hands out each batch only once its keys are stored")
    func generatedBatchesCarryStoredKeysOnly() async throws {
        let data = try TemporaryDirectory()
        defer { data.remove() }
        let ring = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        var boxes = 0
        for batch in AgencyHistory(seed: 3, count: 2_000, sealer: ring).batches(eventsPerBatch: 250) {
            for append in batch { boxes += try Self.check(append.events, stream: append.stream, ring: ring) }
        }
        #expect(boxes > 100)
    }
}
