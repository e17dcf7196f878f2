import LMDB

/// The log of a store written by format 1, 2 or 3: a database named `log` under 8-byte
/// big-endian positions. Upgrading moves it into the main database under ``LogKey``s.
enum LegacyLog {
    static let name = "log"

    /// Moves every record into `layout.log` and deletes the `log` database, in the caller's
    /// transaction (so a crash leaves the old format whole). Returns how many records moved.
    /// The record bytes, and so the hash chain, are unchanged.
    static func moveIntoMainDatabase(in transaction: WriteTransaction, layout: StoreLayout) throws -> Int {
        guard let legacy = try transaction.openExistingDatabase(named: name) else { return 0 }
        let target = try transaction.writeCursor(layout.log)
        var moved = 0
        try transaction.withCursor(legacy) { cursor in
            var entry = try cursor.first()
            while let current = entry {
                guard current.key.count == 8 else {
                    throw EventStoreError.corruptRecord(
                        position: UInt64(moved + 1), reason: "the format 3 log holds a \(current.key.count)-byte key")
                }
                let position = BigEndian.uint64(current.key)
                try LogKey.withBytes(position) { try target.put(key: $0, value: current.value, flags: .append) }
                moved += 1
                entry = try cursor.next()
            }
        }
        try transaction.drop(legacy)
        return moved
    }
}
