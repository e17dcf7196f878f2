import LMDB

/// The key of a record in the log: `0xFF` then its position, big-endian.
///
/// The log lives in LMDB's unnamed main database (format 4), so an append's commit writes the
/// log's own pages and nothing else: a named database would also rewrite its entry in the main
/// database every commit, one page more than the log itself. The main database also holds
/// the names of the named databases (`meta`, `streams`, …), which are UTF-8 and so never start
/// with `0xFF`: every log key sorts after them, `MDB_APPEND` still works, and a key that is
/// not 9 bytes starting with `0xFF` is a name, not a record.
enum LogKey {
    static let prefix: UInt8 = 0xFF
    static let byteCount = 9

    static func bytes(_ position: UInt64) -> [UInt8] {
        var key = [prefix]
        key.reserveCapacity(byteCount)
        withUnsafeBytes(of: position.bigEndian) { key.append(contentsOf: $0) }
        return key
    }

    /// Calls `body` with the key of `position` on the stack (the append's hot path).
    static func withBytes<R>(_ position: UInt64, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var key: (UInt8, UInt64) = (0, 0)  // room for the 9 bytes
        return try withUnsafeMutableBytes(of: &key) { room in
            room[0] = prefix
            room.storeBytes(of: position.bigEndian, toByteOffset: 1, as: UInt64.self)
            return try body(UnsafeRawBufferPointer(rebasing: room[..<byteCount]))
        }
    }

    /// The position a log key names, or nil for any other key of the main database.
    static func position(_ key: UnsafeRawBufferPointer) -> UInt64? {
        guard key.count == byteCount, key[0] == prefix else { return nil }
        return BigEndian.uint64(key, at: 1)
    }
}
