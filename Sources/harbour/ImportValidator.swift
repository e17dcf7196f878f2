import AgencyHistory
import EventStore
import Events
import Foundation

/// The first pass of an import: checks every line against the format, the event catalogue,
/// the store and the lines before it, without writing anything.
struct ImportValidator {
    enum Verdict {
        /// A valid event not yet in the log.
        case new
        /// The same event is already in the log (a re-import).
        case present
    }

    let store: EventStore
    let registry = EventRegistry.standard
    private var lineOfEventId: [UUID: Int] = [:]
    private var nextVersions: [String: UInt64] = [:]
    private var lastRecordedAt: Timestamp?

    init(store: EventStore) throws {
        self.store = store
        lastRecordedAt = try store.statistics().lastRecordedAt
    }

    /// Checks line `number`; records what later lines must agree with only when it is valid.
    mutating func check(_ bytes: ArraySlice<UInt8>, number: Int) throws(LineProblem) -> Verdict {
        let line = try Self.parse(bytes)
        let event = try decodePayload(line)
        guard event.streamId == line.stream else {
            throw LineProblem("stream", "is \(line.stream), but this \(line.eventType) belongs in \(event.streamId)")
        }
        if let first = lineOfEventId[line.eventId] {
            throw LineProblem("eventId", "\(line.eventId) already appears on line \(first)")
        }
        let proposed = line.proposedEvent()
        if try isPresent(proposed, in: line.stream) {
            lineOfEventId[line.eventId] = number
            return .present
        }
        let expected = try nextVersion(of: line.stream)
        if let version = line.streamVersion, version != expected {
            throw LineProblem("streamVersion", "is \(version), but the next version of \(line.stream) is \(expected)")
        }
        if let recordedAt = line.recordedAt, let last = lastRecordedAt, recordedAt < last {
            throw LineProblem("recordedAt", "\(recordedAt) is earlier than \(last), the latest before it (recorded-at never decreases along the log)")
        }
        lineOfEventId[line.eventId] = number
        nextVersions[line.stream] = expected + 1
        if let recordedAt = line.recordedAt { lastRecordedAt = recordedAt }
        return .new
    }

    static func parse(_ bytes: ArraySlice<UInt8>) throws(LineProblem) -> ParsedEventLine {
        do {
            return try EventLineParser.parse(bytes)
        } catch {
            throw LineProblem(error.field, error.problem)
        }
    }

    private func decodePayload(_ line: ParsedEventLine) throws(LineProblem) -> any DomainEvent {
        guard let entry = registry.entries[line.eventType] else {
            throw LineProblem("eventType", "\(line.eventType) is not a known event type (see docs/events.md)")
        }
        guard (1...entry.currentVersion).contains(line.schemaVersion) else {
            throw LineProblem("schemaVersion", "is \(line.schemaVersion), but \(line.eventType) has versions 1 to \(entry.currentVersion)")
        }
        let payload = line.payload
        if line.schemaVersion == entry.currentVersion {
            do {
                return try Self.decode(entry.type, Data(payload))
            } catch let error as DecodingError {
                throw LineProblem(error, prefix: "payload")
            } catch {
                throw LineProblem("payload", "\(error)")
            }
        }
        do {
            return try registry.decode(eventType: line.eventType, schemaVersion: line.schemaVersion, payload: payload)
        } catch {
            throw LineProblem("payload", error.description)
        }
    }

    private static func decode<T: DomainEvent>(_ type: T.Type, _ data: Data) throws -> any DomainEvent {
        try EventCoding.decoder().decode(T.self, from: data)
    }

    /// True when the log holds this very event; a problem when it holds another with its id.
    private func isPresent(_ proposed: ProposedEvent, in stream: String) throws(LineProblem) -> Bool {
        do {
            guard let position = try store.position(ofEvent: proposed.eventId) else { return false }
            guard let existing = try store.event(at: position), existing.matches(proposed, in: stream) else {
                throw LineProblem("eventId", "\(proposed.eventId) is already in the log at position \(position) with different content")
            }
            return true
        } catch let problem as LineProblem {
            throw problem
        } catch {
            throw LineProblem("eventId", "could not be looked up: \(error)")
        }
    }

    private func nextVersion(of stream: String) throws(LineProblem) -> UInt64 {
        if let next = nextVersions[stream] { return next }
        do {
            return try store.streamVersion(stream).map { $0 + 1 } ?? 0
        } catch {
            throw LineProblem("stream", "could not be looked up: \(error)")
        }
    }
}
