import Casework
import EventStore
import Foundation

/// The event log as one request sees it: the first event appended takes the request's
/// idempotency key as its id, and when the request named an expected version (`If-Match`) an
/// append decided against any other version is refused with 409 instead of retried.
struct PinnedLog: EventLog {
    let base: EventStore
    let idempotencyKey: UUID?
    let expectedVersion: UInt64?

    func append(_ events: [ProposedEvent], to stream: String, expected: ExpectedVersion) async throws -> AppendResult {
        if let pinned = expectedVersion, expected != .exactly(pinned) {
            let current: UInt64? = if case .exactly(let version) = expected { version } else { nil }
            throw CommandRunner.versionConflict(stream: stream, expected: pinned, current: current)
        }
        var events = events
        if let idempotencyKey {
            for index in events.indices { events[index].eventId = Self.eventId(key: idempotencyKey, index: index) }
        }
        return try await base.append(events, to: stream, expected: expected)
    }

    func events(inStream stream: String) throws -> [RecordedEvent] { try base.events(inStream: stream) }

    func events(inCategory category: String) throws -> [RecordedEvent] { try base.events(inCategory: category) }

    /// The key itself for the first event; for later events of the same command, the key with
    /// its last byte varied, so a retry derives the same ids.
    static func eventId(key: UUID, index: Int) -> UUID {
        guard index > 0 else { return key }
        var bytes = key.uuid
        bytes.15 ^= UInt8(truncatingIfNeeded: index)
        return UUID(uuid: bytes)
    }
}
