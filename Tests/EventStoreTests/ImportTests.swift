import EventStore
import HarbourTestSupport
import Testing

@Suite("Importing an exported log")
struct ImportTests {
    @Test("re-appending exported events with their recorded-at reproduces the hash chain")
    func sameChain() async throws {
        try await withTemporaryStore { original, directory in
            for index in 0..<12 { _ = try await original.append(.samples(1 + index % 3), to: "client-\(index % 4)") }
            let exported = try original.readAll(limit: .max)
            let copy = try EventStore.open(directory: directory.child("copy"))
            for record in exported {
                let event = ProposedEvent(
                    eventId: record.eventId, eventType: record.eventType, schemaVersion: record.schemaVersion,
                    occurredAt: record.occurredAt, actor: record.actor, correlationId: record.correlationId,
                    causationId: record.causationId, payload: record.payload, recordedAt: record.recordedAt)
                let expected: ExpectedVersion = record.streamVersion == 0 ? .noStream : .exactly(record.streamVersion - 1)
                _ = try await copy.append([event], to: record.streamId, expected: expected)
            }
            let copied = try copy.readAll(limit: .max)
            #expect(copied.map(\.hash) == exported.map(\.hash))
            #expect(copied == exported)
            await copy.close()
        }
    }

    @Test("an imported recorded-at earlier than the log's last is refused, naming the field")
    func recordedAtGoesBackwards() async throws {
        try await withTemporaryStore { store in
            _ = try await store.append(.samples(1), to: "client-1")
            let old = ProposedEvent(eventType: "SampleHappened", actor: "user-test", payload: [1], recordedAt: Timestamp(iso8601: "2020-01-01")!)
            let error = await #expect(throws: EventStoreError.self) { try await store.append([old], to: "client-1") }
            #expect(error?.description.hasPrefix("events[0].recordedAt is 2020-01-01T00:00:00.000000Z, earlier than") == true)
            #expect(store.headPosition == 1)
            #expect(try store.position(ofEvent: old.eventId) == nil)
        }
    }
}
