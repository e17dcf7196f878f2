import CLMDB

/// A cursor for many puts into one database, alive until its write transaction ends.
///
/// `mdb_put` positions a fresh cursor from the root on every call. A cursor kept for the
/// whole transaction stays on the page it last wrote: `MDB_APPEND` then skips the search
/// altogether, and a key on the current page is found without descending the tree (LMDB
/// checks the current page first). LMDB closes a write transaction's cursors when it ends,
/// so this one refuses to work afterwards instead of touching freed memory.
public final class WriteCursor {
    private let handle: OpaquePointer
    private let transaction: WriteTransaction
    public let database: Database

    init(transaction: WriteTransaction, database: Database) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(try transaction.liveHandle("mdb_cursor_open"), database.handle, &cursor), "mdb_cursor_open(\(database.name))")
        guard let cursor else { throw LMDBError(code: .invalid, operation: "mdb_cursor_open") }
        self.handle = cursor
        self.transaction = transaction
        self.database = database
    }

    /// Stores `value` under `key`.
    public func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: PutFlags = []) throws {
        _ = try transaction.liveHandle("mdb_cursor_put")
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var valueValue = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try check(mdb_cursor_put(handle, &keyValue, &valueValue, flags.rawValue), "mdb_cursor_put(\(database.name))")
    }

    /// Stores `value` under `key` unless the key is present; false (writing nothing) when it
    /// is. With ``PutFlags/append``, LMDB also answers false for a key that does not sort
    /// after every key, so pass it only when that is known.
    public func insert(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: PutFlags = []) throws -> Bool {
        do {
            try put(key: key, value: value, flags: flags.union(.noOverwrite))
            return true
        } catch LMDBError.keyExists {
            return false
        }
    }

    /// Reserves `count` bytes under `key` and lets `fill` write them in place, saving a copy.
    public func put(
        key: UnsafeRawBufferPointer, reservingBytes count: Int, flags: PutFlags = [],
        fill: (UnsafeMutableRawBufferPointer) throws -> Void
    ) throws {
        _ = try transaction.liveHandle("mdb_cursor_put")
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var value = MDB_val(mv_size: count, mv_data: nil)
        let allFlags = flags.rawValue | UInt32(MDB_RESERVE)
        try check(mdb_cursor_put(handle, &keyValue, &value, allFlags), "mdb_cursor_put(\(database.name), reserve)")
        try fill(UnsafeMutableRawBufferPointer(start: value.mv_data, count: count))
    }

    /// The last key in the database, or nil when it is empty. Moves the cursor there.
    public func lastKey<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        _ = try transaction.liveHandle("mdb_cursor_get")
        var key = MDB_val()
        var value = MDB_val()
        let code = mdb_cursor_get(handle, &key, &value, MDB_LAST)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_cursor_get(\(database.name), LAST)")
        return try body(UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size))
    }
}

extension WriteTransaction {
    /// A cursor for puts into `database` that lives until this transaction ends.
    public func writeCursor(_ database: Database) throws -> WriteCursor {
        try WriteCursor(transaction: self, database: database)
    }
}
