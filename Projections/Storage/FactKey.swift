import Foundation

/// How facts are keyed on disk: `table ␟ row key ␟ position ‖ placement`, so a row's facts are
/// one contiguous range in log order, adding a fact is one put, and reading a row is one
/// range scan. The unit separator (0x1F) never appears in ids, so a row's prefix cannot be
/// the prefix of another row's (`client␟c-1␟` is not a prefix of `client␟c-10␟`).
enum FactKey {
    static let separator: UInt8 = 0x1F
    /// Big-endian position (8) and placement index (1) after the row prefix.
    static let suffixBytes = 9

    /// `table ␟`: every row of a table.
    static func tablePrefix(_ table: String) -> [UInt8] {
        var bytes = Array(table.utf8)
        bytes.append(separator)
        return bytes
    }

    /// `table ␟ key ␟`: every fact of a row.
    static func rowPrefix(_ row: RowKey) -> [UInt8] {
        var bytes = tablePrefix(row.table)
        bytes.append(contentsOf: row.key.utf8)
        bytes.append(separator)
        return bytes
    }

    /// The key of one fact.
    static func key(_ row: RowKey, position: UInt64, placement: Int) -> [UInt8] {
        var writer = ByteWriter(capacity: row.table.utf8.count + row.key.utf8.count + 2 + suffixBytes)
        write(row, position: position, placement: placement, to: &writer)
        return writer.bytes
    }

    /// Appends the key of one fact to `writer` (the hot path reuses one writer per batch).
    static func write(_ row: RowKey, position: UInt64, placement: Int, to writer: inout ByteWriter) {
        writer.write(contentsOf: row.table.utf8)
        writer.write(separator)
        writer.write(contentsOf: row.key.utf8)
        writer.write(separator)
        writer.write(bigEndian: position)
        writer.write(UInt8(placement))
    }

    /// The row and position of a stored fact key, or nil when it is not shaped like one.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> (row: RowKey, position: UInt64)? {
        guard bytes.count > suffixBytes + 1, bytes[bytes.count - suffixBytes - 1] == separator,
            let split = bytes.firstIndex(of: separator), split < bytes.count - suffixBytes - 1
        else { return nil }
        let table = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<split]), as: UTF8.self)
        let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(split + 1)..<(bytes.count - suffixBytes - 1)]), as: UTF8.self)
        return (RowKey(table, key), position(bytes))
    }

    /// The position in a fact key (the 8 bytes before the placement byte).
    static func position(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0
        for index in (bytes.count - suffixBytes)..<(bytes.count - 1) { value = value << 8 | UInt64(bytes[index]) }
        return value
    }
}

/// A stored fact's value: event id (16 bytes), position of the correction that replaced it
/// (big-endian, 0 for none), then the fact in the projection's binary form.
enum FactValue {
    static let headerBytes = 24

    static func write(eventId: UUID, correctedAt: UInt64?, to writer: inout ByteWriter) {
        withUnsafeBytes(of: eventId.uuid) { writer.write(contentsOf: $0) }
        writer.write(bigEndian: correctedAt ?? 0)
    }

    /// Reads the header; the reader is left at the fact.
    static func header(_ reader: inout ByteReader) throws(ByteReaderError) -> (eventId: UUID, correctedAt: UInt64?) {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        try withUnsafeMutableBytes(of: &uuid) { (raw: UnsafeMutableRawBufferPointer) throws(ByteReaderError) in
            for index in 0..<16 { raw[index] = try reader.byte("event id") }
        }
        let corrected = try reader.bigEndianUInt64("correction position")
        return (UUID(uuid: uuid), corrected == 0 ? nil : corrected)
    }
}

extension FactProjection {
    /// Writes the key and value a placed fact is stored under into `key` and `value` (emptied
    /// first): the one encoding the batch path (``ModelWriter``) and the in-memory build
    /// (``EmptyModelBuilder``) share, so the two leave the same bytes.
    static func encodeStored(
        _ fact: Fact, row: RowKey, position: UInt64, placement: Int, eventId: UUID, correctedAt: UInt64?,
        key: inout ByteWriter, value: inout ByteWriter
    ) {
        key.removeAll()
        FactKey.write(row, position: position, placement: placement, to: &key)
        value.removeAll()
        FactValue.write(eventId: eventId, correctedAt: correctedAt, to: &value)
        encode(fact, to: &value)
    }
}
