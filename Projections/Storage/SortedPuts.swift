import Foundation
import LMDB

/// Puts gathered in memory and written in key order through one cursor. A batch's facts land
/// in rows all over the tree; put one by one, each descends from the root and LMDB searches
/// the transaction's dirty-page list on the way. Sorted, consecutive keys mostly fall on the
/// page the cursor already holds (LMDB checks it first), and keys past the database's last
/// key are appended without any search.
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
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Queues `value` under `key`; a later put of the same key wins, as it would in LMDB.
    mutating func add(key: [UInt8], value: [UInt8]) {
        let head = key.withUnsafeBytes { (Self.bigEndian(of: $0, from: 0), Self.bigEndian(of: $0, from: 8)) }
        entries.append(Entry(start: arena.count, keyCount: key.count, valueCount: value.count, head: head))
        arena.append(contentsOf: key)
        arena.append(contentsOf: value)
    }

    /// Writes every queued put into `database` in key order and forgets them.
    mutating func write(into database: Database, in txn: WriteTransaction) throws {
        guard !entries.isEmpty else { return }
        var sorted = entries
        entries.removeAll(keepingCapacity: true)
        try arena.withUnsafeBytes { arena in
            // Equal keys keep their order (the later put is written last and wins).
            sorted.sort { lhs, rhs in
                if lhs.head != rhs.head { return lhs.head < rhs.head }
                let order = Self.compare(Self.key(lhs, in: arena), Self.key(rhs, in: arena))
                return order < 0 || (order == 0 && lhs.start < rhs.start)
            }
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
        arena.removeAll(keepingCapacity: true)
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
