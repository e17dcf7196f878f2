import EventStore
import HarbourTestSupport
import Testing

@Suite("Append")
struct AppendTests {
    @Test("a batch gets gapless positions and contiguous versions")
    func positionsAndVersions() async throws {
        try await withTemporaryStore { store in
            let first = try await store.append(.samples(3), to: "client-1", expected: .noStream)
            let second = try await store.append(.samples(2), to: "client-2", expected: .noStream)
            let third = try await store.append(.samples(1), to: "client-1", expected: .exactly(2))
            #expect(first.positions == [1, 2, 3])
            #expect(first.streamVersion == 2)
            #expect(second.positions == [4, 5])
            #expect(third.positions == [6])
            #expect(third.streamVersion == 3)
            #expect(store.headPosition == 6)
            let stream = try store.readStream("client-1")
            #expect(stream.map(\.streamVersion) == [0, 1, 2, 3])
            #expect(stream.map(\.position) == [1, 2, 3, 6])
        }
    }

    @Test("a wrong expected version is refused with the actual version")
    func wrongExpectedVersion() async throws {
        try await withTemporaryStore { store in
            _ = try await store.append(.samples(2), to: "client-1")
            await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-1", expected: .exactly(0), actual: 1)) {
                try await store.append(.samples(1), to: "client-1", expected: .exactly(0))
            }
            await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-1", expected: .noStream, actual: 1)) {
                try await store.append(.samples(1), to: "client-1", expected: .noStream)
            }
            await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-9", expected: .streamExists, actual: nil)) {
                try await store.append(.samples(1), to: "client-9", expected: .streamExists)
            }
            await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "client-9", expected: .exactly(0), actual: nil)) {
                try await store.append(.samples(1), to: "client-9", expected: .exactly(0))
            }
            let error = EventStoreError.wrongExpectedVersion(stream: "client-1", expected: .exactly(0), actual: 1)
            #expect(error.description == "stream client-1: expected version 0, but it is at version 1")
        }
    }

    @Test("a failed batch leaves no trace: positions, heads and indexes unchanged")
    func failedBatchLeavesNoTrace() async throws {
        var limits = StoreLimits()
        limits.eventPayloadBytesMax = 64
        try await withTemporaryStore(configuration: StoreConfiguration(limits: limits)) { store in
            _ = try await store.append(.samples(2), to: "client-1")
            let before = try store.statistics()
            let conflicting = [ProposedEvent].samples(3, prefix: "conflict")
            await #expect(throws: EventStoreError.self) {
                try await store.append(conflicting, to: "client-1", expected: .exactly(7))
            }
            let oversized = [ProposedEvent.sample("small"), .sample(String(repeating: "x", count: 65))]
            await #expect(throws: EventStoreError.self) {
                try await store.append(oversized, to: "client-2")
            }
            #expect(store.headPosition == 2)
            #expect(try store.statistics().streams == before.streams)
            #expect(try store.streamVersion("client-1") == 1)
            #expect(try store.streamVersion("client-2") == nil)
            for event in conflicting + oversized {
                #expect(try store.position(ofEvent: event.eventId) == nil)
            }
            #expect(try store.readAll(limit: 10).count == 2)
            // The next append still lands at position 3: no position was burned.
            #expect(try await store.append(.samples(1), to: "client-2").positions == [3])
        }
    }

    @Test("every envelope field survives the round trip")
    func envelopeRoundTrip() async throws {
        try await withTemporaryStore { store in
            let event = ProposedEvent(
                eventType: "ServiceDelivered", schemaVersion: 2,
                occurredAt: Timestamp(iso8601: "2025-04-01T09:30:00Z")!, actor: "user-ana",
                correlationId: UUIDv7.make(), causationId: UUIDv7.make(), payload: Array("{\"minutes\":45}".utf8))
            let before = Timestamp.now()
            _ = try await store.append([event], to: "client-7")
            let recorded = try #require(try store.event(at: 1))
            #expect(recorded.matches(event, in: "client-7"))
            #expect(recorded.recordedAt >= before)
            #expect(recorded.hash != .zero && recorded.hash.description.count == 64)
            #expect(recorded.category == "client")
        }
    }
}
