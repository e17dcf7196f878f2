import Foundation

/// The on-disk shape of one log record (format 1), little-endian inside the value:
///
///     u8 recordFormat | u64 position | u64 streamVersion | 16 eventId
///     i64 recordedAt µs | i64 occurredAt µs | u16 schemaVersion | u8 flags
///     [16 correlationId] [16 causationId]          (when flags bit 0 / bit 1)
///     u16+streamId | u16+eventType | u16+actor | u32+payload
///     32 hash = SHA-256(previous hash ‖ every byte above)
///
/// The position is stored although the key holds it too, so a record moved to another key
/// fails verification.
enum RecordCodec {
    static let recordFormat: UInt8 = 1
    static let hashBytes = 32
    private static let fixedHeaderBytes = 1 + 8 + 8 + 16 + 8 + 8 + 2 + 1

    /// Offsets of the fields the writer fills in, inside a record and inside its body.
    static let positionOffset = 1
    static let streamVersionOffset = 9
    static let eventIdOffset = 17
    static let recordedAtOffset = 33

    /// Bytes of the record without its hash: what ``encodeBody(_:streamId:into:)`` writes.
    static func bodyBytes(_ event: ProposedEvent, streamId: String) -> Int {
        fixedHeaderBytes + (event.correlationId == nil ? 0 : 16) + (event.causationId == nil ? 0 : 16)
            + 2 + streamId.utf8.count + 2 + event.eventType.utf8.count + 2 + event.actor.utf8.count
            + 4 + event.payload.count
    }

    /// Writes the record without its hash, leaving zeros where the writer puts the position,
    /// the stream version and the recorded-at time. This runs in the appending task, so the
    /// single writer only fills in those three fields, hashes and puts.
    static func encodeBody(_ event: ProposedEvent, streamId: String, into writer: inout ByteWriter) {
        writer.put(recordFormat)
        writer.put(UInt64(0))  // position
        writer.put(UInt64(0))  // stream version
        writer.put(uuid: event.eventId)
        writer.put(UInt64(0))  // recorded-at
        writer.put(UInt64(bitPattern: event.occurredAt.microsecondsSinceEpoch))
        writer.put(event.schemaVersion)
        writer.put(UInt8((event.correlationId == nil ? 0 : 1) | (event.causationId == nil ? 0 : 2)))
        if let correlation = event.correlationId { writer.put(uuid: correlation) }
        if let causation = event.causationId { writer.put(uuid: causation) }
        writer.putString16(streamId)
        writer.putString16(event.eventType)
        writer.putString16(event.actor)
        writer.put(UInt32(event.payload.count))
        writer.put(bytes: event.payload)
    }

