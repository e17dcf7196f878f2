import EventStore
import HarbourTestSupport
import Testing

@Suite("Idempotent retry")
struct IdempotencyTests {
    @Test("retrying the same batch returns the original positions and writes nothing")
    func sameContent() async throws {
        try await withTemporaryStore { store in
            let batch = [ProposedEvent].samples(3)
            let original = try await store.append(batch, to: "client-1", expected: .noStream)
            _ = try await store.append(.samples(1), to: "client-2")
            // Even with an expectation that no longer holds, a true retry succeeds.
            let retry = try await store.append(batch, to: "client-1", expected: .noStream)
            #expect(retry.positions == original.positions)
            #expect(retry.streamVersion == original.streamVersion)
            #expect(retry.appended == false)
            #expect(store.headPosition == 4)
        }
    }

    @Test("the same event id with other content is an error")
    func differentContent() async throws {
        try await withTemporaryStore { store in
            let event = ProposedEvent.sample("original")
            _ = try await store.append([event], to: "client-1")
            var altered = event
            altered.payload = Array("altered".utf8)
            await #expect(throws: EventStoreError.eventIdConflict(eventId: event.eventId, existingPosition: 1)) {
                try await store.append([altered], to: "client-1")
            }
            await #expect(throws: EventStoreError.eventIdConflict(eventId: event.eventId, existingPosition: 1)) {
                try await store.append([event], to: "client-2")
            }
            #expect(store.headPosition == 1)
        }
    }

    @Test("a batch mixing logged and new ids is refused as a partial retry")
    func partialRetry() async throws {
        try await withTemporaryStore { store in
            let logged = ProposedEvent.sample("logged")
            _ = try await store.append([logged], to: "client-1")
            await #expect(throws: EventStoreError.partialRetry(stream: "client-1", alreadyAppended: 1, of: 2)) {
                try await store.append([logged, .sample("new")], to: "client-1")
            }
            #expect(store.headPosition == 1)
        }
    }

    @Test("a duplicate id inside one batch is refused")
    func duplicateInBatch() async throws {
        try await withTemporaryStore { store in
            let event = ProposedEvent.sample()
            await #expect(throws: EventStoreError.duplicateEventInBatch(eventId: event.eventId)) {
                try await store.append([event, event], to: "client-1")
            }
            #expect(store.headPosition == 0)
        }
    }

    @Test("concurrent retries of one batch append it once")
    func concurrentRetries() async throws {
        try await withTemporaryStore { store in
            let batch = [ProposedEvent].samples(2)
            let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
                for _ in 0..<16 { group.addTask { try await store.append(batch, to: "client-1") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter(\.appended).count == 1)
            #expect(Set(results.map(\.positions)) == [[1, 2]])
            #expect(store.headPosition == 2)
        }
    }
}
