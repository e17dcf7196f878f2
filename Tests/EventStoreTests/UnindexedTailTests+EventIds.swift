@testable import EventStore
import Foundation
import HarbourTestSupport
import LMDB
import Testing

/// Event ids reach the `event-ids` index with the other entries, behind the log: until then
/// idempotent retries, conflicts and lookups by id must find them in the tail.
extension UnindexedTailTests {
    /// The position the `event-ids` database itself holds for `id`.
    private func indexedPosition(of id: UUID, in store: EventStore) throws -> UInt64? {
        try store.read { try $0.get(store.layout.eventIds, key: StoreLayout.eventIdKey(id)).map { BigEndian.uint64($0) } }
    }

    @Test("ids in the tail: a retry gets the original positions, other content is refused, lookups find them",
          arguments: [TailSource.publishedOrLog, .log])
    func eventIdsInTail(source: TailSource) async throws {
        try await withTemporaryStore(configuration: Self.manualCatchUp) { store in
            try await indexedThenTail(store)
            let batch = [ProposedEvent].samples(2, prefix: "retried")
            let original = try await store.append(batch, to: "client-3", expected: .noStream)
            #expect(original.positions == [13, 14])
            #expect(try indexedPosition(of: batch[0].eventId, in: store) == nil, "the append's commit wrote the log only")
            #expect(try store.position(ofEvent: batch[1].eventId, source: source) == 14)
            #expect(try store.position(ofEvent: UUIDv7.make(), source: source) == nil)

            let retry = try await store.append(batch, to: "client-3", expected: .noStream)
            #expect(retry == AppendResult(positions: [13, 14], streamVersion: 1, appended: false))
            var altered = batch[1]
            altered.payload = Array("altered".utf8)
            await #expect(throws: EventStoreError.eventIdConflict(eventId: altered.eventId, existingPosition: 14)) {
                try await store.append([altered], to: "client-3")
            }
            await #expect(throws: EventStoreError.partialRetry(stream: "client-3", alreadyAppended: 1, of: 2)) {
                try await store.append([batch[0], .sample("new")], to: "client-3")
            }
            #expect(store.headPosition == 14)

            await store.writer.catchUpIndexes()
            #expect(try indexedPosition(of: batch[0].eventId, in: store) == 13)
            #expect(try indexedPosition(of: batch[1].eventId, in: store) == 14)
            #expect(try await store.append(batch, to: "client-3").appended == false)
            #expect(try store.verify().isIntact)
        }
    }

    @Test("requests of one commit see each other's ids, and a clash claims none of the request's ids")
    func eventIdsWithinOneCommit() async throws {
        try await withTemporaryStore(configuration: Self.manualCatchUp) { store in
            let first = ProposedEvent.sample("first")
            let second = ProposedEvent.sample("second")
            var clashing = first
            clashing.payload = Array("other".utf8)
            let outcomes = try await store.append([
                StreamAppend(stream: "client-1", events: [first]),
                StreamAppend(stream: "client-2", events: [second, clashing]),
                StreamAppend(stream: "client-1", events: [first]),
                StreamAppend(stream: "client-3", events: [second]),
            ])
            #expect(try outcomes[0].get().positions == [1])
            #expect(throws: EventStoreError.eventIdConflict(eventId: first.eventId, existingPosition: 1)) { try outcomes[1].get() }
            #expect(try outcomes[2].get() == AppendResult(positions: [1], streamVersion: 0, appended: false))
            // The failed request's `second` was never claimed, so it is new here.
            #expect(try outcomes[3].get().positions == [2])
            let tail = store.tailIndex.current
            #expect(tail.eventIds.count == 2)
            #expect(tail.position(ofEvent: UUIDOrder(first.eventId)) == 1 && tail.position(ofEvent: UUIDOrder(second.eventId)) == 2)
        }
    }

    @Test("the catch-up accepts ids a format 2 store already indexed and refuses ones indexed elsewhere")
    func eventIdsAlreadyIndexed() async throws {
        try await withTemporaryStore(configuration: Self.manualCatchUp) { store in
            let events = [ProposedEvent].samples(3)
            _ = try await store.append(events, to: "client-1")
            // What a format 2 build left: the first id indexed with the log, past indexed-through.
            try store.environment.write { transaction in
                try transaction.put(store.layout.eventIds, key: StoreLayout.eventIdKey(events[0].eventId), value: BigEndian.bytes(1))
            }
            await store.writer.catchUpIndexes()
            #expect(store.tailIndex.current.eventCount == 0)
            #expect(try indexedPosition(of: events[2].eventId, in: store) == 3)
            #expect(try store.verify().isIntact)

            let later = ProposedEvent.sample("later")
            _ = try await store.append([later], to: "client-1")
            try store.environment.write { transaction in
                try transaction.put(store.layout.eventIds, key: StoreLayout.eventIdKey(later.eventId), value: BigEndian.bytes(2))
            }
            await store.writer.catchUpIndexes()
            #expect(store.tailIndex.current.eventCount == 1, "the catch-up failed and left the tail as it was")
            #expect(try store.verify().firstProblem?.position == 4)
        }
    }

    @Test("ids of a tail left by a crash: found after a reopen and by another process")
    func eventIdsAfterCrash() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        let ids = (0..<3).map { _ in UUIDv7.make() }
        // The child appends and exits without closing: its events are in the log only.
        let appended = try Self.runChild(["unindexed", path, "client-1"] + ids.map(\.uuidString))
        #expect(appended == ["1,2,3"])

        let store = try EventStore.open(directory: path, configuration: Self.manualCatchUp)
        #expect(store.tailIndex.current.eventCount == 3)
        #expect(try indexedPosition(of: ids[0], in: store) == nil)
        #expect(try store.position(ofEvent: ids[2]) == 3)
        let events = ids.map(Self.tailEvent)
        #expect(try await store.append(events, to: "client-1", expected: .noStream) == AppendResult(positions: [1, 2, 3], streamVersion: 2, appended: false))
        var altered = events[1]
        altered.actor = "someone-else"
        await #expect(throws: EventStoreError.eventIdConflict(eventId: ids[1], existingPosition: 2)) {
            try await store.append([altered], to: "client-2")
        }

        let added = ProposedEvent.sample("added")
        _ = try await store.append([added], to: "client-2")
        // Another process finds the ids by scanning the log past indexed-through.
        let looked = try Self.runChild(["lookup", path, ids[0].uuidString, added.eventId.uuidString, UUIDv7.make().uuidString])
        #expect(looked == ["1", "4", "none"])
        #expect(try indexedPosition(of: added.eventId, in: store) == 4, "the child's close caught the indexes up")
        await store.writer.catchUpIndexes()
        #expect(try store.verify().isIntact)
        await store.close()
    }

    /// What `CrashAppender unindexed` appends for `id`.
    static func tailEvent(_ id: UUID) -> ProposedEvent {
        ProposedEvent(
            eventId: id, eventType: "TailTested", occurredAt: Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_000),
            actor: "crash-appender", payload: Array("tail \(id.uuidString)".utf8))
    }
}
