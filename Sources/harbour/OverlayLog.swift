import Casework
import EventStore
import Foundation
import Synchronization

/// The store as it would be after the events appended here: reads see the store's events and
/// then these, appends check expected versions and event ids as the store would, but stay in
/// memory. A dry run of a command file decides every line against the log as the earlier
/// lines would leave it, and writes nothing.
final class OverlayLog: EventLog {
    let base: EventStore
    private let added = Mutex(Added())

    private struct Added {
        var records: [RecordedEvent] = []
        var byStream: [String: [Int]] = [:]
        var byEventId: [UUID: Int] = [:]
    }

    init(base: EventStore) {
        self.base = base
    }

    func append(_ events: [ProposedEvent], to stream: String, expected: ExpectedVersion) async throws -> AppendResult {
        let head = try version(of: stream)
        guard expected.isMet(byCurrentVersion: head) else {
            throw EventStoreError.wrongExpectedVersion(stream: stream, expected: expected, actual: head)
        }
        for event in events {
            if let existing = try self.event(withId: event.eventId) {
                throw EventStoreError.eventIdConflict(eventId: event.eventId, existingPosition: existing.position)
            }
        }
        let basePosition = base.headPosition
        return added.withLock { added in
            var positions: [UInt64] = []
            var version = head.map { $0 + 1 } ?? 0
            for event in events {
                let position = basePosition + UInt64(added.records.count) + 1
                added.byStream[stream, default: []].append(added.records.count)
                added.byEventId[event.eventId] = added.records.count
                added.records.append(Self.record(event, stream: stream, version: version, position: position))
                positions.append(position)
                version += 1
            }
            return AppendResult(positions: positions, streamVersion: version - 1, appended: true)
        }
    }

    func events(inStream stream: String) throws -> [RecordedEvent] {
        let overlay = added.withLock { added in (added.byStream[stream] ?? []).map { added.records[$0] } }
        return try base.events(inStream: stream) + overlay
    }

    func events(inCategory category: String) throws -> [RecordedEvent] {
        let overlay = added.withLock { added in added.records.filter { StreamName.category(of: $0.streamId) == category } }
        return try base.events(inCategory: category) + overlay
    }

    func event(withId eventId: UUID) throws -> RecordedEvent? {
        if let index = added.withLock({ $0.byEventId[eventId] }) { return added.withLock { $0.records[index] } }
        return try base.event(withId: eventId)
    }

    private func version(of stream: String) throws -> UInt64? {
        if let last = added.withLock({ added in added.byStream[stream]?.last.map { added.records[$0].streamVersion } }) { return last }
        return try base.streamVersion(stream)
    }

    private static func record(_ event: ProposedEvent, stream: String, version: UInt64, position: UInt64) -> RecordedEvent {
        let now = event.recordedAt ?? .now()
        return RecordedEvent(
            position: position, streamId: stream, streamVersion: version, eventId: event.eventId, eventType: event.eventType,
            schemaVersion: event.schemaVersion, recordedAt: now, occurredAt: event.occurredAt, actor: event.actor,
            correlationId: event.correlationId, causationId: event.causationId, payload: event.payload, hash: .zero)
    }
}
