public import EventStore
public import Foundation

extension ProposedEvent {
    /// A test event whose payload is `text` in UTF-8.
    public static func sample(
        _ text: String = "payload", type: String = "SampleHappened", actor: String = "user-test",
        eventId: UUID = UUIDv7.make()
    ) -> ProposedEvent {
        ProposedEvent(eventId: eventId, eventType: type, actor: actor, payload: Array(text.utf8))
    }
}

extension Array where Element == ProposedEvent {
    /// `count` test events with payloads `prefix-0`, `prefix-1`, …
    public static func samples(_ count: Int, prefix: String = "event") -> [ProposedEvent] {
        (0..<count).map { ProposedEvent.sample("\(prefix)-\($0)") }
    }
}

extension RecordedEvent {
    /// The payload as UTF-8 text.
    public var text: String { String(decoding: payload, as: UTF8.self) }
}
