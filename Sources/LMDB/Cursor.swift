import CLMDB

/// A position in a database, alive only inside ``Transaction/withCursor(_:_:)``.
/// Returned buffers point into the memory map and are valid until the transaction ends.
public struct Cursor: ~Copyable {
    public typealias Entry = (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)

    let handle: OpaquePointer
    let database: Database

    public func first() throws -> Entry? { try get(MDB_FIRST) }
    public func last() throws -> Entry? { try get(MDB_LAST) }
    public func next() throws -> Entry? { try get(MDB_NEXT) }
    public func previous() throws -> Entry? { try get(MDB_PREV) }
    /// For duplicate-sorted databases: the next value of the current key only.
    public func nextDuplicate() throws -> Entry? { try get(MDB_NEXT_DUP) }
    /// For duplicate-sorted databases: the previous value of the current key only.
    public func previousDuplicate() throws -> Entry? { try get(MDB_PREV_DUP) }
    /// For duplicate-sorted databases: the last value of the current key.
    public func lastDuplicate() throws -> Entry? { try get(MDB_LAST_DUP) }
    /// For duplicate-sorted databases: the first value of the next key.
    public func nextKey() throws -> Entry? { try get(MDB_NEXT_NODUP) }

    /// The first entry whose key is greater than or equal to `key`.
    public func seek(atOrAfter key: UnsafeRawBufferPointer) throws -> Entry? {
        try get(MDB_SET_RANGE, key: key)
    }

    /// The first entry whose key is greater than or equal to `key`.
    public func seek(atOrAfter key: [UInt8]) throws -> Entry? {
        try key.withUnsafeBytes { try seek(atOrAfter: $0) }
    }

    /// The last entry whose key is less than or equal to `key`.
    public func seek(atOrBefore key: [UInt8]) throws -> Entry? {
        if let entry = try seek(atOrAfter: key) {
            if entry.key.elementsEqual(key) { return entry }
            return try previous()
        }
        return try last()
    }

    /// The entry with exactly this key (its first value, in a duplicate-sorted database).
    public func seek(exactly key: [UInt8]) throws -> Entry? {
        try key.withUnsafeBytes { try seek(exactly: $0) }
    }

    /// The entry with exactly this key (its first value, in a duplicate-sorted database).
    public func seek(exactly key: UnsafeRawBufferPointer) throws -> Entry? {
        try get(MDB_SET_KEY, key: key)
    }

    func getBoth(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws -> Entry? {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var valueValue = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        let code = mdb_cursor_get(handle, &keyValue, &valueValue, MDB_GET_BOTH_RANGE)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_cursor_get(\(database.name), GET_BOTH_RANGE)")
        return (
            UnsafeRawBufferPointer(start: keyValue.mv_data, count: keyValue.mv_size),
            UnsafeRawBufferPointer(start: valueValue.mv_data, count: valueValue.mv_size)
        )
    }

    private func get(_ operation: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil) throws -> Entry? {
        var keyValue = MDB_val(mv_size: key?.count ?? 0, mv_data: UnsafeMutableRawPointer(mutating: key?.baseAddress))
        var value = MDB_val()
        let code = mdb_cursor_get(handle, &keyValue, &value, operation)
        if code == MDB_NOTFOUND { return nil }
        try check(code, "mdb_cursor_get(\(database.name))")
        return (
            UnsafeRawBufferPointer(start: keyValue.mv_data, count: keyValue.mv_size),
            UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
        )
    }
}

extension Cursor {
    /// For duplicate-sorted databases: the first value of `key` that is greater than or equal
    /// to `value`.
    public func seek(key: [UInt8], valueAtOrAfter value: [UInt8]) throws -> Entry? {
        try key.withUnsafeBytes { key in
            try value.withUnsafeBytes { value in try getBoth(key: key, value: value) }
        }
    }
}
