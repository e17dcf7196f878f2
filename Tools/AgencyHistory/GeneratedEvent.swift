public import EventStore
import Foundation

/// One event of a generated history, with where it lands when appended to an empty store.
public struct GeneratedEvent: Sendable, Hashable {
    /// Global position in a fresh store (1, 2, 3...).
    public let position: UInt64
    /// The stream it belongs to (`client-…`, `member-…`...).
    public let stream: String
    /// Its version within that stream (0 for the stream's first event).
    public let streamVersion: UInt64
    /// The event itself, with `recordedAt` set so the history re-imports with the same hashes.
    public let event: ProposedEvent
}
