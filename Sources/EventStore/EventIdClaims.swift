import LMDB

/// Claims event ids in the `event-ids` index of one write transaction, at its end when it can.
///
/// Ids minted in this process are UUIDv7s that increase (``UUIDv7/make(at:)``), so a new id
/// usually sorts after every id in the index: it goes in with `MDB_APPEND`, which skips the
/// search and fills pages to the brim instead of splitting them in half. An id that does not
/// sort last (an imported log, another process's or clock's ids) takes a normal put. Both
/// refuse an id that is already there.
struct EventIdClaims {
    private enum Largest {
        case unknown
        case known(UUIDOrder?)
    }

    private let cursor: WriteCursor
    private var largest = Largest.unknown

    /// Claims through `cursor`, a cursor on the `event-ids` database.
    init(cursor: WriteCursor) {
        self.cursor = cursor
    }

    /// Inserts `key` → `position`; false (writing nothing) when the id is already in the log.
    mutating func claim(_ key: UnsafeRawBufferPointer, position: UnsafeRawBufferPointer) throws -> Bool {
        let order = UUIDOrder(key)
        let isLargest = try largestKey().map { order > $0 } ?? true
        let inserted = try cursor.insert(key: key, value: position, flags: isLargest ? .append : [])
        if inserted && isLargest { largest = .known(order) }
        return inserted
    }

    /// Call after deleting claims: the largest key is read again when next needed.
    mutating func forgetLargest() {
        largest = .unknown
    }

    private mutating func largestKey() throws -> UUIDOrder? {
        if case .known(let key) = largest { return key }
        let key = try cursor.lastKey { UUIDOrder($0) }
        largest = .known(key)
        return key
    }
}

/// A 16-byte key as two big-endian words: comparing them is LMDB's byte-wise key order.
struct UUIDOrder: Comparable {
    let high: UInt64
    let low: UInt64

    init(_ key: UnsafeRawBufferPointer) {
        high = UInt64(bigEndian: key.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        low = UInt64(bigEndian: key.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    static func < (lhs: UUIDOrder, rhs: UUIDOrder) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
