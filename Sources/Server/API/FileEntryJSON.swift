import Casework
import Events
import EventStore
import Foundation

/// A client file entry written straight to JSON bytes, in the shape of ``FileEntry`` (keys
/// sorted): the envelope by hand, and the payload as stored whenever the stored bytes already
/// are what a reader may see, so most entries cost no JSON decoding at all.
enum FileEntryJSON {
    /// `record` as a file entry's JSON. With an opener in `registry`, sealed payloads and older
    /// schema versions are decoded (opened, upcast) and encoded again; every other payload is
    /// sent as stored.
    static func render(_ record: RecordedEvent, registry: EventRegistry) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(record.payload.count + 360)
        out += #"{"actor":"#.utf8
        string(record.actor, to: &out)
        if let correlationId = record.correlationId {
            out += #","correlationId":"#.utf8
            uuid(correlationId, to: &out)
        }
        out += #","eventId":"#.utf8
        uuid(record.eventId, to: &out)
        out += #","eventType":"#.utf8
        string(record.eventType, to: &out)
        out += #","occurredAt":"#.utf8
        string(record.occurredAt.iso8601, to: &out)
        out += #","payload":"#.utf8
        out += try payload(record, registry: registry)
        out += #","position":"#.utf8
        out += String(record.position).utf8
        out += #","recordedAt":"#.utf8
        string(record.recordedAt.iso8601, to: &out)
        out += #","streamId":"#.utf8
        string(record.streamId, to: &out)
        out += #","streamVersion":"#.utf8
        out += String(record.streamVersion).utf8
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The payload a reader sees: as stored without keys (as before opening existed), as stored
    /// when it is at the current schema version and holds no sealed field, its sealed fields
    /// opened in place when it is current (``SealedFieldSplice``), otherwise decoded.
    static func payload(_ record: RecordedEvent, registry: EventRegistry) throws -> [UInt8] {
        guard let opener = registry.opener, !isShownAsStored(record, registry: registry) else { return record.payload }
        if registry.entries[record.eventType]?.currentVersion == record.schemaVersion,
            !SealedFieldSplice.typesOpenedByDecoding.contains(record.eventType),
            let opened = try SealedFieldSplice.opened(record.payload, by: opener)
        {
            return opened
        }
        return try decodedPayload(record, registry: registry)
    }

    /// The payload decoded with `registry` (opened, upcast) and encoded again: what a reader
    /// sees, however it is stored.
    static func decodedPayload(_ record: RecordedEvent, registry: EventRegistry) throws -> [UInt8] {
        try EventCoding.encode(any: record.decoded(registry: registry))
    }

    /// True when decoding and encoding `record` again would only reproduce its stored payload:
    /// no upcast applies and nothing is sealed. A sealed field is stored as `{"sealed":{...}}`;
    /// the key is looked for anywhere in the bytes, so text that merely mentions it takes the
    /// slow path too, never the other way round.
    static func isShownAsStored(_ record: RecordedEvent, registry: EventRegistry) -> Bool {
        guard registry.entries[record.eventType]?.currentVersion == record.schemaVersion else { return false }
        return !contains(record.payload, sealedKey)
    }

    private static let sealedKey = Array(#""sealed""#.utf8)

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// Appends `id` as a JSON string, spelled as `uuidString` spells it (no escaping needed).
    static func uuid(_ id: UUID, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        UUIDText.append(id, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `text` as a JSON string (quotes, backslashes and control characters escaped).
    static func string(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += #"\u00"#.utf8
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
