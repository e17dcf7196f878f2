import EventStore
import HarbourTestSupport
import Testing

@Suite("Limits and bad input")
struct LimitsTests {
    static let limits = StoreLimits(eventPayloadBytesMax: 100, batchEventsMax: 5, streamIdBytesMax: 20, eventTypeBytesMax: 20, actorBytesMax: 10)

    @Test("each limit is named in its error and nothing is written", arguments: [
        ("client-1", [ProposedEvent.sample(String(repeating: "p", count: 101))], "eventPayloadBytesMax"),
        ("client-1", [ProposedEvent].samples(6), "batchEventsMax"),
        ("client-" + String(repeating: "9", count: 20), [ProposedEvent.sample()], "streamIdBytesMax"),
        ("client-1", [ProposedEvent.sample(type: "AVeryLongEventTypeName")], "eventTypeBytesMax"),
        ("client-1", [ProposedEvent.sample(actor: "user-with-long-name")], "actorBytesMax"),
    ])
    func limitNamed(stream: String, events: [ProposedEvent], limit: String) async throws {
        try await withTemporaryStore(configuration: StoreConfiguration(limits: Self.limits)) { store in
            let error = await #expect(throws: EventStoreError.self) { try await store.append(events, to: stream) }
            #expect(error?.description.contains(limit) == true, "\(String(describing: error))")
            #expect(store.headPosition == 0)
        }
    }

    @Test("malformed input names the field", arguments: [
        ("", [ProposedEvent.sample()], "stream is empty"),
        ("client\u{1}", [ProposedEvent.sample()], "stream contains a control character"),
        ("$system", [ProposedEvent.sample()], "stream starts with '$'"),
        ("client-1", [], "events is empty"),
        ("client-1", [ProposedEvent.sample(type: "")], "events[0].eventType is empty"),
        ("client-1", [.sample(), ProposedEvent.sample(actor: "")], "events[1].actor is empty"),
    ])
    func malformed(stream: String, events: [ProposedEvent], message: String) async throws {
        try await withTemporaryStore(configuration: StoreConfiguration(limits: Self.limits)) { store in
            let error = await #expect(throws: EventStoreError.self) { try await store.append(events, to: stream) }
            #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
            #expect(store.headPosition == 0)
        }
    }

    @Test("a stream id limit that cannot fit LMDB's key size is refused at open")
    func streamLimitMustFitKeys() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = StoreConfiguration(limits: StoreLimits(streamIdBytesMax: 600))
        #expect(throws: EventStoreError.self) {
            try EventStore.open(directory: directory.child("store"), configuration: configuration)
        }
    }
}
