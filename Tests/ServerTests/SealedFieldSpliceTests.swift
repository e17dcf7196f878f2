import Events
import EventStore
import Foundation
import HarbourTestSupport
import Privacy
@testable import Server
import Testing

/// Sealed fields opened in place give the bytes that decoding the event with the keys and
/// encoding it again gives, for every event type, and fall back to decoding whenever the
/// stored bytes are not exactly what the casework service writes.
@Suite struct SealedFieldSpliceTests {
    static let stream = "client-c-0001"

    static func record(_ event: any DomainEvent, keys: KeyRing) throws -> RecordedEvent {
        let context = SealingContext(sealer: keys, keyId: stream, owner: stream)
        return record(type(of: event).eventType, try EventCoding.sealedPayload(of: event, context: context))
    }

    static func record(_ eventType: String, _ payload: [UInt8]) -> RecordedEvent {
        RecordedEvent(
            position: 1, streamId: stream, streamVersion: 0, eventId: UUID(), eventType: eventType,
            schemaVersion: EventRegistry.standard.entries[eventType]!.currentVersion, recordedAt: .now(), occurredAt: .now(),
            actor: "u-1", correlationId: nil, causationId: nil, payload: payload, hash: .zero)
    }

    @Test func everyEventTypeShowsWhatDecodingShows() throws {
        let data = try TemporaryDirectory()
        let keys = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        let registry = EventRegistry.standard.opening(with: keys)
        for type in EventCatalogue.allTypes {
            let record = try Self.record(type.example, keys: keys)
            let shown = try FileEntryJSON.payload(record, registry: registry)
            #expect(shown == (try FileEntryJSON.decodedPayload(record, registry: registry)), "\(type.eventType)")
        }
    }

    @Test func aRegistrationIsOpenedInPlace() throws {
        let data = try TemporaryDirectory()
        let keys = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        let registry = EventRegistry.standard.opening(with: keys)
        let record = try Self.record(ClientRegistered.example, keys: keys)
        #expect(String(decoding: record.payload, as: UTF8.self).contains(#""personal":{"sealed":{"box":""#))
        let opened = try #require(try SealedFieldSplice.opened(record.payload, by: keys))
        #expect(opened == (try FileEntryJSON.decodedPayload(record, registry: registry)))
        #expect(String(decoding: opened, as: UTF8.self).contains(#""givenNames":"Amina""#))
    }

    @Test func textThatNeedsEscapingOpensAsDecodingShowsIt() throws {
        let data = try TemporaryDirectory()
        let keys = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        let registry = EventRegistry.standard.opening(with: keys)
        let note = FreeText("she said \"sealed\" twice / \\ é \n\u{01} 🙂")
        let closed = CaseClosed(clientId: ClientID("c-0001"), closedOn: CalendarDate(iso8601: "2025-04-01")!, reason: .goalsMet, note: note)
        let record = try Self.record(closed, keys: keys)
        #expect(try SealedFieldSplice.opened(record.payload, by: keys) != nil)
        #expect(try FileEntryJSON.payload(record, registry: registry) == (try FileEntryJSON.decodedPayload(record, registry: registry)))
    }

    @Test func aFieldWhoseKeyIsDestroyedStaysSealedAsDecodingLeavesIt() throws {
        let data = try TemporaryDirectory()
        let keys = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        let registry = EventRegistry.standard.opening(with: keys)
        let record = try Self.record(ClientRegistered.example, keys: keys)
        try keys.destroyKeys(ownedBy: Self.stream)
        let shown = try FileEntryJSON.payload(record, registry: registry)
        #expect(shown == record.payload)
        #expect(shown == (try FileEntryJSON.decodedPayload(record, registry: registry)))
    }

    @Test func anythingButAnExactBoxIsLeftToDecoding() throws {
        let data = try TemporaryDirectory()
        let keys = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        for payload in [
            #"{"a":1,"sealed":{"box":"AAAA","keyId":"k"}}"#, #"{"note":{"sealed":{"box":"AAAA","keyId":"k","extra":1}}}"#,
            #"{"note":{"sealed":{"keyId":"k","box":"AAAA"}}}"#, #"{"note":{"sealed":{"box":"!!","keyId":"k"}}}"#,
            #"{"note":{"sealed":{"box":"AAAA","keyId":"k\u0041"}}}"#, #"{"sealed":{"box":"AAAA","keyId":"k"}"#,
        ] {
            #expect(try SealedFieldSplice.opened(Array(payload.utf8), by: keys) == nil, "\(payload)")
        }
        // Text mentioning the word is escaped in JSON (\"sealed\"), so it is no box and stays as it is.
        for payload in [#"{"minutes":5}"#, #"{"note":"a \"sealed\" word"}"#] {
            #expect(try SealedFieldSplice.opened(Array(payload.utf8), by: keys) == Array(payload.utf8))
        }
    }
}
