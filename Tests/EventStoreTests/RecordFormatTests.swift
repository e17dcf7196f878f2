import EventStore
import Foundation
import HarbourTestSupport
import Testing

/// The record bytes and so the hash chain are the on-disk format (version 1): encoding in the
/// appending task and sealing in the writer must produce exactly the documented bytes.
@Suite("Record format")
struct RecordFormatTests {
    @Test("the first record's hash is SHA-256 of 32 zero bytes and the documented record bytes")
    func firstHashMatchesTheDocumentedLayout() async throws {
        try await withTemporaryStore { store in
            let event = ProposedEvent(
                eventId: UUID(uuidString: "01890a5d-ac96-774b-bcce-b302099a8057")!, eventType: "SampleHappened",
                occurredAt: Timestamp(microsecondsSinceEpoch: 1_690_000_000_000_000), actor: "user-test",
                payload: Array("payload".utf8), recordedAt: Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_000))
            _ = try await store.append([event], to: "client-1")
            // Computed independently (Python: struct.pack of RecordCodec's layout, hashlib.sha256).
            #expect(try store.event(at: 1)?.hash.description == "f1824dbc5b4ef2e891ad661a4df02498e1fd1098c5d8c534bba1866803cace09")
        }
    }
}
