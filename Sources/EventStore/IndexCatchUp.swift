import Foundation
import LMDB

/// Writes the entries past the indexes into the `streams`, `categories` and `event-ids`
/// databases: the unindexed tail's and, when a commit catches the indexes up itself, that
/// commit's runs, straight from both (gathering them into one tail first hashed every stream
/// key and event id once more only to read them back out).
///
/// Each index takes its entries sorted by key, so a page takes all of its key's new entries
/// in one write instead of being dirtied (and synced) once per commit.
enum IndexCatchUp {
    /// Writes the entries past the stored `indexed-through` (another process may have written
    /// some) and moves it to the last position of `runs`, or of `tail` when there are none.
    /// `runs` follow the tail in log order.
    static func write(_ tail: UnindexedTail, adding runs: [TailRun], in transaction: WriteTransaction, layout: StoreLayout) throws {
        let stored = try IndexedThrough.read(in: transaction, layout: layout)
        let head = runs.last.map { $0.firstPosition + UInt64($0.count) - 1 } ?? tail.head
        guard head > stored else { return }
        try writeStreams(tail, runs, after: stored, in: transaction, layout: layout)
        try writeCategories(tail, runs, after: stored, in: transaction, layout: layout)
        try writeEventIds(tail, runs, after: stored, in: transaction, layout: layout)
        try IndexedThrough.write(head, in: transaction, layout: layout)
    }

    /// Where a key's entries come from: the tail's list for that key, or run `n`.
    private enum Source {
        case tail
        case run(Int)
    }

    /// Every (key, source) pair in the order the index takes them: by key, and for one key the
    /// tail first, then the runs in log order (so a stream's versions keep increasing).
    private static func order(tailKeys: some Collection<[UInt8]>, runKeys: [[UInt8]]) -> [(key: [UInt8], source: Source)] {
        var ranked = tailKeys.map { (key: $0, rank: -1) } + runKeys.indices.map { (key: runKeys[$0], rank: $0) }
        ranked.sort { $0.key == $1.key ? $0.rank < $1.rank : keyPrecedes($0.key, $1.key) }
        return ranked.map { (key: $0.key, source: $0.rank < 0 ? .tail : .run($0.rank)) }
    }

    private static func writeStreams(
        _ tail: UnindexedTail, _ runs: [TailRun], after stored: UInt64, in transaction: WriteTransaction, layout: StoreLayout
    ) throws {
        let cursor = try transaction.writeCursor(layout.streams)
        func put(_ key: UnsafeRawBufferPointer, version: UInt64, position: UInt64) throws {
            guard position > stored else { return }
            var value = (version.bigEndian, position.bigEndian)
            try withUnsafeBytes(of: &value) { try cursor.put(key: key, value: $0, flags: .appendDuplicate) }
        }
        for (stream, source) in order(tailKeys: tail.streams.keys, runKeys: runs.map(\.stream)) {
            try stream.withUnsafeBytes { key in
                switch source {
                case .tail:
                    for entry in tail.streams[stream] ?? [] { try put(key, version: entry.version, position: entry.position) }
                case .run(let index):
                    let run = runs[index]
                    for offset in 0..<UInt64(run.count) {
                        try put(key, version: run.firstVersion + offset, position: run.firstPosition + offset)
                    }
                }
            }
        }
    }

    private static func writeCategories(
        _ tail: UnindexedTail, _ runs: [TailRun], after stored: UInt64, in transaction: WriteTransaction, layout: StoreLayout
    ) throws {
        let cursor = try transaction.writeCursor(layout.categories)
        func put(_ key: UnsafeRawBufferPointer, position: UInt64) throws {
            guard position > stored else { return }
            var value = position.bigEndian
            try withUnsafeBytes(of: &value) { try cursor.put(key: key, value: $0, flags: .appendDuplicate) }
        }
        for (category, source) in order(tailKeys: tail.categories.keys, runKeys: runs.map(\.category)) {
            try category.withUnsafeBytes { key in
                switch source {
                case .tail:
                    for position in tail.categories[category] ?? [] { try put(key, position: position) }
                case .run(let index):
                    let run = runs[index]
                    for offset in 0..<UInt64(run.count) { try put(key, position: run.firstPosition + offset) }
                }
            }
        }
    }

    /// Sorted, so ids minted in order go in with `MDB_APPEND` and each index page is dirtied once.
    private static func writeEventIds(
        _ tail: UnindexedTail, _ runs: [TailRun], after stored: UInt64, in transaction: WriteTransaction, layout: StoreLayout
    ) throws {
        var entries = tail.eventIds.sorted()
        var isSorted = true
        entries.reserveCapacity(entries.count + runs.reduce(0) { $0 + $1.count })
        for run in runs {
            for (offset, id) in run.eventIds.enumerated() {
                if let last = entries.last, id < last.id { isSorted = false }
                entries.append(EventIdEntry(id: id, position: run.firstPosition + UInt64(offset)))
            }
        }
        if !isSorted { entries.sort { $0.id < $1.id } }
        var writer = try EventIdIndexWriter(transaction: transaction, layout: layout)
        for entry in entries where entry.position > stored {
            try writer.put(entry.id, position: entry.position, in: transaction, layout: layout)
        }
    }

    /// LMDB's default key order (memcmp, then the shorter first), without generic iteration.
    private static func keyPrecedes(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        left.withUnsafeBytes { left in
            right.withUnsafeBytes { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order == 0 ? left.count < right.count : order < 0
            }
        }
    }
}
