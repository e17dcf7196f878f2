public import EventStore
public import Events
public import Foundation

/// One line of Harbour's import and export format (JSON Lines): a whole event envelope with
/// its payload as a JSON object. `position` and `streamVersion` are written on export and
/// checked where given on import; `recordedAt`, when given, is kept, so that exporting a log
/// and importing it into an empty store reproduces the same hash chain.
public struct EventLine: Codable, Sendable, Equatable {
    public var position: UInt64?
    public var stream: String
    public var streamVersion: UInt64?
    public var eventId: UUID
    public var eventType: String
    public var schemaVersion: UInt16
    public var occurredAt: Timestamp
    public var recordedAt: Timestamp?
    public var actor: String
    public var correlationId: UUID?
    public var causationId: UUID?
    /// The event's payload in ``EventCoding``'s form (keys sorted).
    public var payload: JSONValue

    /// The line for an event as the log holds it.
    public init(_ recorded: RecordedEvent) throws {
        position = recorded.position
        stream = recorded.streamId
        streamVersion = recorded.streamVersion
        eventId = recorded.eventId
        eventType = recorded.eventType
        schemaVersion = recorded.schemaVersion
        occurredAt = recorded.occurredAt
        recordedAt = recorded.recordedAt
        actor = recorded.actor
        correlationId = recorded.correlationId
        causationId = recorded.causationId
        payload = try EventCoding.decoder().decode(JSONValue.self, from: Data(recorded.payload))
    }

    /// The line for a generated event: what exporting it after an import would write.
    public init(_ generated: GeneratedEvent) throws {
        let event = generated.event
        position = generated.position
        stream = generated.stream
        streamVersion = generated.streamVersion
        eventId = event.eventId
        eventType = event.eventType
        schemaVersion = event.schemaVersion
        occurredAt = event.occurredAt
        recordedAt = event.recordedAt
        actor = event.actor
        correlationId = event.correlationId
        causationId = event.causationId
        payload = try EventCoding.decoder().decode(JSONValue.self, from: Data(event.payload))
    }

    /// Parses one line (without its newline).
    /// - Throws: `DecodingError` naming the field (see ``LineProblem``).
    public static func decode(_ line: some DataProtocol) throws -> EventLine {
        try EventCoding.decoder().decode(EventLine.self, from: Data(line))
    }

    /// The line's bytes, without the newline: keys sorted, so the same event is always written
    /// the same way.
    public func encoded() throws -> [UInt8] {
        let encoder = EventCoding.encoder()
        return Array(try encoder.encode(self))
    }

    /// The payload's bytes as the store keeps them (``EventCoding``'s form).
    public func payloadBytes() throws -> [UInt8] {
        Array(try EventCoding.encoder().encode(payload))
    }

    /// The event to append: recorded-at kept when the line has one.
    public func proposedEvent() throws -> ProposedEvent {
        ProposedEvent(
            eventId: eventId, eventType: eventType, schemaVersion: schemaVersion, occurredAt: occurredAt, actor: actor,
            correlationId: correlationId, causationId: causationId, payload: try payloadBytes(), recordedAt: recordedAt)
    }
}
