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
    private var arena = ByteArena()
    private var entries: [Entry] = []

    /// 32 bytes (48 with `Int` counts): the sort moves every entry several times.
    private struct Entry {
        let start: Int
        /// LMDB keys are at most 511 bytes.
        let keyCount: UInt16
        let valueCount: UInt32
        /// The key's first 16 bytes, big-endian, zero-padded: most comparisons end here
        /// instead of in `memcmp`.
        let head: (UInt64, UInt64)
        /// Taken back (``remove(_:)``): not written.
        var removed = false

        var keyRange: Range<Int> { start..<(start + Int(keyCount)) }
        var valueRange: Range<Int> { (start + Int(keyCount))..<(start + Int(keyCount) + Int(valueCount)) }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// How many puts are queued, taken back ones included (the next put's number).
    var count: Int { entries.count }

    /// Queues `value` under `key`; a later put of the same key wins, as it would in LMDB.
    /// Returns the put's number, for ``remove(_:)`` and ``withPut(_:_:)``.
    @discardableResult
    mutating func add(key: [UInt8], value: [UInt8]) -> Int {
        let head = key.withUnsafeBytes { (Self.bigEndian(of: $0, from: 0), Self.bigEndian(of: $0, from: 8)) }
        precondition(key.count <= Int(UInt16.max) && value.count <= Int(UInt32.max), "a put of \(key.count) + \(value.count) bytes")
        entries.append(Entry(start: arena.count, keyCount: UInt16(key.count), valueCount: UInt32(value.count), head: head))
        isSorted = false
        arena.append(key)
        arena.append(value)
        return entries.count - 1
    }

    /// Takes back queued put number `index` (sorted or not): it will not be written.
    mutating func remove(_ index: Int) { entries[index].removed = true }

    /// Calls `body` with the key and value of queued put number `index`.
    func withPut<R>(_ index: Int, _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let entry = entries[index]
        return try arena.withUnsafeBytes { arena in
            return try body(Self.key(entry, in: arena), UnsafeRawBufferPointer(rebasing: arena[entry.valueRange]))
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
        arena.removeAll()
        isSorted = false
    }

    /// Writes the puts ``sort()`` ordered into `database` and keeps them: a transaction that
    /// fills the map runs its body again once the map has grown, and a model built in memory
    /// must then write the same puts again. With `other` (sorted too), both are written as one
    /// sequence in key order, so what would have been puts into the middle of the tree after
    /// these are appended with them; of equal keys, `other`'s is written last and wins.
    func writeSorted(into database: Database, in txn: WriteTransaction, mergedWith other: SortedPuts = SortedPuts()) throws {
        precondition((isSorted || entries.isEmpty) && (other.isSorted || other.entries.isEmpty), "writeSorted before sort")
        guard !entries.isEmpty || !other.entries.isEmpty else { return }
        try arena.withUnsafeBytes { arena in
            try other.arena.withUnsafeBytes { otherArena in
                var appender = try Appender(cursor: txn.writeCursor(database))
                var mine = 0
                var theirs = 0
                while mine < entries.count || theirs < other.entries.count {
                    // Taken back after the sort.
                    if mine < entries.count, entries[mine].removed {
                        mine += 1
                        continue
                    }
                    let takesMine: Bool
                    if mine == entries.count {
                        takesMine = false
                    } else if theirs == other.entries.count {
                        takesMine = true
                    } else {
                        takesMine = Self.compare(Self.key(entries[mine], in: arena), Self.key(other.entries[theirs], in: otherArena)) <= 0
                    }
                    if takesMine {
                        try appender.put(entries[mine], in: arena)
                        mine += 1
                    } else {
                        try appender.put(other.entries[theirs], in: otherArena)
                        theirs += 1
                    }
                }
            }
        }
    }

    /// Puts keys in ascending order through one cursor: `MDB_APPEND` once past the
    /// database's last key, as long as each key is strictly after the one before it.
    private struct Appender {
        let cursor: WriteCursor
        /// The database's last key before the first put, until a key falls past it.
        private var last: [UInt8]?
        private var appending: Bool
        private var previous: UnsafeRawBufferPointer?

        init(cursor: WriteCursor) throws {
            self.cursor = cursor
            last = try cursor.lastKey { Array($0) }
            appending = last == nil
        }

        mutating func put(_ entry: Entry, in arena: UnsafeRawBufferPointer) throws {
            let key = SortedPuts.key(entry, in: arena)
            let value = UnsafeRawBufferPointer(rebasing: arena[entry.valueRange])
            if !appending, let current = last {
                appending = current.withUnsafeBytes { SortedPuts.compare(key, $0) > 0 }
                if appending { last = nil }
            }
            // MDB_APPEND needs a key strictly after the last one written.
            let append = appending && (previous.map { SortedPuts.compare(key, $0) != 0 } ?? true)
            try cursor.put(key: key, value: value, flags: append ? .append : [])
            previous = key
        }
    }

    /// The number of the sorted put under `key` (the last of equal ones), nil when there is
    /// none. Only after ``sort()``.
    func sortedPut(withKey key: [UInt8]) -> Int? {
        precondition(isSorted || entries.isEmpty, "sortedPut before sort")
        return key.withUnsafeBytes { key in
            arena.withUnsafeBytes { arena in
                let after = firstSorted { Self.compare(Self.key($0, in: arena), key) > 0 }
                guard after > 0, Self.compare(Self.key(entries[after - 1], in: arena), key) == 0 else { return nil }
                return after - 1
            }
        }
    }

    /// Calls `body` with the key and value of every sorted put whose key starts with `prefix`,
    /// in key order. Only after ``sort()``.
    func forEachSorted(
        withPrefix prefix: [UInt8], _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        precondition(isSorted || entries.isEmpty, "forEachSorted before sort")
        try prefix.withUnsafeBytes { prefix in
            try arena.withUnsafeBytes { arena in
                var index = firstSorted { Self.compare(Self.key($0, in: arena), prefix) >= 0 }
                while index < entries.count {
                    let entry = entries[index]
                    let key = Self.key(entry, in: arena)
                    guard Self.key(key, startsWith: prefix) else { return }
                    try body(key, UnsafeRawBufferPointer(rebasing: arena[entry.valueRange]))
                    index += 1
                }
            }
        }
    }

    /// The puts whose key starts with `prefix` (none taken back), sorted: a copy that shares
    /// this one's bytes, so another thread can read it while this one is sorted.
    func sortedSubset(withPrefix prefix: [UInt8]) -> SortedPuts {
        var subset = SortedPuts()
        subset.arena = arena
        prefix.withUnsafeBytes { prefix in
            arena.withUnsafeBytes { arena in
                subset.entries = entries.filter { entry in
                    let key = Self.key(entry, in: arena)
                    return !entry.removed && Self.key(key, startsWith: prefix)
                }
            }
        }
        subset.sort()
        return subset
    }

    /// Whether a sorted put's key starts with `prefix`. Only after ``sort()``.
    func hasSorted(withPrefix prefix: [UInt8]) -> Bool {
        precondition(isSorted || entries.isEmpty, "hasSorted before sort")
        return prefix.withUnsafeBytes { prefix in
            arena.withUnsafeBytes { arena in
                let index = firstSorted { Self.compare(Self.key($0, in: arena), prefix) >= 0 }
                return index < entries.count && Self.key(Self.key(entries[index], in: arena), startsWith: prefix)
            }
        }
    }

    private static func key(_ key: UnsafeRawBufferPointer, startsWith prefix: UnsafeRawBufferPointer) -> Bool {
        key.count >= prefix.count && compare(UnsafeRawBufferPointer(rebasing: key[..<prefix.count]), prefix) == 0
    }

    /// The first sorted put for which `isAtOrPast` holds (it holds for every put after it).
    private func firstSorted(where isAtOrPast: (Entry) -> Bool) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrPast(entries[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func key(_ entry: Entry, in arena: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: arena[entry.keyRange])
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
