public import Foundation

/// The one JSON encoding of every payload: camelCase keys exactly as the Swift properties are
/// named, keys sorted and slashes unescaped so the same event always has the same bytes (the
/// store's idempotent retry compares bytes), dates as ISO 8601 (calendar days are
/// ``CalendarDate`` strings).
public enum EventCoding {
    /// A fresh encoder configured as above (encoders are cheap and not shared across threads).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A fresh decoder matching ``encoder()``.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The payload bytes of `event`.
    public static func encode(_ event: some DomainEvent) throws -> [UInt8] {
        if let bytes = (event as? any HandWrittenPayload)?.handWrittenPayload { return bytes }
        return Array(try encoder().encode(event))
    }

    /// The payload bytes of an event whose type is known only at run time.
    public static func encode(any event: any DomainEvent) throws -> [UInt8] {
        try encode(event)
    }

    /// The payload bytes of `event` with every personal field sealed under `sealing` (the
    /// stream's data key). This is how the casework service writes to the log.
    public static func encode(any event: any DomainEvent, sealing: SealingContext) throws -> [UInt8] {
        // Such an event has no personal field, so there is nothing to seal.
        if let bytes = (event as? any HandWrittenPayload)?.handWrittenPayload { return bytes }
        let encoder = encoder()
        encoder.userInfo[.sealingContext] = sealing
        return Array(try encoder.encode(event))
    }

    /// `event` as a JSON tree with its personal fields sealed under `sealing`.
    public static func jsonValue(of event: any DomainEvent, sealing: SealingContext) throws -> JSONValue {
        try decoder().decode(JSONValue.self, from: Data(try encode(any: event, sealing: sealing)))
    }

    /// `event` as a JSON tree (what a correction carries as its replacement).
    public static func jsonValue(of event: any DomainEvent) throws -> JSONValue {
        try decoder().decode(JSONValue.self, from: Data(try encode(any: event)))
    }
}
