import Foundation
import LMDB

/// Puts gathered in memory and written in key order through one cursor. A batch's facts land
/// in rows all over the tree; put one by one, each descends from the root and LMDB searches
/// the transaction's dirty-page list on the way. Sorted, consecutive keys mostly fall on the
/// page the cursor already holds (LMDB checks it first), and keys past the database's last
/// key are appended without any search. A put can be taken back before the write (an empty
/// model built in memory drops the facts a later correction or void removes).
struct SortedPuts {
    /// Keys and values back to back: no allocation per put.
    private var arena: [UInt8] = []
    private var entries: [Entry] = []

    private struct Entry {
        let start: Int
        let keyCount: Int
        let valueCount: Int
        /// The key's first 16 bytes, big-endian, zero-padded: most comparisons end here
        /// instead of in `memcmp`.
        let head: (UInt64, UInt64)
        /// Taken back (``remove(_:)``): not written.
        var removed = false
    }

    var isEmpty: Bool { entries.isEmpty }

    /// How many puts are queued, taken back ones included (the next put's number).
    var count: Int { entries.count }

    /// Queues `value` under `key`; a later put of the same key wins, as it would in LMDB.
    /// Returns the put's number, for ``remove(_:)`` and ``withPut(_:_:)``.
    @discardableResult
    mutating func add(key: [UInt8], value: [UInt8]) -> Int {
        let head = key.withUnsafeBytes { (Self.bigEndian(of: $0, from: 0), Self.bigEndian(of: $0, from: 8)) }
        entries.append(Entry(start: arena.count, keyCount: key.count, valueCount: value.count, head: head))
        isSorted = false
        arena.append(contentsOf: key)
        arena.append(contentsOf: value)
        return entries.count - 1
    }

    /// Takes back queued put number `index`: it will not be written.
    mutating func remove(_ index: Int) { entries[index].removed = true }

    /// Calls `body` with the key and value of queued put number `index`.
    func withPut<R>(_ index: Int, _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let entry = entries[index]
        return try arena.withUnsafeBytes { arena in
            let valueStart = entry.start + entry.keyCount
            return try body(Self.key(entry, in: arena), UnsafeRawBufferPointer(rebasing: arena[valueStart..<(valueStart + entry.valueCount)]))
        }
    }

    /// Puts the queued puts in key order, leaving out the ones taken back, so ``write(into:in:)``
    /// only writes; put numbers no longer name the same puts afterwards. Needs no transaction,
    /// so a model built in memory sorts on any thread while another model is written.
    mutating func sort() {
        guard !isSorted else { return }
        entries.removeAll { $0.removed }
        arena.withUnsafeBytes { arena in
            // Equal keys keep their order (the later put is written last and wins).
            entries.sort { lhs, rhs in
                if lhs.head != rhs.head { return lhs.head < rhs.head }
                let order = Self.compare(Self.key(lhs, in: arena), Self.key(rhs, in: arena))
                return order < 0 || (order == 0 && lhs.start < rhs.start)
            }
        }
        isSorted = true
    }

    /// Set by ``sort()``, cleared by the next put.
    private var isSorted = false

    /// Writes every queued put into `database` in key order and forgets them.
    mutating func write(into database: Database, in txn: WriteTransaction) throws {
        sort()
        try writeSorted(into: database, in: txn)
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        isSorted = false
    }

    /// Writes the puts ``sort()`` ordered into `database` and keeps them: a transaction that
    /// fills the map runs its body again once the map has grown, and a model built in memory
    /// must then write the same puts again.
    func writeSorted(into database: Database, in txn: WriteTransaction) throws {
        precondition(isSorted || entries.isEmpty, "writeSorted before sort")
        guard !entries.isEmpty else { return }
        let sorted = entries
        try arena.withUnsafeBytes { arena in
            let cursor = try txn.writeCursor(database)
            var appending = false
            var last = try cursor.lastKey { Array($0) }
            for index in sorted.indices {
                let key = Self.key(sorted[index], in: arena)
                let entry = sorted[index]
                let valueStart = entry.start + entry.keyCount
                let value = UnsafeRawBufferPointer(rebasing: arena[valueStart..<(valueStart + entry.valueCount)])
                if !appending, let current = last {
                    appending = current.withUnsafeBytes { Self.compare(key, $0) > 0 }
                    if appending { last = nil }
                } else if !appending {
                    appending = true
                }
                // MDB_APPEND needs a key strictly after the last one written.
                let append = appending && (index == 0 || Self.compare(key, Self.key(sorted[index - 1], in: arena)) != 0)
                try cursor.put(key: key, value: value, flags: append ? .append : [])
            }
        }
    }

    private static func key(_ entry: Entry, in arena: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: arena[entry.start..<(entry.start + entry.keyCount)])
    }

    /// Eight bytes of `key` from `offset` as a big-endian integer, zeros past its end: equal
    /// integers leave the order to the full comparison, unequal ones decide it as it would.
    private static func bigEndian(of key: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in offset..<(offset + 8) { value = value << 8 | UInt64(index < key.count ? key[index] : 0) }
        return value
    }

    /// LMDB's default key order: bytes compared unsigned, a prefix before its extensions.
    static func compare(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Int {
        let common = min(lhs.count, rhs.count)
        if common > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
            let order = memcmp(left, right, common)
            if order != 0 { return Int(order) }
        }
        return lhs.count - rhs.count
    }
}
