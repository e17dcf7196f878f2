import Foundation

extension EventCoding {
    /// The payload bytes of `event` sealed under `context`, including the replacement payload a
    /// correction carries (it holds the corrected personal fields, so it is sealed too).
    public static func sealedPayload(of event: any DomainEvent, context: SealingContext, registry: EventRegistry = .standard)
        throws -> [UInt8]
    {
        guard let correction = event as? EventCorrected else { return try encode(any: event, sealing: context) }
        let bytes = Array(try encoder().encode(correction.replacement))
        let replacement = try registry.decode(
            eventType: correction.originalEventType, schemaVersion: correction.replacementSchemaVersion, payload: bytes)
        let sealed = EventCorrected(
            stream: correction.stream, originalEventId: correction.originalEventId,
            originalEventType: correction.originalEventType, reason: correction.reason,
            replacementSchemaVersion: replacement.schemaVersion,
            replacement: try jsonValue(of: replacement, sealing: context))
        return try encode(any: sealed, sealing: context)
    }

    /// The data subject owning the key of `stream` for `events` appended together: the first
    /// event's ``OwnedByDataSubject/dataOwner``, else the stream itself.
    public static func dataOwner(of events: [any DomainEvent], stream: String) -> String {
        events.lazy.compactMap { ($0 as? any OwnedByDataSubject)?.dataOwner }.first ?? stream
    }
}
