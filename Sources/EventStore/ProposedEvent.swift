public import Foundation

/// An event to append: everything but what the store assigns (position, version, recorded-at, hash).
public struct ProposedEvent: Sendable, Hashable {
    /// Unique across the log; a retried append with the same id is idempotent.
    public var eventId: UUID
    /// The domain's name for the event, e.g. `ServiceDelivered`.
    public var eventType: String
    /// Version of the payload's shape; old versions are upcast on read, never rewritten.
    public var schemaVersion: UInt16
    /// The business date the fact happened, which may be earlier than it was recorded.
    public var occurredAt: Timestamp
    /// The user id on whose behalf the event is appended.
    public var actor: String
    /// Groups the events of one request or workflow.
    public var correlationId: UUID?
    /// The event or command that caused this one.
    public var causationId: UUID?
    /// The event's data, opaque to the store (JSON in Harbour).
    public var payload: [UInt8]
    /// Set only when importing an exported log, so the copy's hash chain equals the
    /// original's; nil (the normal case) means "now". It may not be earlier than the log's
    /// last recorded-at, which keeps recorded-at non-decreasing along the log.
    public var recordedAt: Timestamp?

    public init(
        eventId: UUID = UUIDv7.make(),
        eventType: String,
        schemaVersion: UInt16 = 1,
        occurredAt: Timestamp = .now(),
        actor: String,
        correlationId: UUID? = nil,
        causationId: UUID? = nil,
        payload: [UInt8],
        recordedAt: Timestamp? = nil
    ) {
        self.eventId = eventId
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.occurredAt = occurredAt
        self.actor = actor
        self.correlationId = correlationId
        self.causationId = causationId
        self.payload = payload
        self.recordedAt = recordedAt
    }
}

/// What a stream must look like for an append to go ahead.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the stream's state.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must exist; any version.
    case streamExists
    /// The stream's last event must have exactly this version (versions start at 0).
    case exactly(UInt64)

    /// Whether a stream whose last version is `current` (nil: no stream) meets this expectation.
    public func isMet(byCurrentVersion current: UInt64?) -> Bool {
        switch self {
        case .any: true
        case .noStream: current == nil
        case .streamExists: current != nil
        case .exactly(let version): current == version
        }
    }

    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "no stream"
        case .streamExists: "stream exists"
        case .exactly(let version): "version \(version)"
        }
    }
}

/// Where an append landed.
public struct AppendResult: Sendable, Hashable {
    /// Global positions of the appended (or, for an idempotent retry, original) events, in order.
    public let positions: [UInt64]
    /// The stream's version after the append: pass it as the next `.exactly` expectation.
    public let streamVersion: UInt64
    /// False when every event was already in the log (an idempotent retry) and nothing was written.
    public let appended: Bool

    public init(positions: [UInt64], streamVersion: UInt64, appended: Bool) {
        self.positions = positions
        self.streamVersion = streamVersion
        self.appended = appended
    }
}
