import EventStore
import Foundation
import HarbourTestSupport
import Testing

/// New ids go into the event-id index with `MDB_APPEND` when they sort after every id there,
/// and with a normal put otherwise: both paths must index, refuse duplicates and verify.
@Suite("Event ids out of order")
struct EventIdOrderTests {
    private static func id(atISO8601 text: String) -> UUID {
        UUIDv7.make(at: Timestamp(iso8601: text)!)
    }

    @Test("an id older than the newest indexed id is appended, found and verified")
    func olderIdAfterNewerOne() async throws {
        try await withTemporaryStore { store in
            let newer = ProposedEvent.sample("newer", eventId: Self.id(atISO8601: "2030-01-01T00:00:00Z"))
            let older = ProposedEvent.sample("older", eventId: Self.id(atISO8601: "2020-01-01T00:00:00Z"))
            _ = try await store.append([newer], to: "client-1")
            let appended = try await store.append([older], to: "client-1")
            #expect(appended.positions == [2])
            #expect(try store.position(ofEvent: older.eventId) == 2)
            #expect(try store.position(ofEvent: newer.eventId) == 1)
            let retry = try await store.append([older], to: "client-1")
            #expect(retry.appended == false)
            #expect(retry.positions == [2])
            let report = try store.verify()
            #expect(report.isIntact)
            #expect(report.eventsChecked == 2)
        }
    }

    @Test("a batch whose ids go down and up is indexed completely")
    func mixedOrderInOneBatch() async throws {
        try await withTemporaryStore { store in
            let years = ["2026", "2021", "2029", "2024", "2031", "2022"]
            let batch = years.map { ProposedEvent.sample($0, eventId: Self.id(atISO8601: "\($0)-06-01T00:00:00Z")) }
            let result = try await store.append(batch, to: "client-1")
            #expect(result.positions == [1, 2, 3, 4, 5, 6])
            for (index, event) in batch.enumerated() {
                #expect(try store.position(ofEvent: event.eventId) == UInt64(index + 1))
            }
            #expect(try store.verify().isIntact)
        }
    }

    @Test("the newest id appended again is refused, and so is an older one, leaving no trace")
    func duplicatesOnBothPaths() async throws {
        try await withTemporaryStore { store in
            let older = ProposedEvent.sample("older", eventId: Self.id(atISO8601: "2021-01-01T00:00:00Z"))
            let newest = ProposedEvent.sample("newest", eventId: Self.id(atISO8601: "2031-01-01T00:00:00Z"))
            _ = try await store.append([older, newest], to: "client-1")
            // A new id that sorts last, then the newest logged id (the append path must refuse it).
            let fresh = ProposedEvent.sample("fresh", eventId: Self.id(atISO8601: "2032-01-01T00:00:00Z"))
            var clash = newest
            clash.payload = Array("other".utf8)
            await #expect(throws: EventStoreError.eventIdConflict(eventId: newest.eventId, existingPosition: 2)) {
                try await store.append([fresh, clash], to: "client-2")
            }
            var olderClash = older
            olderClash.payload = Array("other".utf8)
            await #expect(throws: EventStoreError.eventIdConflict(eventId: older.eventId, existingPosition: 1)) {
                try await store.append([olderClash], to: "client-2")
            }
            #expect(store.headPosition == 2)
            #expect(try store.position(ofEvent: fresh.eventId) == nil, "the refused batch's claimed id was undone")
            // After the undo the newest id is again the largest: a later append still works.
            let later = try await store.append([fresh], to: "client-2")
            #expect(later.positions == [3])
            #expect(try store.verify().isIntact)
        }
    }
}
