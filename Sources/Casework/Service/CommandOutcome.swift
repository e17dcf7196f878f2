public import Events
public import Foundation

/// What a command appended.
public struct CommandOutcome: Sendable {
    /// The events appended, in order.
    public let events: [any DomainEvent]
    /// Their ids in the log.
    public let eventIds: [UUID]
    /// Their global positions.
    public let positions: [UInt64]
    /// The stream's version after the append.
    public let streamVersion: UInt64
    /// True when nothing was appended: an earlier write with the same idempotency key answers.
    public let replayed: Bool

    /// An outcome with every field given.
    public init(
        events: [any DomainEvent], eventIds: [UUID], positions: [UInt64], streamVersion: UInt64, replayed: Bool = false
    ) {
        self.events = events
        self.eventIds = eventIds
        self.positions = positions
        self.streamVersion = streamVersion
        self.replayed = replayed
    }
}
