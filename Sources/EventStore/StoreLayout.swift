import Foundation
import LMDB

/// The LMDB databases of a store and how their keys are built.
///
/// | database       | key                                   | value                            |
/// |----------------|---------------------------------------|----------------------------------|
/// | main (unnamed) | ``LogKey``: `0xFF` ‖ position (BE u64) | record (RecordCodec)            |
/// | `streams`      | stream id (dup-sorted)                | version (BE u64) ‖ position (BE) |
/// | `event-ids`    | event id (16 bytes)                   | position (BE u64)                |
/// | `categories`   | category (dup-sorted)                 | position (BE u64)                |
/// | `meta`         | name                                  | value                            |
///
/// The log alone is written in the durable commit of an append; `streams`, `categories` and
/// `event-ids` follow in later transactions that take many commits' entries at once, and
/// `meta`'s `indexed-through` (big-endian u64), written with them, says how far they reach
/// (format 3; in format 2 `event-ids` was written with the log). The records past it are the
/// unindexed tail: ``UnindexedTail``.
///
/// Big-endian integers make LMDB's byte order numeric order, so the log appends with
/// `MDB_APPEND`, and a stream's versions and a category's positions with `MDB_APPENDDUP`.
/// A stream's head is its last duplicate, so no separate table of heads is kept up to date.
struct StoreLayout: Sendable {
    /// Version of the on-disk format this build writes and reads. Format 4 keeps the log in the
    /// main database (``LogKey``); formats 1–3 kept it in a database named `log` under 8-byte
    /// keys. Format 3 indexes streams, categories and event ids behind the log
    /// (`indexed-through`); a format 2 store (event ids indexed with the log, so indexed
    /// further) and a format 1 store (indexed in full) reach at least as far. Older stores are
    /// upgraded when opened (``StoreDirectory/upgrade(from:_:layout:)``). An older build refuses
    /// a format 4 store, as format 3 is newer than format 2's builds.
    static let formatVersion: UInt32 = 4
    static let formatKey = Array("format-version".utf8)
    static let createdAtKey = Array("created-at".utf8)

    let log: Database
    let streams: Database
    let eventIds: Database
    let categories: Database
    let meta: Database

    init(environment: Environment) throws {
        meta = try environment.openDatabase(named: "meta")
        log = try environment.openMainDatabase()
        streams = try environment.openDatabase(named: "streams", flags: [.duplicateSort, .duplicateFixed])
        eventIds = try environment.openDatabase(named: "event-ids")
        categories = try environment.openDatabase(named: "categories", flags: [.duplicateSort, .duplicateFixed])
    }

    /// The record an index entry points at; a missing one is corruption, named by position.
    func record(at position: UInt64, in transaction: Transaction) throws -> RecordedEvent {
        guard let bytes = try LogKey.withBytes(position, { try transaction.get(log, key: $0) }) else {
            throw EventStoreError.corruptRecord(position: position, reason: "an index points at a missing record")
        }
        return try RecordCodec.decode(bytes, keyPosition: position)
    }

    /// A `streams` value: version then position, both big-endian, so values sort by version.
    static func streamEntry(version: UInt64, position: UInt64) -> [UInt8] {
        var entry = BigEndian.bytes(version)
        withUnsafeBytes(of: position.bigEndian) { entry.append(contentsOf: $0) }
        return entry
    }

    static func streamEntryParts(_ value: UnsafeRawBufferPointer) -> (version: UInt64, position: UInt64) {
        (BigEndian.uint64(value, at: 0), BigEndian.uint64(value, at: 8))
    }

    static func eventIdKey(_ eventId: UUID) -> [UInt8] {
        withUnsafeBytes(of: eventId.uuid) { Array($0) }
    }
}
