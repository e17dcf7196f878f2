import Foundation
import LMDB

/// The named LMDB databases of a store and how their keys are built.
///
/// | database     | key                                   | value                  |
/// |--------------|---------------------------------------|------------------------|
/// | `log`        | position, big-endian u64              | record (RecordCodec)   |
/// | `streams`    | stream id ‖ 0x00 ‖ version (BE u64)   | position (BE u64)      |
/// | `heads`      | stream id                             | version (BE u64)       |
/// | `event-ids`  | event id (16 bytes)                   | position (BE u64)      |
/// | `categories` | category (dup-sorted)                 | position (BE u64)      |
/// | `meta`       | name                                  | value                  |
///
/// Big-endian keys make LMDB's byte order numeric order, so the log appends with
/// `MDB_APPEND` and a category's positions with `MDB_APPENDDUP`. Stream ids hold no NUL, so
/// the 0x00 separator keeps one stream's keys contiguous and in version order.
struct StoreLayout: Sendable {
    /// Version of the on-disk format this build writes and reads.
    static let formatVersion: UInt32 = 1
    static let formatKey = Array("format-version".utf8)
    static let createdAtKey = Array("created-at".utf8)

    let log: Database
    let streams: Database
    let heads: Database
    let eventIds: Database
    let categories: Database
    let meta: Database

    init(environment: Environment) throws {
        meta = try environment.openDatabase(named: "meta")
        log = try environment.openDatabase(named: "log")
        streams = try environment.openDatabase(named: "streams")
        heads = try environment.openDatabase(named: "heads")
        eventIds = try environment.openDatabase(named: "event-ids")
        categories = try environment.openDatabase(named: "categories", flags: [.duplicateSort, .duplicateFixed])
    }

    static func streamKey(_ streamId: String, version: UInt64) -> [UInt8] {
        var key = [UInt8]()
        key.reserveCapacity(streamId.utf8.count + 9)
        key.append(contentsOf: streamId.utf8)
        key.append(0)
        appendBigEndian(version, to: &key)
        return key
    }

    static func appendBigEndian(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    static func eventIdKey(_ eventId: UUID) -> [UInt8] {
        withUnsafeBytes(of: eventId.uuid) { Array($0) }
    }
}
