public import EventStore
public import Events
public import Foundation

/// One logged event as projections see it: the envelope facts plus the payload decoded once
/// for every projection (nil when no projection reads that event type's payload). A class, so
/// handing an event to each projection of a batch is one reference count, not a copy of four
/// strings and an existential payload.
public final class ProjectionEvent: Sendable {
    /// The event's global position.
    public let position: UInt64
    /// Its stream.
    public let streamId: String
    /// Its id (what corrections name).
    public let eventId: UUID
    /// Its type name.
    public let eventType: String
    /// When the server recorded it.
    public let recordedAt: Timestamp
    /// When it happened in business time.
    public let occurredAt: Timestamp
    /// The user it was recorded for.
    public let actor: String
    /// The typed payload, upcast to its current version; nil for types no projection reads.
    public let event: (any DomainEvent)?

    /// An event with every field given.
    public init(
        position: UInt64, streamId: String, eventId: UUID, eventType: String, recordedAt: Timestamp,
        occurredAt: Timestamp, actor: String, event: (any DomainEvent)?
    ) {
        self.position = position
        self.streamId = streamId
        self.eventId = eventId
        self.eventType = eventType
        self.recordedAt = recordedAt
        self.occurredAt = occurredAt
        self.actor = actor
        self.event = event
    }

    /// The payload when it is a `T`, nil otherwise. The payload's type is compared first: a
    /// failed `as?` from an existential runs the runtime's whole cast search, and projections
    /// ask about a dozen types per event (a twentieth of a rebuild's samples went to casts).
    public func payload<T: DomainEvent>(_ type: T.Type) -> T? {
        guard let event, Swift.type(of: event) == type else { return nil }
        return event as? T
    }

    /// The same envelope carrying another payload (a correction's replacement).
    func replacing(event replacement: any DomainEvent, eventId originalId: UUID) -> ProjectionEvent {
        ProjectionEvent(
            position: position, streamId: streamId, eventId: originalId, eventType: replacement.eventType,
            recordedAt: recordedAt, occurredAt: occurredAt, actor: actor, event: replacement)
    }
}

/// Decodes recorded events once for all projections, skipping payloads nobody reads: the
/// decoder is the dominant cost of a rebuild, so the type check comes before it.
struct ProjectionDecoder: Sendable {
    /// Event types whose payload some projection reads.
    let payloadTypes: Set<String>
    let registry: EventRegistry

    init(payloadTypes: Set<String>, registry: EventRegistry = .standard) {
        self.payloadTypes = payloadTypes
        self.registry = registry
    }

    func decode(_ record: RecordedEvent) throws -> ProjectionEvent {
        var event: (any DomainEvent)? = nil
        if payloadTypes.contains(record.eventType) {
            event = try LeanDecoder.decode(record)
                ?? registry.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
        }
        return ProjectionEvent(
            position: record.position, streamId: record.streamId, eventId: record.eventId, eventType: record.eventType,
            recordedAt: record.recordedAt, occurredAt: record.occurredAt, actor: record.actor, event: event)
    }
}
