@testable import EventStore
import Foundation
import HarbourTestSupport
import Testing

/// Two processes appending to one store (`harbour import` while the server runs): each writer
/// must see the other's events before it stages its own.
@Suite("Appends by another process")
struct AppendsElsewhereTests {
    @Test("the writer reads the log again when another process has appended: positions, versions, ids and indexes stay right")
    func appendsByAnotherProcess() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.child("store")
        let store = try EventStore.open(directory: path, configuration: UnindexedTailTests.manualCatchUp)
        _ = try await store.append(.samples(3), to: "client-1")
        _ = try await store.append(.samples(1), to: "member-1")
        // The child appends to the same stream and exits without closing: its events are in
        // the log only, past this writer's tail and past the indexes.
        let ids = (0..<2).map { _ in UUIDv7.make() }
        #expect(try UnindexedTailTests.runChild(["unindexed", path, "client-1"] + ids.map(\.uuidString)) == ["5,6"])

        // Staged on the stale tail this would collide with position 5 and see version 2.
        let next = try await store.append([.sample("after")], to: "client-1", expected: .exactly(4))
        #expect(next == AppendResult(positions: [7], streamVersion: 5, appended: true))
        #expect(await store.writerStatistics().appendsElsewhereFound == 1)
        await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-1", expected: .exactly(2), actual: 5)) {
            try await store.append([.sample("stale")], to: "client-1", expected: .exactly(2))
        }
        // The child's events are known by id: a retry gets their positions, other content is refused.
        let retry = try await store.append([UnindexedTailTests.tailEvent(ids[0])], to: "client-1")
        #expect(retry == AppendResult(positions: [5], streamVersion: 3, appended: false))
        var altered = UnindexedTailTests.tailEvent(ids[1])
        altered.actor = "someone-else"
        await #expect(throws: EventStoreError.eventIdConflict(eventId: ids[1], existingPosition: 6)) {
            try await store.append([altered], to: "client-2")
        }

        #expect(try store.readStream("client-1").map(\.position) == [1, 2, 3, 5, 6, 7])
        #expect(try store.readStream("client-1").map(\.streamVersion) == Array(0...5))
        await store.writer.catchUpIndexes()
        #expect(try store.read { try IndexedThrough.read(in: $0, layout: store.layout) } == 7)
        #expect(try store.readCategory("client", limit: 10).map(\.position) == [1, 2, 3, 5, 6, 7])
        #expect(try store.position(ofEvent: ids[1]) == 6)
        #expect(try store.verify().isIntact)
        await store.close()
    }
}
