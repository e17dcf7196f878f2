public import EventStore
import Foundation

/// Writes export lines byte by byte, with the payload spliced in as the store keeps it (it is
/// already ``EventCoding``'s sorted-key JSON). The bytes equal ``EventLine/encoded()``'s, which
/// goes through `JSONValue` and Foundation's encoder at a fraction of the speed.
public enum EventLineEncoder {
    /// The line (without its newline) for an event as the log holds it.
    public static func line(_ recorded: RecordedEvent) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(recorded.payload.count + 400)
        bytes.appendField("actor", first: true) { $0.appendString(recorded.actor) }
        if let causation = recorded.causationId { bytes.appendField("causationId") { $0.appendUUID(causation) } }
        if let correlation = recorded.correlationId { bytes.appendField("correlationId") { $0.appendUUID(correlation) } }
        bytes.appendField("eventId") { $0.appendUUID(recorded.eventId) }
        bytes.appendField("eventType") { $0.appendString(recorded.eventType) }
        bytes.appendField("occurredAt") { $0.appendTimestamp(recorded.occurredAt) }
        bytes.appendField("payload") { $0 += recorded.payload }
        bytes.appendField("position") { $0.appendDecimal(recorded.position) }
        bytes.appendField("recordedAt") { $0.appendTimestamp(recorded.recordedAt) }
        bytes.appendField("schemaVersion") { $0.appendDecimal(UInt64(recorded.schemaVersion)) }
        bytes.appendField("stream") { $0.appendString(recorded.streamId) }
        bytes.appendField("streamVersion") { $0.appendDecimal(recorded.streamVersion) }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}

extension [UInt8] {
    /// `"name":` (after a comma unless `first`, after `{` when it is), then the value.
    fileprivate mutating func appendField(_ name: StaticString, first: Bool = false, value: (inout [UInt8]) -> Void) {
        append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        append(UInt8(ascii: "\""))
        append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        value(&self)
    }

    /// A JSON string; text needing escapes goes through Foundation, so escaping stays its own.
    fileprivate mutating func appendString(_ text: String) {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            append(UInt8(ascii: "\""))
            append(contentsOf: utf8)
            append(UInt8(ascii: "\""))
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        append(contentsOf: (try? encoder.encode(text)) ?? Data("\"\"".utf8))
    }

    /// A UUID as Foundation writes it: quoted, upper-case hex in 8-4-4-4-12 groups.
    fileprivate mutating func appendUUID(_ id: UUID) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        append(UInt8(ascii: "\""))
        Swift.withUnsafeBytes(of: id.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { append(UInt8(ascii: "-")) }
                append(hex[Int(byte >> 4)])
                append(hex[Int(byte & 0x0F)])
            }
        }
        append(UInt8(ascii: "\""))
    }

    /// An unsigned integer in decimal.
    fileprivate mutating func appendDecimal(_ value: UInt64) {
        guard value >= 10 else { return append(UInt8(ascii: "0") + UInt8(value)) }
        appendDecimal(value / 10)
        append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// `Timestamp.iso8601`, quoted: `"2025-04-01T09:30:00.000000Z"`, in UTC. Its digits never
    /// need escaping.
    fileprivate mutating func appendTimestamp(_ timestamp: Timestamp) {
        append(UInt8(ascii: "\""))
        append(contentsOf: timestamp.iso8601.utf8)
        append(UInt8(ascii: "\""))
    }
}