    /// Copies `body` into `buffer` (exactly `body.count + hashBytes` long) with the assigned
    /// fields filled in, appends SHA-256(previous hash ‖ record) and returns that hash.
    static func seal(
        body: UnsafeRawBufferPointer, position: UInt64, streamVersion: UInt64, recordedAt: Timestamp,
        previousHash: ChainHash, into buffer: UnsafeMutableRawBufferPointer
    ) -> ChainHash {
        precondition(buffer.count == body.count + hashBytes, "record size mismatch: \(buffer.count) for a body of \(body.count)")
        buffer.copyMemory(from: body)
        buffer.storeBytes(of: position.littleEndian, toByteOffset: positionOffset, as: UInt64.self)
        buffer.storeBytes(of: streamVersion.littleEndian, toByteOffset: streamVersionOffset, as: UInt64.self)
        buffer.storeBytes(of: UInt64(bitPattern: recordedAt.microsecondsSinceEpoch).littleEndian, toByteOffset: recordedAtOffset, as: UInt64.self)
        let hash = ChainHash.link(previous: previousHash, body: UnsafeRawBufferPointer(rebasing: buffer[0..<body.count]))
        hash.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[body.count...]).copyMemory(from: $0) }
        return hash
    }

    /// Decodes a record read from the map; throws ``EventStoreError/corruptRecord(position:reason:)``
    /// naming `keyPosition` when the bytes do not form a valid record.
    static func decode(_ bytes: UnsafeRawBufferPointer, keyPosition: UInt64) throws -> RecordedEvent {
        do {
            return try decodeUnchecked(bytes, keyPosition: keyPosition)
        } catch let problem as ByteReader.Problem {
            throw EventStoreError.corruptRecord(position: keyPosition, reason: problem.reason)
        }
    }

    private static func decodeUnchecked(_ bytes: UnsafeRawBufferPointer, keyPosition: UInt64) throws -> RecordedEvent {
        var reader = ByteReader(buffer: bytes)
        let format: UInt8 = try reader.get()
        guard format == recordFormat else { throw ByteReader.Problem(reason: "unknown record format \(format)") }
        let position: UInt64 = try reader.get()
        guard position == keyPosition else {
            throw ByteReader.Problem(reason: "record says position \(position) but is stored under \(keyPosition)")
        }
        let streamVersion: UInt64 = try reader.get()
        let eventId = try reader.getUUID()
        let recordedAt = Timestamp(microsecondsSinceEpoch: Int64(bitPattern: try reader.get()))
        let occurredAt = Timestamp(microsecondsSinceEpoch: Int64(bitPattern: try reader.get()))
        let schemaVersion: UInt16 = try reader.get()
        let flags: UInt8 = try reader.get()
        let correlationId = flags & 1 != 0 ? try reader.getUUID() : nil
        let causationId = flags & 2 != 0 ? try reader.getUUID() : nil
        let streamId = try reader.getString16(field: "stream id")
        let eventType = try reader.getString16(field: "event type")
        let actor = try reader.getString16(field: "actor")
        let payloadCount = Int(try reader.get() as UInt32)
        let payload = try reader.getBytes(payloadCount)
        let hash = ChainHash(bytes: try reader.take(hashBytes, "the hash"))
        guard reader.isAtEnd else { throw ByteReader.Problem(reason: "\(reader.remaining) trailing bytes") }
        return RecordedEvent(
            position: position, streamId: streamId, streamVersion: streamVersion, eventId: eventId,
            eventType: eventType, schemaVersion: schemaVersion, recordedAt: recordedAt, occurredAt: occurredAt,
            actor: actor, correlationId: correlationId, causationId: causationId, payload: payload, hash: hash)
    }

    /// The stored hash and the bytes it covers, without decoding the rest.
    static func hashParts(_ bytes: UnsafeRawBufferPointer) -> (body: UnsafeRawBufferPointer, hash: UnsafeRawBufferPointer)? {
        guard bytes.count > fixedHeaderBytes + hashBytes else { return nil }
        let split = bytes.count - hashBytes
        return (UnsafeRawBufferPointer(rebasing: bytes[0..<split]), UnsafeRawBufferPointer(rebasing: bytes[split...]))
    }
}

extension RecordCodec {
    /// The stream version, event id and stream id (a view into `bytes`) of a record, without
    /// decoding the rest or allocating: what the indexes need when the log is read past them
    /// (``TailScan``).
    static func indexFields(
        _ bytes: UnsafeRawBufferPointer, keyPosition: UInt64
    ) throws -> (version: UInt64, eventId: UUIDOrder, stream: UnsafeRawBufferPointer) {
        do {
            var reader = ByteReader(buffer: bytes)
            let format: UInt8 = try reader.get()
            guard format == recordFormat else { throw ByteReader.Problem(reason: "unknown record format \(format)") }
            _ = try reader.take(8, "the position")
            let version: UInt64 = try reader.get()
            let eventId = UUIDOrder(try reader.take(16, "the event id"))
            _ = try reader.take(8 + 8 + 2, "the header")
            let flags: UInt8 = try reader.get()
            _ = try reader.take((flags & 1 != 0 ? 16 : 0) + (flags & 2 != 0 ? 16 : 0), "the correlation and causation ids")
            let streamBytes = Int(try reader.get() as UInt16)
            return (version, eventId, try reader.take(streamBytes, "the stream id"))
        } catch let problem as ByteReader.Problem {
            throw EventStoreError.corruptRecord(position: keyPosition, reason: problem.reason)
        }
    }
}
