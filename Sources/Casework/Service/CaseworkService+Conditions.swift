import EventStore
import Events
public import Foundation

extension CaseworkService {
    /// Decides `command` under `conditions`: with an idempotency key that is already in the
    /// log, answers the earlier write (``CommandOutcome/replayed``) and appends nothing; with
    /// an expected version, refuses unless the stream is at it — checked before the rules, and
    /// never retried past, since the caller decided against that version.
    /// - Throws: ``WriteConditionError`` when a condition fails, otherwise as
    ///   ``execute(_:correlationId:causationId:)``.
    public func execute<C: Command>(
        _ command: C, correlationId: UUID? = nil, causationId: UUID? = nil, conditions: WriteConditions
    ) async throws -> CommandOutcome {
        if let key = conditions.idempotencyKey, let earlier = try replay(key: key, stream: command.streamId) {
            return earlier
        }
        return try await decideAndAppend(command, correlationId: correlationId, causationId: causationId, conditions: conditions)
    }

    /// The write an earlier command keyed by `key` made, or nil when the key is not in the log.
    func replay(key: UUID, stream: String) throws -> CommandOutcome? {
        guard let first = try log.event(withId: key) else { return nil }
        guard first.streamId == stream else { throw WriteConditionError.keyUsedElsewhere(key: key, stream: first.streamId) }
        // One command's events are contiguous in its stream and carry the ids derived from the key.
        var batch: [RecordedEvent] = []
        for record in try log.events(inStream: stream) where record.streamVersion >= first.streamVersion {
            guard record.eventId == WriteConditions.eventId(key: key, index: batch.count) else { break }
            batch.append(record)
        }
        let events = try batch.map { record in
            try reader.registry.decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
        }
        return CommandOutcome(
            events: events, eventIds: batch.map(\.eventId), positions: batch.map(\.position),
            streamVersion: batch.last?.streamVersion ?? first.streamVersion, replayed: true)
    }

    /// Refuses when the stream is not at the version the caller expects.
    static func check(_ conditions: WriteConditions, stream: String, version: UInt64?) throws {
        if let expected = conditions.expectedVersion, version != expected {
            throw WriteConditionError.versionMismatch(stream: stream, expected: expected, current: version)
        }
    }
}
