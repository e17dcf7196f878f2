import Foundation
import LMDB

/// Creating the data folder and checking what is in it, before anything is written.
enum StoreDirectory {
    static func prepare(_ directory: String, create: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw EventStoreError.notAStore(path: directory, reason: "it is a file, not a folder")
            }
            return
        }
        guard create else {
            throw EventStoreError.notAStore(path: directory, reason: "no such folder")
        }
        // Owner-only: the log holds personal data.
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Refuses a store written by a newer format, or an LMDB environment that is not Harbour's,
    /// before any database is created in it.
    static func checkFormat(_ environment: Environment, path: String) throws {
        let found: UInt32? = try environment.read { transaction in
            guard let meta = try transaction.openExistingDatabase(named: "meta") else { return nil }
            guard let bytes = try transaction.get(meta, key: StoreLayout.formatKey), bytes.count == 4 else {
                throw EventStoreError.notAStore(path: path, reason: "its meta database has no format version")
            }
            return UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self))
        }
        if let found, found > StoreLayout.formatVersion {
            throw EventStoreError.formatTooNew(found: found, supported: StoreLayout.formatVersion)
        }
        if found == nil, try environment.mainDatabaseEntries() > 0 {
            throw EventStoreError.notAStore(path: path, reason: "it holds LMDB databases that are not Harbour's")
        }
    }

    /// Stamps a new store with the current format, or upgrades a format 1, 2 or 3 store; checked
    /// by ``checkFormat(_:path:)`` first, so any other version found here is the current one.
    /// Returns the format a store was upgraded from, or nil.
    @discardableResult
    static func stampFormatIfNew(_ environment: Environment, layout: StoreLayout) throws -> UInt32? {
        try environment.write { transaction in
            guard let found = try transaction.get(layout.meta, key: StoreLayout.formatKey) else {
                try stamp(StoreLayout.formatVersion, in: transaction, layout: layout)
                try transaction.put(layout.meta, key: StoreLayout.createdAtKey, value: Array(Timestamp.now().iso8601.utf8))
                return nil
            }
            let version = UInt32(littleEndian: found.loadUnaligned(as: UInt32.self))
            guard version < StoreLayout.formatVersion else { return nil }
            try upgrade(from: version, transaction, layout: layout)
            return version
        }
    }

    /// Formats 1–3 kept the log in a database of its own: it moves into the main database
    /// (``LegacyLog``). A format 1 store indexed every record in its append's transaction: its
    /// indexes reach its last record, which is all format 3 needs to know. A format 2 store's
    /// `event-ids` reaches further than its `indexed-through`, which format 3 allows.
    static func upgrade(from version: UInt32, _ transaction: WriteTransaction, layout: StoreLayout) throws {
        _ = try LegacyLog.moveIntoMainDatabase(in: transaction, layout: layout)
        if version == 1 {
            let head = try TailScan.bounds(in: transaction, layout: layout).head
            try IndexedThrough.write(head, in: transaction, layout: layout)
        }
        try stamp(StoreLayout.formatVersion, in: transaction, layout: layout)
    }

    private static func stamp(_ format: UInt32, in transaction: WriteTransaction, layout: StoreLayout) throws {
        try withUnsafeBytes(of: format.littleEndian) { version in
            try StoreLayout.formatKey.withUnsafeBytes { key in
                try transaction.put(layout.meta, key: key, value: version)
            }
        }
    }
}

/// The last committed record: where the next append goes and what it chains to.
struct LogTail: Sendable, Equatable {
    var position: UInt64
    var hash: ChainHash
    /// Recorded-at times never go backwards along the log, even if the clock does, so a
    /// date maps to a position by binary search (replay "as of" a date).
    var recordedAt: Timestamp

    static let empty = LogTail(position: 0, hash: .zero, recordedAt: Timestamp(microsecondsSinceEpoch: 0))

    static func load(in transaction: Transaction, layout: StoreLayout) throws -> LogTail {
        try transaction.withCursor(layout.log) { cursor in
            guard let last = try cursor.last(), let position = LogKey.position(last.key) else { return .empty }
            let record = try RecordCodec.decode(last.value, keyPosition: position)
            return LogTail(position: position, hash: record.hash, recordedAt: record.recordedAt)
        }
    }
}
