import EventStore
import Events
import Foundation

/// Turns domain events into envelopes: ids, clock, positions and stream versions, all drawn
/// from the seed so that the same seed gives the same bytes.
struct Recorder {
    /// The agency opens at 16:00 UTC (08:00 Pacific standard time, 09:00 daylight time).
    static let openingMicroseconds: Int64 = 16 * 3_600_000_000
    /// Working day over which a day's events are spread.
    static let workingDayMicroseconds: Int64 = 9 * 3_600_000_000

    var random: SeededRandom
    private(set) var clockMicroseconds: Int64 = 0
    private var stepMicrosecondsMax: Int64 = 60_000_000
    private(set) var position: UInt64 = 0
    private var versions: [String: UInt64] = [:]
    /// Events recorded but not yet handed out by the sequence.
    var output: [GeneratedEvent] = []
    /// Seals personal fields under each stream's data key; nil leaves them in clear.
    var sealer: (any PersonalDataSealer)?

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// Moves the clock to the opening of `day` (never backwards) and spreads about
    /// `expectedEvents` over its working hours.
    mutating func open(_ day: CalendarDate, expectedEvents: Int) {
        let opening = Int64(day.daysSinceEpoch) * 86_400_000_000 + Self.openingMicroseconds
        clockMicroseconds = max(clockMicroseconds, opening)
        stepMicrosecondsMax = max(2_000, 2 * Self.workingDayMicroseconds / Int64(max(1, expectedEvents)))
    }

    /// Records `events` (all of one stream) as one command by `actor`; returns their ids.
    @discardableResult
    mutating func record(_ events: [any DomainEvent], actor: UserID) -> [UUID] {
        guard let stream = events.first?.streamId else { return [] }
        clockMicroseconds += Int64.random(in: 1_000...stepMicrosecondsMax, using: &random)
        let now = Timestamp(microsecondsSinceEpoch: clockMicroseconds)
        let correlationId = UUIDv7.make(milliseconds: UInt64(clockMicroseconds / 1_000), using: &random)
        var ids: [UUID] = []
        let sealing = sealer.map { SealingContext(sealer: $0, keyId: stream, owner: EventCoding.dataOwner(of: events, stream: stream)) }
        for event in events {
            precondition(event.streamId == stream, "one command records events of one stream")
            let eventId = UUIDv7.make(milliseconds: UInt64(clockMicroseconds / 1_000), using: &random)
            let version = versions[stream].map { $0 + 1 } ?? 0
            versions[stream] = version
            position += 1
            let proposed = ProposedEvent(
                eventId: eventId, eventType: event.eventType, schemaVersion: event.schemaVersion, occurredAt: now,
                actor: actor.rawValue, correlationId: correlationId, causationId: nil,
                payload: Self.payload(of: event, sealing: sealing), recordedAt: now)
            output.append(GeneratedEvent(position: position, stream: stream, streamVersion: version, event: proposed))
            ids.append(eventId)
        }
        return ids
    }

    /// The payload bytes, sealed under `sealing` when given. Encoding a domain event cannot fail
    /// (every field is a plain Codable value) and the generator never erases anyone, so a failure
    /// is a programming error (or a broken key database).
    private static func payload(of event: any DomainEvent, sealing: SealingContext?) -> [UInt8] {
        do {
            if let sealing {
                if sealing.owner != sealing.keyId { try sealing.sealer.ensureKey(sealing.keyId, owner: sealing.owner) }
                return try EventCoding.sealedPayload(of: event, context: sealing)
            }
            return try EventCoding.encode(any: event)
        } catch {
            preconditionFailure("\(event.eventType) failed to encode: \(error)")
        }
    }
}
