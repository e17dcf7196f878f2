public import EventStore
public import Events
public import Foundation

/// A stream's events decoded into typed events, with the envelope facts decisions need.
public struct StreamHistory: Sendable {
    /// One decoded event.
    public struct Entry: Sendable {
        /// The event's id in the log (what a correction names).
        public let eventId: UUID
        /// Its version within the stream.
        public let streamVersion: UInt64
        /// The business time it happened.
        public let occurredAt: Timestamp
        /// The user it was recorded for.
        public let actor: String
        /// The typed event, upcast to its current version.
        public let event: any DomainEvent

        /// An entry with every field given.
        public init(eventId: UUID, streamVersion: UInt64, occurredAt: Timestamp, actor: String, event: any DomainEvent) {
            self.eventId = eventId
            self.streamVersion = streamVersion
            self.occurredAt = occurredAt
            self.actor = actor
            self.event = event
        }
    }

    /// The stream.
    public let streamId: String
    /// Its events, oldest first (none when only the version was read).
    public let entries: [Entry]
    /// The stream's version (its last event's), or nil for a stream that does not exist:
    /// exactly what the next append must expect.
    public let version: UInt64?

    /// A history of `entries`.
    public init(streamId: String, entries: [Entry]) {
        self.streamId = streamId
        self.entries = entries
        version = entries.last?.streamVersion
    }

    /// A stream's version alone, with no events (``HistoryNeeded/versionOnly``).
    public init(streamId: String, version: UInt64?) {
        self.streamId = streamId
        entries = []
        self.version = version
    }

    /// Decodes `records` (one stream's, oldest first) through `registry`.
    public init(streamId: String, records: [RecordedEvent], registry: EventRegistry = .standard) throws {
        self.streamId = streamId
        self.entries = try records.map { record in
            Entry(
                eventId: record.eventId, streamVersion: record.streamVersion, occurredAt: record.occurredAt,
                actor: record.actor, event: try record.decoded(registry: registry))
        }
        version = records.last?.streamVersion
    }

    /// The facts as they stand after corrections: each corrected event replaced by its latest
    /// correction's payload, voided events dropped, correction events themselves left out.
    public func effectiveEvents(registry: EventRegistry = .standard) throws -> [any DomainEvent] {
        var replacements: [UUID: any DomainEvent] = [:]
        var voided = Set<UUID>()
        for entry in entries {
            if let correction = entry.event as? EventCorrected {
                replacements[correction.originalEventId] = try correction.decodedReplacement(registry: registry)
            } else if let void = entry.event as? EventVoided {
                voided.insert(void.originalEventId)
            }
        }
        return entries.compactMap { entry in
            if entry.event is EventCorrected || entry.event is EventVoided || voided.contains(entry.eventId) {
                return nil
            }
            return replacements[entry.eventId] ?? entry.event
        }
    }
}

extension RecordedEvent {
    /// The payload as a typed event, upcast to its current schema version.
    public func decoded(registry: EventRegistry = .standard) throws(EventDecodingError) -> any DomainEvent {
        try registry.decode(eventType: eventType, schemaVersion: schemaVersion, payload: payload)
    }
}

extension EventCorrected {
    /// The replacement payload as a typed event of the original's type.
    public func decodedReplacement(registry: EventRegistry = .standard) throws(EventDecodingError) -> any DomainEvent {
        let bytes: [UInt8]
        do {
            bytes = Array(try EventCoding.encoder().encode(replacement))
        } catch {
            throw .malformedPayload(eventType: originalEventType, schemaVersion: replacementSchemaVersion, reason: "\(error)")
        }
        return try registry.decode(eventType: originalEventType, schemaVersion: replacementSchemaVersion, payload: bytes)
    }
}
