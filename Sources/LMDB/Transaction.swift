import CLMDB

/// A read snapshot. It exists only inside ``Environment/read(_:)`` (or as the base of a
/// ``WriteTransaction``) and is deliberately not `Sendable`: it must not leave its closure.
///
/// Buffers returned by ``get(_:key:)`` and by cursors point into the memory map and are valid
/// only until the transaction ends: copy what must outlive it.
public class Transaction {
    fileprivate(set) var handle: OpaquePointer?
    let environment: Environment

    init(environment: Environment, readOnly: Bool) throws {
        var transaction: OpaquePointer?
        let flags = readOnly ? UInt32(MDB_RDONLY) : 0
        try check(mdb_txn_begin(environment.handle, nil, flags, &transaction), "mdb_txn_begin")
        self.handle = transaction
        self.environment = environment
    }

    func abort() {
        if let handle { mdb_txn_abort(handle) }
        handle = nil
    }

    func liveHandle(_ operation: String) throws -> OpaquePointer {
        guard let handle else {
            throw LMDBError(code: .badTransaction, operation: operation, message: "the transaction has ended")
        }
        return handle
    }

    /// The value stored under `key`, or nil. The buffer is valid until the transaction ends.
    public func get(_ database: Database, key: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer? {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var value = MDB_val()
        let code = mdb_get(try liveHandle("mdb_get"), database.handle, &keyValue, &value)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_get(\(database.name))")
        return UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
    }

    /// The value stored under `key`, or nil. The buffer is valid until the transaction ends.
    public func get(_ database: Database, key: [UInt8]) throws -> UnsafeRawBufferPointer? {
        try key.withUnsafeBytes { try get(database, key: $0) }
    }

    /// The named database, or nil if it does not exist. The handle lives only as long as this
    /// transaction unless the transaction is a committed write.
    public func openExistingDatabase(named name: String) throws -> Database? {
        var handle: MDB_dbi = 0
        let code = mdb_dbi_open(try liveHandle("mdb_dbi_open"), name, 0, &handle)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_dbi_open(\(name))")
        return Database(handle: handle, name: name)
    }

    /// Number of entries in `database`.
    public func count(_ database: Database) throws -> Int {
        var stat = MDB_stat()
        try check(mdb_stat(try liveHandle("mdb_stat"), database.handle, &stat), "mdb_stat(\(database.name))")
        return stat.ms_entries
    }

    /// Runs `body` with a cursor over `database`; the cursor closes when `body` returns.
    public func withCursor<R>(_ database: Database, _ body: (borrowing Cursor) throws -> R) throws -> R {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(try liveHandle("mdb_cursor_open"), database.handle, &cursor), "mdb_cursor_open(\(database.name))")
        guard let cursor else { throw LMDBError(code: .invalid, operation: "mdb_cursor_open") }
        defer { mdb_cursor_close(cursor) }
        return try body(Cursor(handle: cursor, database: database))
    }
}

/// A write transaction: everything a ``Transaction`` reads, plus writes. Only inside
/// ``Environment/write(_:)``; reads see this transaction's own uncommitted writes.
public final class WriteTransaction: Transaction {
    init(environment: Environment) throws {
        try super.init(environment: environment, readOnly: false)
    }

    func commit() throws {
        let handle = try liveHandle("mdb_txn_commit")
        self.handle = nil  // mdb_txn_commit frees the transaction whether or not it succeeds
        try check(mdb_txn_commit(handle), "mdb_txn_commit")
    }

    /// Stores `value` under `key`.
    public func put(_ database: Database, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: PutFlags = []) throws {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var valueValue = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try check(mdb_put(try liveHandle("mdb_put"), database.handle, &keyValue, &valueValue, flags.rawValue), "mdb_put(\(database.name))")
    }

    /// Stores `value` under `key`.
    public func put(_ database: Database, key: [UInt8], value: [UInt8], flags: PutFlags = []) throws {
        try key.withUnsafeBytes { key in
            try value.withUnsafeBytes { value in try put(database, key: key, value: value, flags: flags) }
        }
    }

    /// Stores `value` under `key` unless the key is present. Returns false (writing nothing)
    /// when it is.
    public func insert(_ database: Database, key: [UInt8], value: [UInt8]) throws -> Bool {
        do {
            try put(database, key: key, value: value, flags: .noOverwrite)
            return true
        } catch LMDBError.keyExists {
            return false
        }
    }

    /// Reserves `count` bytes under `key` and lets `fill` write them in place, saving a copy.
    public func put(
        _ database: Database, key: UnsafeRawBufferPointer, reservingBytes count: Int, flags: PutFlags = [],
        fill: (UnsafeMutableRawBufferPointer) throws -> Void
    ) throws {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var value = MDB_val(mv_size: count, mv_data: nil)
        let allFlags = flags.rawValue | UInt32(MDB_RESERVE)
        try check(mdb_put(try liveHandle("mdb_put"), database.handle, &keyValue, &value, allFlags), "mdb_put(\(database.name), reserve)")
        try fill(UnsafeMutableRawBufferPointer(start: value.mv_data, count: count))
    }

    /// Deletes `key` (every value of it in a duplicate-sorted database). Returns false if absent.
    @discardableResult
    public func delete(_ database: Database, key: [UInt8]) throws -> Bool {
        try key.withUnsafeBytes { key in
            var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
            let code = mdb_del(try liveHandle("mdb_del"), database.handle, &keyValue, nil)
            if code == MDB_NOTFOUND { return false }
            try check(code, "mdb_del(\(database.name))")
            return true
        }
    }

    /// Deletes `database` and its name; its handle is closed once this transaction commits.
    public func drop(_ database: Database) throws {
        try check(mdb_drop(try liveHandle("mdb_drop"), database.handle, 1), "mdb_drop(\(database.name), delete)")
    }

    /// Removes every entry of `database`, keeping the database itself.
    public func clear(_ database: Database) throws {
        try check(mdb_drop(try liveHandle("mdb_drop"), database.handle, 0), "mdb_drop(\(database.name))")
    }
}
