public import Foundation

/// An event as the log holds it: the proposal plus what the store assigned.
public struct RecordedEvent: Sendable, Hashable {
    /// Global position: gapless, starting at 1.
    public let position: UInt64
    public let streamId: String
    /// Version within the stream: contiguous, starting at 0.
    public let streamVersion: UInt64
    public let eventId: UUID
    public let eventType: String
    public let schemaVersion: UInt16
    /// Server clock when the event was appended.
    public let recordedAt: Timestamp
    public let occurredAt: Timestamp
    public let actor: String
    public let correlationId: UUID?
    public let causationId: UUID?
    public let payload: [UInt8]
    /// SHA-256 over the previous record's hash and this record's bytes: the tamper-evident chain.
    public let hash: ChainHash

    public init(
        position: UInt64, streamId: String, streamVersion: UInt64, eventId: UUID, eventType: String,
        schemaVersion: UInt16, recordedAt: Timestamp, occurredAt: Timestamp, actor: String,
        correlationId: UUID?, causationId: UUID?, payload: [UInt8], hash: ChainHash
    ) {
        self.position = position
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.eventId = eventId
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.recordedAt = recordedAt
        self.occurredAt = occurredAt
        self.actor = actor
        self.correlationId = correlationId
        self.causationId = causationId
        self.payload = payload
        self.hash = hash
    }

    /// The stream's category: the part of the stream id before the first `-`.
    public var category: String { StreamName.category(of: streamId) }

    /// True when `proposed` describes this same event (an idempotent retry).
    public func matches(_ proposed: ProposedEvent, in stream: String) -> Bool {
        eventId == proposed.eventId && streamId == stream && eventType == proposed.eventType
            && schemaVersion == proposed.schemaVersion && occurredAt == proposed.occurredAt
            && actor == proposed.actor && correlationId == proposed.correlationId
            && causationId == proposed.causationId && payload == proposed.payload
            && (proposed.recordedAt == nil || proposed.recordedAt == recordedAt)
    }
}
